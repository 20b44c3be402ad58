package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.SplittableRandom;
import org.audiotag.features.internal.fft.FftPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Noise at a target SNR on real clips, and the spectral slope of coloured noise. */
class NoiseTransformTest {

    @ParameterizedTest
    @EnumSource(NoiseTransform.Color.class)
    void snrIsWithinATenthOfADecibelOfTheTarget(NoiseTransform.Color color) throws IOException {
        for (LabeledAudio clip : TestData.esc10().subList(0, 3)) {
            NoiseTransform t = NoiseTransform.atSnr(color, -5, 20);
            DrawLog log = new DrawLog();
            LabeledAudio out = t.apply(clip, new SplittableRandom(clip.length()), log);
            double target = (Double) log.find("noise").values().get("snrDb");
            float[] x = clip.samples();
            float[] y = out.samples();
            double ps = 0;
            double pn = 0;
            for (int i = 0; i < x.length; i++) {
                ps += (double) x[i] * x[i];
                double d = (double) y[i] - x[i];
                pn += d * d;
            }
            assertThat(10 * Math.log10(ps / pn)).isCloseTo(target, within(0.1));
        }
    }

    /** Mean power spectral density (dB) per octave band [f, 2f) of a long noise sample. */
    private static double slopeDbPerOctave(NoiseTransform.Color color) {
        int n = 1 << 16;
        double[] w = NoiseTransform.generate(color, n, new SplittableRandom(42));
        double[] a = w.clone();
        FftPlans.real(n).forwardPacked(a, 0);
        double[] bandDb = new double[6];
        for (int b = 0; b < 6; b++) {
            int lo = 64 << b;
            int hi = 128 << b;
            double p = 0;
            for (int k = lo; k < hi; k++) {
                p += a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
            }
            bandDb[b] = 10 * Math.log10(p / (hi - lo));
        }
        return (bandDb[5] - bandDb[0]) / 5.0;
    }

    @Test
    void colouredNoiseHasTheRightSpectralSlope() {
        assertThat(slopeDbPerOctave(NoiseTransform.Color.WHITE)).isCloseTo(0.0, within(0.3));
        assertThat(slopeDbPerOctave(NoiseTransform.Color.PINK)).isCloseTo(-3.01, within(0.3));
        assertThat(slopeDbPerOctave(NoiseTransform.Color.BROWN)).isCloseTo(-6.02, within(0.3));
    }

    @Test
    void fixedAmplitudeNoiseHasThatStandardDeviation() throws IOException {
        LabeledAudio clip = TestData.esc10().get(2);
        LabeledAudio out = NoiseTransform.faithful().apply(clip, new SplittableRandom(1), new DrawLog());
        double s = 0;
        float[] x = clip.samples();
        float[] y = out.samples();
        for (int i = 0; i < x.length; i++) {
            double d = (double) y[i] - x[i];
            s += d * d;
        }
        assertThat(Math.sqrt(s / x.length)).isCloseTo(5e-5, within(2e-6));
    }

    @Test
    void silenceOrBadRangesAreRejected() {
        LabeledAudio silent = LabeledAudio.of(new float[100], 44100, "silence.wav");
        DrawLog log = new DrawLog();
        assertThat(NoiseTransform.atSnr(NoiseTransform.Color.WHITE, 0, 10).apply(silent, new SplittableRandom(1), log))
                .isSameAs(silent);
        assertThat(log.find("noise").values().get("skipped")).isEqualTo("silent clip");
        assertThatThrownBy(() -> NoiseTransform.atSnr(NoiseTransform.Color.WHITE, 10, 0))
                .hasMessageContaining("snrDb");
        assertThatThrownBy(() -> NoiseTransform.fixedAmplitude(NoiseTransform.Color.PINK, Double.NaN))
                .hasMessageContaining("amplitude");
    }
}
