package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HPSS separates a steady tone from clicks. */
class HpssTest {
    private static final int SR = 22050;

    @Test
    void aToneGoesToTheHarmonicPartAndClicksToThePercussivePart() {
        int n = SR * 2;
        float[] tone = new float[n];
        float[] clicks = new float[n];
        for (int i = 0; i < n; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / SR));
        }
        for (int c = 2000; c < n; c += 5000) {
            clicks[c] = 0.9f;
            clicks[c + 1] = -0.6f;
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = tone[i] + clicks[i];
        }
        float[][] hp = HpssTransform.separate(y);
        // the parts add up to the input (soft masks sum to 1)
        for (int i = 0; i < n; i += 101) {
            assertThat(hp[0][i] + hp[1][i]).isCloseTo(y[i], within(1e-4f));
        }
        // correlation of each part with each source
        assertThat(corr(hp[0], tone)).isGreaterThan(0.95);
        assertThat(corr(hp[1], clicks)).isGreaterThan(0.6);
        assertThat(Math.abs(corr(hp[1], tone))).isLessThan(0.2);
        DrawLog log = new DrawLog();
        LabeledAudio out = HpssTransform.of(HpssTransform.Component.RANDOM)
                .apply(LabeledAudio.of(y, SR, "tone+clicks"), new SplittableRandom(4), log);
        Object c = log.find("hpss").values().get("component");
        assertThat(out.samples()).isEqualTo(c == HpssTransform.Component.HARMONIC ? hp[0] : hp[1]);
    }

    private static double corr(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
