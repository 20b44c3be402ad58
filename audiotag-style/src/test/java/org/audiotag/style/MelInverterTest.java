package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MelInverterTest {

    private static MelInverter.Builder inverter(String basisCase) {
        Fixtures.Case b = Fixtures.get(basisCase);
        return MelInverter.builder(Fixtures.read(b.file()), b.shape()[0], b.shape()[1]);
    }

    private static double melResidual(double[] basis, int nMels, int nBins, double[] x, double[] m, int frames) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < nMels; i++) {
            for (int t = 0; t < frames; t++) {
                double s = 0;
                for (int k = 0; k < nBins; k++) {
                    double v = x[k * frames + t];
                    s += basis[i * nBins + k] * v * v;
                }
                double d = s - m[i * frames + t];
                num += d * d;
                den += m[i * frames + t] * m[i * frames + t];
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void melToStftOdd44099StopsAtStartPointAndMatchesLibrosa() {
        Fixtures.Case c = Fixtures.get("mel_to_stft_odd44099_power2");
        double[] m = Fixtures.read(c.inputs().get("M"));
        MelInverter inv = inverter("mel_sr44100_nfft2048_nmels128_fmin20_fmax22050_slaney").build();
        MelInverter.Inversion r = inv.melToStft(m, 87);
        assertThat(r.iterations()).as("L-BFGS-B stops at x0 for this input (nnls_diagnostics.lbfgsb_nit)").isZero();
        double[] ref = Fixtures.read(c.file());
        assertThat(Fixtures.violation(r.values(), ref, c.atol(), c.rtol())).isLessThanOrEqualTo(1.0);
    }

    @Test
    void pinvStartPointSines22kMatchesLibrosa() {
        Fixtures.Case c = Fixtures.get("mel_to_stft_pinv_init_sines22k");
        double[] m = Fixtures.read(c.inputs().get("M"));
        MelInverter inv = inverter("mel_sr22050_nfft2048_nmels128_defaults").maxIter(0).build();
        MelInverter.Inversion r = inv.melToStft(m, 44);
        double[] ref = Fixtures.read(c.file());
        assertThat(Fixtures.violation(r.values(), ref, c.atol(), c.rtol())).isLessThanOrEqualTo(1.0);
    }

    @Test
    void iteratingNnlsSines22kReachesLibrosaResidual() {
        Fixtures.Case c = Fixtures.get("mel_to_stft_sines22k_power2");
        Fixtures.Case bc = Fixtures.get("mel_sr22050_nfft2048_nmels128_defaults");
        double[] basis = Fixtures.read(bc.file());
        double[] m = Fixtures.read(c.inputs().get("M"));
        MelInverter.Inversion r = inverter("mel_sr22050_nfft2048_nmels128_defaults").build().melToStft(m, 44);
        for (double v : r.values()) {
            assertThat(v).isGreaterThanOrEqualTo(0.0);
        }
        assertThat(r.iterations()).isPositive();
        double residual = melResidual(basis, 128, 1025, r.values(), m, 44);
        // librosa: 0.008433 (x0 alone: 0.1457); the notes ask for at most ~1.5x librosa's.
        assertThat(residual).isLessThan(1.5 * 0.00843296285795864);
        double[] ref = Fixtures.read(c.file());
        double num = 0;
        double den = 0;
        for (int i = 0; i < ref.length; i++) {
            num += (r.values()[i] - ref[i]) * (r.values()[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        assertThat(Math.sqrt(num / den)).isLessThan(0.1);
        org.slf4j.LoggerFactory.getLogger(MelInverterTest.class).info(
                "sines22k NNLS: {} iterations, mel residual {} (librosa 0.008433, x0 0.1457), ||X - X_librosa||/||X_librosa|| {}",
                r.iterations(), residual, Math.sqrt(num / den));
    }

    @Test
    void emptyFilterBankFallsBackToSvdAndLongInputsSplitIntoBlocks() {
        // n_fft 512 at 22050 Hz with 128 mels leaves the lowest filters empty: A A^T is singular.
        org.audiotag.features.MelFilterBank fb = org.audiotag.features.MelFilterBank.of(22050, 512, 128, 0, 11025,
                false, org.audiotag.features.MelNorm.SLANEY);
        double[] a = fb.dense().toArray();
        org.audiotag.style.internal.PseudoInverse pinv = new org.audiotag.style.internal.PseudoInverse(
                new org.audiotag.style.internal.SparseMatrix(a, 128, 257));
        assertThat(pinv.usesGramRoute()).isFalse();
        int frames = 300;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        double[] x = new double[257 * frames];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() * rng.nextDouble();
        }
        double[] m = new double[128 * frames];
        for (int i = 0; i < 128; i++) {
            for (int t = 0; t < frames; t++) {
                double sum = 0;
                for (int k = 0; k < 257; k++) {
                    sum += a[i * 257 + k] * x[k * frames + t] * x[k * frames + t];
                }
                m[i * frames + t] = sum * 1e4; // scaled up so that the NNLS iterates
            }
        }
        MelInverter.Inversion r = MelInverter.builder(fb).blockFrames(128).build().melToStft(m, frames);
        assertThat(r.iterations()).isPositive();
        double residual = melResidual(a, 128, 257, r.values(), m, frames);
        MelInverter.Inversion start = MelInverter.builder(fb).blockFrames(128).maxIter(0).build().melToStft(m, frames);
        double residual0 = melResidual(a, 128, 257, start.values(), m, frames);
        assertThat(residual).isLessThan(0.05).isLessThan(residual0);
        // the Gram route is used where it is accurate
        Fixtures.Case bc = Fixtures.get("mel_sr22050_nfft2048_nmels128_defaults");
        assertThat(new org.audiotag.style.internal.PseudoInverse(new org.audiotag.style.internal.SparseMatrix(
                Fixtures.read(bc.file()), 128, 1025)).usesGramRoute()).isTrue();
    }

    @Test
    void builderFromAMelConfigUsesItsBasisAndPower() {
        org.audiotag.features.MelConfig cfg = org.audiotag.features.MelConfig.builder().sampleRate(22050)
                .stft(org.audiotag.features.StftConfig.builder().nFft(1024).build()).nMels(64).power(1).build();
        int frames = 20;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        double[] m = new double[64 * frames];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble();
        }
        MelInverter fromConfig = MelInverter.builder(cfg).build();
        assertThat(fromConfig.nMels()).isEqualTo(64);
        assertThat(fromConfig.nBins()).isEqualTo(513);
        assertThat(fromConfig.power()).isEqualTo(1.0);
        MelInverter fromBank = MelInverter.builder(org.audiotag.features.MelFilterBank.of(22050, 1024, 64, 0, 11025,
                false, org.audiotag.features.MelNorm.SLANEY)).power(1).build();
        assertThat(fromConfig.melToStft(m, frames).values()).isEqualTo(fromBank.melToStft(m, frames).values());
        assertThatThrownBy(() -> MelInverter.builder((org.audiotag.features.MelConfig) null))
                .hasMessageContaining("mel");
    }

    @Test
    void badInputIsNamed() {
        MelInverter inv = inverter("mel_sr22050_nfft2048_nmels128_defaults").build();
        double[] m = new double[128 * 2];
        m[5] = Double.NaN;
        assertThatThrownBy(() -> inv.melToStft(m, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mel").hasMessageContaining("frame 1");
        assertThatThrownBy(() -> inv.melToStft(new double[10], 2)).hasMessageContaining("expected (128, nFrames)");
        assertThatThrownBy(() -> MelInverter.builder(new double[4], 2, 2).power(0))
                .hasMessageContaining("power");
    }
}
