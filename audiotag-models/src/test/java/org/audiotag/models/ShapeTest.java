package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.ndarray.Shape;

/** Output shapes of every architecture (tiny versions run; original versions are only built). */
class ShapeTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void tinyModelsPredictOneProbabilityPerTag(Architecture a) {
        try (TagModel m = a.build(Tiny.config(a).build())) {
            int batch = 3;
            float[] x = Tiny.features(batch * m.exampleSize(), new SplittableRandom(1));
            float[] p = m.predict(x, batch);
            assertThat(p).hasSize(batch * Tiny.TAGS);
            for (float v : p) {
                assertThat(v).isStrictlyBetween(0f, 1f);
            }
            float[] z = m.predictLogits(x, batch);
            for (int i = 0; i < p.length; i++) {
                assertThat((double) p[i]).isCloseTo(1 / (1 + Math.exp(-z[i])),
                        org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(m.probabilities().shape().asArray()).containsExactly(-1L, Tiny.TAGS);
            assertThat(m.logits().shape().asArray()).containsExactly(-1L, Tiny.TAGS);
            assertThat(m.loss().shape().numDimensions()).isZero();
        }
    }

    /** The dense layer after flattening has the input width of docs/ORIGINAL-PROJECT.md §4 at the original shapes (NHWC flatten). */
    @Test
    void flattenedWidthsAtOriginalShapes() {
        Map<Architecture, long[]> head = Map.of(
                Architecture.DCNN, new long[] {2400, 256},
                Architecture.MODDCNN, new long[] {2400, 256},
                Architecture.KAGGLE, new long[] {512, 128},
                Architecture.MCNN, new long[] {2048, 1024},
                Architecture.SAMPLECNN, new long[] {512, 80},
                Architecture.RESE2MULTI, new long[] {192, 80},
                Architecture.GRU, new long[] {384, 80});
        ModelConfig cfg = ModelConfig.builder().trainingGraph(false).build();
        head.forEach((a, shape) -> {
            try (TagModel m = a.build(cfg)) {
                String name = a == Architecture.SAMPLECNN || a == Architecture.RESE2MULTI || a == Architecture.GRU
                        ? (a == Architecture.GRU ? "fc_w" : "fc_w") : "fc1_w";
                assertThat(m.layers().variables().get(name).shape()).as(a.cliName()).isEqualTo(Shape.of(shape));
                assertThat(m.probabilities().shape().asArray()).containsExactly(-1L, 80L);
            }
        });
    }

    @Test
    void inputKindsAndDefaultShapes() {
        assertThat(Architecture.DCNN.inputKind()).isEqualTo(InputKind.LOG_MEL_IMAGE);
        assertThat(Architecture.MCNN.inputKind()).isEqualTo(InputKind.MEL_SEQUENCE);
        assertThat(Architecture.GRU.inputKind()).isEqualTo(InputKind.MEL_SEQUENCE);
        assertThat(Architecture.SAMPLECNN.inputKind()).isEqualTo(InputKind.RAW_WAVEFORM);
        assertThat(InputKind.LOG_MEL_IMAGE.defaultShape()).containsExactly(128, 128, 1);
        assertThat(InputKind.RAW_WAVEFORM.defaultShape()).containsExactly(88200);
        assertThat(Architecture.byName("ReSE2Multi")).isEqualTo(Architecture.RESE2MULTI);
        assertThat(Architecture.byName("mcnn-nomask")).isEqualTo(Architecture.MCNN_NOMASK);
    }
}
