package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.audiotag.features.internal.fft.FftPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pitch shift and time stretch on pure tones. */
class PitchAndTimeTest {
    private static final int SR = 22050;

    private static float[] tone(double hz, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / SR));
        }
        return y;
    }

    /** Peak frequency of the Hann-windowed middle 16384 samples, refined by parabolic interpolation of log power. */
    private static double peakHz(float[] y) {
        int n = 16384;
        int start = (y.length - n) / 2;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = y[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        FftPlans.real(n).forwardPacked(a, 0);
        int best = 1;
        double[] p = new double[n / 2];
        for (int k = 1; k < n / 2; k++) {
            p[k] = Math.log(a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1] + 1e-30);
            if (p[k] > p[best]) {
                best = k;
            }
        }
        double d = 0.5 * (p[best - 1] - p[best + 1]) / (p[best - 1] - 2 * p[best] + p[best + 1]);
        return (best + d) * SR / (double) n;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-5, -1, 1, 2, 7})
    void pitchShiftMovesAPureTonesPeakByTheSemitoneRatio(double steps) {
        float[] y = tone(440, SR * 2);
        float[] s = PitchShift.shift(y, SR, steps);
        assertThat(s).hasSize(y.length);
        double ratio = peakHz(s) / peakHz(y);
        assertThat(ratio).isCloseTo(Math.pow(2, steps / 12.0), within(0.002));
    }

    @Test
    void timeStretchChangesTheLengthButNotThePitch() {
        float[] y = tone(660, SR * 2);
        for (double rate : new double[] {0.8, 1.3}) {
            float[] s = TimeStretch.stretch(y, rate);
            assertThat(s).hasSize((int) Math.rint(y.length / rate));
            assertThat(peakHz(s) / peakHz(y)).isCloseTo(1.0, within(0.002));
        }
    }

    @Test
    void integerSemitonesAreDrawnSymmetrically() {
        PitchShift p = PitchShift.ofSemitones(-1, 1, true);
        LabeledAudio clip = LabeledAudio.of(tone(440, 4096), SR, "tone");
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            DrawLog log = new DrawLog();
            p.apply(clip, ExampleSeed.forExample(3, 0, i), log);
            counts[(int) (double) (Double) log.find("pitchShift").values().get("semitones") + 1]++;
        }
        for (int c : counts) {
            assertThat(c).isGreaterThan(60);
        }
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> TimeStretch.ofRate(0, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> PitchShift.ofSemitones(2, 1, false)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> PitchShift.shift(new float[0], SR, 1)).hasMessageContaining("zero-length");
        assertThatThrownBy(() -> PitchShift.ofSemitones(0.2, 0.8, true)).hasMessageContaining("no integer");
        assertThatThrownBy(() -> PitchShift.shift(new float[] {0.5f}, SR, -48)).hasMessageContaining("too short");
        assertThatThrownBy(() -> TimeStretch.stretch(new float[] {0.5f}, 4)).hasMessageContaining("no samples");
        assertThatThrownBy(() -> PitchShift.ofSemitones(Double.NaN, 1, false)).hasMessageContaining("nSteps");
        assertThat(PitchShift.ofSemitones(0, 0, true).apply(LabeledAudio.of(tone(1, 10), SR, "t"),
                new SplittableRandom(1), new DrawLog()).length()).isEqualTo(10);
    }
}
