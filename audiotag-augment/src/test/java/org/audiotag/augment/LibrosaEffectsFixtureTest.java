package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.augment.internal.Spectral;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compares time stretch and pitch shift with the librosa 0.10.2 fixtures at their double tolerances. */
class LibrosaEffectsFixtureTest {

    private static double[] input() throws IOException {
        float[] f = TestData.readF32(TestData.data("fixtures/librosa/inputs/sines_sr22050_n22050.f32"));
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertClose(double[] java, double[] ref, double atol, double rtol) {
        assertThat(java).hasSameSizeAs(ref);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            double excess = Math.abs(java[i] - ref[i]) - (atol + rtol * Math.abs(ref[i]));
            worst = Math.max(worst, excess);
        }
        assertThat(worst).as("largest excess over atol + rtol|ref|").isLessThanOrEqualTo(0.0);
    }

    @ParameterizedTest
    @CsvSource({
        "time_stretch_sines22k_rate1.25, 1.25, 1.2167655771833097e-09",
        "time_stretch_sines22k_rate0.8, 0.8, 2.5676183401657227e-09",
    })
    void timeStretchMatchesLibrosa(String name, double rate, double atol) throws IOException {
        double[] ref = TestData.readF64(TestData.data("fixtures/librosa/cases/" + name + ".f64"));
        double[] out = Spectral.timeStretch(input(), rate);
        assertClose(out, ref, atol, 1e-9);
        assertClose(TimeStretch.stretch(toFloat(input()), rate), ref, 0.0058, 1e-5);
    }

    @ParameterizedTest
    @CsvSource({
        "pitch_shift_sines22k_nsteps+2_resfft, 2, 1.0752025770378973e-09",
        "pitch_shift_sines22k_nsteps-3_resfft, -3, 2.1759455348657752e-09",
    })
    void pitchShiftMatchesLibrosa(String name, double steps, double atol) throws IOException {
        Path p = TestData.data("fixtures/librosa/cases/" + name + ".f64");
        double[] ref = TestData.readF64(p);
        double[] out = Spectral.pitchShift(input(), 22050, steps, 12);
        assertClose(out, ref, atol, 1e-9);
        assertClose(PitchShift.shift(toFloat(input()), 22050, steps), ref, 0.0055, 1e-5);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void assertClose(float[] java, double[] ref, double atol, double rtol) {
        double[] d = new double[java.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = java[i];
        }
        assertClose(d, ref, atol, rtol);
    }
}
