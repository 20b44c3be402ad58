package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SpecAugment on a real log-mel spectrogram, gain, polarity and crop/pad on real clips. */
class SpecAugmentAndSimpleTransformsTest {

    @Test
    void masksCoverTheRecordedBandsAndFramesAndNothingElse() throws IOException {
        LabeledAudio dog = TestData.esc10().get(0);
        org.audiotag.features.FeatureMatrix mel = org.audiotag.features.MelSpectrogram.builder().sampleRate(44100)
                .nMels(64).build().compute(dog.samples());
        int rows = mel.rows();
        int cols = mel.cols();
        float[] spec = mel.toArray();
        for (int i = 0; i < spec.length; i++) {
            spec[i] = (float) (10 * Math.log10(Math.max(1e-10, spec[i])));
        }
        SpecAugment sa = SpecAugment.of(10, 2, 30, 2, true);
        DrawLog log = new DrawLog();
        float[] out = sa.apply(spec, rows, cols, new SplittableRandom(9), log);
        int[] f = (int[]) log.find("specAugment").values().get("freq");
        int[] t = (int[]) log.find("specAugment").values().get("time");
        float value = (Float) log.find("specAugment").values().get("value");
        boolean[][] masked = new boolean[rows][cols];
        for (int m = 0; m < 2; m++) {
            assertThat(f[2 * m + 1]).isBetween(0, 10);
            assertThat(t[2 * m + 1]).isBetween(0, 30);
            for (int k = f[2 * m]; k < f[2 * m] + f[2 * m + 1]; k++) {
                java.util.Arrays.fill(masked[k], true);
            }
            for (int k = 0; k < rows; k++) {
                for (int j = t[2 * m]; j < t[2 * m] + t[2 * m + 1]; j++) {
                    masked[k][j] = true;
                }
            }
        }
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < cols; j++) {
                assertThat(out[k * cols + j]).isEqualTo(masked[k][j] ? value : spec[k * cols + j]);
            }
        }
        assertThatThrownBy(() -> sa.apply(spec, rows + 1, cols, new SplittableRandom(1), new DrawLog()))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> SpecAugment.of(-1, 1, 1, 1, false)).hasMessageContaining("freqMaskParam");
    }

    @Test
    void gainPolarityAndCropDoWhatTheySay() throws IOException {
        LabeledAudio clip = TestData.esc10().get(3);
        DrawLog log = new DrawLog();
        LabeledAudio g = GainTransform.ofDb(-6, 6).apply(clip, new SplittableRandom(2), log);
        double db = (Double) log.find("gain").values().get("gainDb");
        assertThat(10 * Math.log10(TestData.energy(g.samples()) / TestData.energy(clip.samples())))
                .isCloseTo(db, within(1e-4));
        LabeledAudio p = new PolarityInversion().apply(clip, new SplittableRandom(2), log);
        assertThat(p.samples()[1000]).isEqualTo(-clip.samples()[1000]);

        LabeledAudio c = CropOrPad.random(88200).apply(clip, new SplittableRandom(4), log);
        int start = (Integer) log.find("crop").values().get("cropStart");
        assertThat(c.length()).isEqualTo(88200);
        assertThat(c.samples()[0]).isEqualTo(clip.samples()[start]);
        assertThat(c.samples()[88199]).isEqualTo(clip.samples()[start + 88199]);
        LabeledAudio padded = CropOrPad.of(clip.length() + 10, CropOrPad.Position.START, CropOrPad.Position.CENTRE)
                .apply(clip, new SplittableRandom(4), new DrawLog());
        assertThat(padded.samples()[5]).isEqualTo(clip.samples()[0]);
        assertThat(padded.samples()[4]).isZero();
        assertThatThrownBy(() -> CropOrPad.random(0)).hasMessageContaining("length");
        assertThatThrownBy(() -> GainTransform.ofDb(3, -3)).hasMessageContaining("minDb");
    }
}
