package org.audiotag.features.internal.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The batched float FFT and the four-step FFT against a straightforward O(n^2) DFT in double precision. */
class BatchedFftTest {
    /** The pipelines' sizes, and small sizes of every shape the batched plan takes (2^a, 3 x 2^a, 5 x 2^a). */
    private static final int[] SIZES = {8, 12, 16, 20, 24, 40, 64, 96, 160, 384, 512, 640, 1024, 2048, 2560, 4096};

    /** |DFT(x)|^2 at bins 0..n/2, with the angle reduced exactly (j k mod n) before it is formed. */
    private static double[] powerDft(double[] x) {
        int n = x.length;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int t = 0; t < n; t++) {
            cos[t] = Math.cos(-2.0 * Math.PI * t / n);
            sin[t] = Math.sin(-2.0 * Math.PI * t / n);
        }
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                int t = (int) ((long) j * k % n);
                sr += x[j] * cos[t];
                si += x[j] * sin[t];
            }
            p[k] = sr * sr + si * si;
        }
        return p;
    }

    @Test
    void batchedPowerSpectraMatchTheDirectDftAtEverySupportedSize() {
        SplittableRandom r = new SplittableRandom(5);
        int batch = 6;
        for (int n : SIZES) {
            assertThat(BatchedRealFft.supports(n)).as("n=%d", n).isTrue();
            float[] a = new float[n + 40];
            float[] b = new float[n + 3];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextDouble(-1, 1);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextDouble(-1, 1);
            }
            float[] win = new float[n];
            for (int i = 0; i < n; i++) {
                win[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
            }
            // frames from two arrays at various offsets; a batch of 6 with 5 frames used
            float[][] src = {a, b, a, a, b, null};
            int[] off = {0, 3, 17, 40, 0, 0};
            int count = 5;
            BatchedRealFft plan = FftPlans.batched(n, batch);
            float[][] out = plan.newOutput();
            for (float[] row : out) {
                java.util.Arrays.fill(row, Float.NaN);
            }
            plan.power(src, off, count, win, out);
            for (int f = 0; f < count; f++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = (double) (src[f][off[f] + i] * win[i]);
                }
                double[] want = powerDft(x);
                double max = 0;
                for (double p : want) {
                    max = Math.max(max, p);
                }
                for (int k = 0; k <= n / 2; k++) {
                    assertThat((double) out[k][f]).as("n=%d frame %d bin %d", n, f, k)
                            .isCloseTo(want[k], Offset.offset(2e-6 * max));
                }
            }
            for (int k = 0; k <= n / 2; k++) {
                assertThat(out[k][count]).as("n=%d unused frame, bin %d", n, k).isZero();
            }
        }
    }

    @Test
    void batchedPlansRefuseOtherSizes() {
        for (int n : new int[] {4, 6, 10, 120, 1000, 2662, 4 * 15 * 8}) {
            assertThat(BatchedRealFft.supports(n)).as("n=%d", n).isFalse();
            assertThatThrownBy(() -> new BatchedRealFft(n, 4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(n));
        }
    }

    @Test
    void fourStepTransformsMatchTheDirectDftAndInvert() {
        int n = FourStepFft.MIN_SIZE;
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        double[] y = x.clone();
        ComplexFft plan = FftPlans.complex(n);
        plan.forward(y);
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int t = 0; t < n; t++) {
            cos[t] = Math.cos(-2.0 * Math.PI * t / n);
            sin[t] = Math.sin(-2.0 * Math.PI * t / n);
        }
        // every 7th bin and the last few (the O(n^2) reference over all bins would take too long for a unit test)
        for (int k = 0; k < n; k += k < n - 8 ? 7 : 1) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                int t = (int) ((long) j * k % n);
                sr += x[2 * j] * cos[t] - x[2 * j + 1] * sin[t];
                si += x[2 * j] * sin[t] + x[2 * j + 1] * cos[t];
            }
            assertThat(y[2 * k]).as("re bin %d", k).isCloseTo(sr, Offset.offset(1e-10));
            assertThat(y[2 * k + 1]).as("im bin %d", k).isCloseTo(si, Offset.offset(1e-10));
        }
        plan.inverse(y, true);
        for (int i = 0; i < 2 * n; i++) {
            assertThat(y[i]).isCloseTo(x[i], Offset.offset(1e-14));
        }
        // a real transform of twice the size goes through it too, and inverts
        RealFft real = FftPlans.real(2 * n);
        double[] s = new double[2 * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextDouble(-1, 1);
        }
        double[] packed = s.clone();
        real.forwardPacked(packed, 0);
        double dc = 0;
        for (double v : s) {
            dc += v;
        }
        assertThat(packed[0]).isCloseTo(dc, Offset.offset(1e-10));
        real.inversePacked(packed, 0);
        for (int i = 0; i < s.length; i++) {
            assertThat(packed[i]).isCloseTo(s[i], Offset.offset(1e-14));
        }
    }
}
