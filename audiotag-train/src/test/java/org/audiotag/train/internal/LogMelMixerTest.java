package org.audiotag.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.audiotag.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dB-domain mixing of log-mel crops: the power sum, the draw order and the united targets. */
class LogMelMixerTest {

    @Test
    void mixingSumsPowersOfTwoDecibelSpectrograms() {
        float[] a = {-20f, 0f, -80f, -30f, 10f};
        float[] b = {-20f, -3f, -200f, 10f, -30f};
        float[] ab = a.clone();
        LogMelMixer.mixDecibels(ab, 0, b, 0, a.length);
        float[] ba = b.clone();
        LogMelMixer.mixDecibels(ba, 0, a, 0, a.length);
        assertThat(ab).containsExactly(ba); // symmetric
        for (int k = 0; k < a.length; k++) {
            double direct = 10 * Math.log10(Math.pow(10, a[k] / 10.0) + Math.pow(10, b[k] / 10.0));
            assertThat((double) ab[k]).isCloseTo(direct, within(1e-5));
        }
        assertThat(ab[0]).isCloseTo(-20f + 3.0103f, within(1e-4f)); // two equal powers: +3 dB
        assertThat(ab[2]).isEqualTo(-80f); // silence adds nothing
        float[] shifted = {9f, 9f, -20f, -20f};
        LogMelMixer.mixDecibels(shifted, 2, b, 0, 2);
        assertThat(shifted).containsExactly(9f, 9f, ab[0], mixed(-20f, -3f)); // offsets respected
    }

    static float mixed(float a, float b) {
        float[] x = {a};
        LogMelMixer.mixDecibels(x, 0, new float[] {b}, 0, 1);
        return x[0];
    }

    @Test
    void mixesWithTheDocumentedDrawsAndUnitesTheTargets(@TempDir Path cache) throws Exception {
        try (TrainingData data = TinyRunData.open(TrainingConfig.builder().threads(2).build(), cache)) {
            int ex = data.window() * data.bins();
            float[] x = new float[ex + 3];
            data.crop(0, 10, x, 3);
            float[] y = new float[data.numTags() + 1];
            System.arraycopy(data.dataset().target(0), 0, y, 1, data.numTags());

            // probability 0: nothing changes and no random number is drawn
            float[] x0 = x.clone();
            float[] y0 = y.clone();
            SplittableRandom r = new SplittableRandom(5);
            new LogMelMixer(data, 0).maybeMix(r, x0, 3, y0, 1);
            assertThat(x0).containsExactly(x);
            assertThat(y0).containsExactly(y);
            assertThat(r.nextLong()).isEqualTo(new SplittableRandom(5).nextLong());

            // probability 1: draw the decision, the partner and its crop start, in this order
            for (long seed = 0; seed < 4; seed++) {
                float[] x1 = x.clone();
                float[] y1 = y.clone();
                new LogMelMixer(data, 1).maybeMix(new SplittableRandom(seed), x1, 3, y1, 1);
                SplittableRandom q = new SplittableRandom(seed);
                q.nextDouble();
                int other = data.train()[q.nextInt(data.trainSize())];
                float[] partner = new float[ex];
                data.crop(other, Crops.randomStart(data.frames(other), data.window(), q), partner, 0);
                float[] expected = x.clone();
                LogMelMixer.mixDecibels(expected, 3, partner, 0, ex);
                assertThat(x1).containsExactly(expected);
                float[] t = data.dataset().target(other);
                for (int k = 0; k < data.numTags(); k++) {
                    assertThat(y1[1 + k]).isEqualTo(Math.max(y[1 + k], t[k]));
                }
                assertThat(y1[0]).isZero();
            }
        }
        assertThatThrownBy(() -> new LogMelMixer(null, 1.5)).hasMessageContaining("probability");
    }
}
