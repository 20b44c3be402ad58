package org.audiotag.features.internal.fft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The FFT engine against a straightforward O(n^2) DFT (computed in double with exact angle reduction). */
class FftEngineTest {
    /** Sizes of the pipelines (power spectra), small and odd sizes, every radix, and Bluestein sizes. */
    private static final int[] SIZES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 25, 27, 30, 31, 32, 37, 60, 64,
        97, 100, 121, 128, 210, 243, 256, 480, 500, 512, 625, 1000, 1009, 1024, 1031, 1200, 2048, 2560, 2662, 4096};

    private static double[][] dft(double[] re, double[] im, int sign) {
        int n = re.length;
        double[] or = new double[n];
        double[] oi = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                long e = (long) j * k % n;
                double a = sign * 2.0 * Math.PI * e / n;
                double c = Math.cos(a);
                double s = Math.sin(a);
                sr += re[j] * c - im[j] * s;
                si += re[j] * s + im[j] * c;
            }
            or[k] = sr;
            oi[k] = si;
        }
        return new double[][] {or, oi};
    }

    private static double[] random(int n, SplittableRandom r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    private static double tol(int n) {
        return 1e-13 * Math.sqrt(n) * (1 + Math.log(n));
    }

    @Test
    void complexForwardAndInverseMatchTheDirectDftAtEverySize() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : SIZES) {
            double[] re = random(n, r);
            double[] im = random(n, r);
            double[][] want = dft(re, im, -1);
            double[] data = new double[2 * n];
            for (int i = 0; i < n; i++) {
                data[2 * i] = re[i];
                data[2 * i + 1] = im[i];
            }
            ComplexFft plan = FftPlans.complex(n);
            plan.forward(data);
            for (int k = 0; k < n; k++) {
                assertThat(data[2 * k]).as("n=%d re bin %d", n, k).isCloseTo(want[0][k], org.assertj.core.data.Offset.offset(tol(n) * n));
                assertThat(data[2 * k + 1]).as("n=%d im bin %d", n, k).isCloseTo(want[1][k], org.assertj.core.data.Offset.offset(tol(n) * n));
            }
            plan.inverse(data, true);
            for (int i = 0; i < n; i++) {
                assertThat(data[2 * i]).as("n=%d inverse re %d", n, i).isCloseTo(re[i], org.assertj.core.data.Offset.offset(tol(n)));
                assertThat(data[2 * i + 1]).as("n=%d inverse im %d", n, i).isCloseTo(im[i], org.assertj.core.data.Offset.offset(tol(n)));
            }
        }
    }

    @Test
    void realForwardPowerPackedAndInverseMatchTheDirectDft() {
        SplittableRandom r = new SplittableRandom(2);
        for (int n : SIZES) {
            double[] x = random(n, r);
            double[][] want = dft(x, new double[n], -1);
            RealFft plan = FftPlans.real(n);
            int bins = n / 2 + 1;
            assertThat(plan.bins()).isEqualTo(bins);
            double[] re = new double[bins];
            double[] im = new double[bins];
            plan.forward(x, re, im);
            double t = tol(n) * n;
            for (int k = 0; k < bins; k++) {
                assertThat(re[k]).as("n=%d re %d", n, k).isCloseTo(want[0][k], org.assertj.core.data.Offset.offset(t));
                assertThat(im[k]).as("n=%d im %d", n, k).isCloseTo(want[1][k], org.assertj.core.data.Offset.offset(t));
            }
            // windowed frame at an offset, double and float power paths
            double[] sig = new double[n + 7];
            float[] sigF = new float[n + 7];
            double[] win = new double[n];
            float[] winF = new float[n];
            for (int i = 0; i < n + 7; i++) {
                sigF[i] = (float) r.nextDouble(-1, 1);
                sig[i] = sigF[i];
            }
            double[] xw = new double[n];
            for (int i = 0; i < n; i++) {
                winF[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
                win[i] = winF[i];
                xw[i] = sig[5 + i] * win[i];
            }
            double[][] wantW = dft(xw, new double[n], -1);
            plan.forwardFrame(sig, 5, win, re, im);
            float[] pow = new float[bins + 3];
            plan.powerFrame(sigF, 5, winF, pow, 3);
            for (int k = 0; k < bins; k++) {
                assertThat(re[k]).as("n=%d frame re %d", n, k).isCloseTo(wantW[0][k], org.assertj.core.data.Offset.offset(t));
                assertThat(im[k]).as("n=%d frame im %d", n, k).isCloseTo(wantW[1][k], org.assertj.core.data.Offset.offset(t));
                double p = wantW[0][k] * wantW[0][k] + wantW[1][k] * wantW[1][k];
                assertThat((double) pow[3 + k]).as("n=%d power %d", n, k)
                        .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-6 * (p + n)));
            }
            // packed round trip
            double[] a = new double[n + 2];
            System.arraycopy(x, 0, a, 2, n);
            plan.forwardPacked(a, 2);
            double[] pr = new double[bins];
            double[] pi = new double[bins];
            plan.unpackPacked(a, 2, pr, pi);
            for (int k = 0; k < bins; k++) {
                assertThat(pr[k]).isCloseTo(want[0][k], org.assertj.core.data.Offset.offset(t));
                boolean realOnly = k == 0 || (n % 2 == 0 && k == n / 2);
                assertThat(pi[k]).isCloseTo(realOnly ? 0.0 : want[1][k], org.assertj.core.data.Offset.offset(t));
            }
            plan.inversePacked(a, 2);
            for (int i = 0; i < n; i++) {
                assertThat(a[2 + i]).as("n=%d inverse %d", n, i).isCloseTo(x[i], org.assertj.core.data.Offset.offset(tol(n)));
            }
        }
    }

    @Test
    void irfftIgnoresTheImaginaryPartsOfDcAndNyquistAsNumpy() {
        for (int n : new int[] {8, 9, 2048, 2560}) {
            int bins = n / 2 + 1;
            SplittableRandom r = new SplittableRandom(n);
            double[] re = random(bins, r);
            double[] im = random(bins, r);
            double[] out = new double[n];
            FftPlans.real(n).inverse(re, im, out, 0);
            // numpy: the Hermitian extension of bins 0..n/2 with Im X_0 (and Im X_{n/2} for even n) dropped
            double[] fr = new double[n];
            double[] fi = new double[n];
            for (int k = 0; k < n; k++) {
                int kk = k <= n / 2 ? k : n - k;
                fr[k] = re[kk];
                boolean drop = kk == 0 || (n % 2 == 0 && kk == n / 2);
                fi[k] = drop ? 0.0 : (k <= n / 2 ? im[kk] : -im[kk]);
            }
            double[][] want = dft(fr, fi, 1);
            for (int i = 0; i < n; i++) {
                assertThat(out[i]).isCloseTo(want[0][i] / n, org.assertj.core.data.Offset.offset(tol(n)));
            }
        }
    }

    @Test
    void plansFactorIntoTheExpectedPassesAndUseBluesteinOnlyForLargePrimes() {
        assertThat(ComplexFft.factor(1024)).containsExactly(4, 4, 4, 4, 4);
        assertThat(ComplexFft.factor(1280)).containsExactly(4, 4, 4, 4, 5);
        assertThat(ComplexFft.factor(2048)).containsExactly(4, 4, 4, 4, 4, 2);
        assertThat(FftPlans.complex(1009).usesBluestein()).isTrue();
        assertThat(FftPlans.complex(31 * 31).usesBluestein()).isFalse();
        assertThat(FftPlans.real(2048)).isSameAs(FftPlans.real(2048));
    }
}
