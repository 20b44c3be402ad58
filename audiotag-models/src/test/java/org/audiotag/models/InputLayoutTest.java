package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.TimeMajorFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature layout is checked at the model's door: typed entry points take {@link TimeMajorFeatures} (the layout
 * is in the type) and check every example's shape; a librosa (mel, frame) matrix has to be converted by name.
 */
class InputLayoutTest {

    static List<TimeMajorFeatures> split(float[] x, int batch, int frames, int bins) {
        List<TimeMajorFeatures> out = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            out.add(new TimeMajorFeatures(frames, bins, Arrays.copyOfRange(x, i * frames * bins,
                    (i + 1) * frames * bins)));
        }
        return out;
    }

    @Test
    void typedPredictAndTrainStepEqualTheFlatOnesAndCheckTheShape() {
        Architecture a = Architecture.DCNN;                               // (116 frames, 40 mels, 1)
        SplittableRandom r = new SplittableRandom(5);
        int batch = 3;
        try (TagModel m1 = a.build(Tiny.config(a).build()); TagModel m2 = a.build(Tiny.config(a).build())) {
            float[] x = Tiny.features(batch * m1.exampleSize(), r);
            float[] y = Tiny.targets(batch, m1.numTags(), r);
            List<TimeMajorFeatures> typed = split(x, batch, 116, 40);
            assertThat(m2.predict(typed)).containsExactly(m1.predict(x, batch));
            assertThat(m2.trainStep(typed, y, 1e-2f)).isEqualTo(m1.trainStep(x, y, batch, 1e-2f));
            assertThat(m2.predict(typed)).containsExactly(m1.predict(x, batch));

            // the same values read as (mel, frame) are 40 frames of 116 bins: refused, naming the expected layout
            List<TimeMajorFeatures> swapped = split(x, batch, 40, 116);
            assertThatThrownBy(() -> m1.predict(swapped)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("examples[0]").hasMessageContaining("time-major (frame, bin)")
                    .hasMessageContaining("116 frames x 40 bins").hasMessageContaining("got 40 frames x 116 bins");
            assertThatThrownBy(() -> m1.trainStep(swapped, y, 1e-2f)).hasMessageContaining("time-major");
            assertThatThrownBy(() -> m1.predict(List.of())).hasMessageContaining("empty");

            // a librosa-layout matrix is converted explicitly, by the name of its layout
            FeatureMatrix librosa = FeatureMatrix.of(40, 116, typed.get(0).toBinMajor().toArray());
            TimeMajorFeatures back = TimeMajorFeatures.fromBinMajor(librosa);
            assertThat(back.data()).containsExactly(typed.get(0).data());
            assertThat(m1.predict(List.of(back))).containsExactly(m1.predict(typed.get(0).data(), 1));
        }
    }

    @Test
    void waveformModelsTakeOneBinPerSample(@TempDir Path tmp) throws Exception {
        Architecture a = Architecture.SAMPLECNN;                          // (243 samples)
        try (TagModel m = a.build(Tiny.config(a).build())) {
            float[] x = Tiny.features(2 * 243, new SplittableRandom(2));
            assertThat(m.predict(split(x, 2, 243, 1))).containsExactly(m.predict(x, 2));
            assertThatThrownBy(() -> m.predict(split(x, 2, 1, 243))).hasMessageContaining("243 frames x 1 bins");
            m.exportSavedModel(tmp.resolve("m"));
            try (SavedModelRunner r = SavedModelRunner.load(tmp.resolve("m"))) {
                assertThat(r.predict(split(x, 2, 243, 1))).containsExactly(m.predict(x, 2));
                assertThatThrownBy(() -> r.predict(split(x, 2, 1, 243))).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("time-major");
            }
        }
    }

    /** A (mel, frame) FeatureMatrix cannot reach a model: no public entry point accepts one. */
    @Test
    void noModelEntryPointTakesAFeatureMatrix() {
        for (Class<?> c : List.of(TagModel.class, SavedModelRunner.class, Tagger.class)) {
            for (Method method : c.getMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    assertThat(method.getParameterTypes()).as(c.getSimpleName() + "." + method.getName())
                            .doesNotContain(FeatureMatrix.class);
                }
            }
        }
    }
}
