package org.audiotag.features.internal.fft;

/**
 * Bluestein's chirp-z algorithm: a DFT of any size {@code N} as a circular convolution of length
 * {@code M = 2^k >= 2N - 1}. With the chirp {@code w_j = exp(-i pi j^2 / N)} and {@code 2 j k = j^2 + k^2 - (k-j)^2},
 * {@code X_k = w_k sum_j (x_j w_j) conj(w_{k-j})}, so
 * {@code X = w * IFFT(FFT(x w) FFT(conj w))}. The chirp (with {@code j^2} reduced modulo {@code 2N} in exact integer
 * arithmetic before the angle is formed) and the FFT of its conjugate are computed once. Thread-safe (per-thread
 * scratch). Not part of the API.
 */
final class Bluestein {
    private final int n;
    private final int m;
    private final ComplexFft inner;
    /** w_j = exp(-i pi j^2 / N), interleaved. */
    private final double[] chirp;
    /** FFT of b, b_j = conj(w_|j|) wrapped around M, interleaved. */
    private final double[] kernel;
    private final ThreadLocal<double[]> scratch;

    Bluestein(int n, boolean shared) {
        this.n = n;
        int need = 2 * n - 1;
        int mm = Integer.highestOneBit(need);
        if (mm < need) {
            mm <<= 1;
        }
        this.m = mm;
        this.inner = shared ? FftPlans.complex(m) : new ComplexFft(m, false);
        this.chirp = new double[2 * n];
        long twoN = 2L * n;
        for (int j = 0; j < n; j++) {
            long sq = (long) j * j % twoN;
            double a = -Math.PI * sq / n;
            chirp[2 * j] = Math.cos(a);
            chirp[2 * j + 1] = Math.sin(a);
        }
        this.kernel = new double[2 * m];
        for (int j = 0; j < n; j++) {
            kernel[2 * j] = chirp[2 * j];
            kernel[2 * j + 1] = -chirp[2 * j + 1];
            if (j > 0) {
                kernel[2 * (m - j)] = chirp[2 * j];
                kernel[2 * (m - j) + 1] = -chirp[2 * j + 1];
            }
        }
        inner.forward(kernel);
        this.scratch = shared ? ThreadLocal.withInitial(() -> new double[2 * m]) : null;
    }

    /** In-place DFT (forward, or unscaled inverse) of {@code data[0 .. 2N)}. */
    void transform(double[] data, boolean inverse) {
        double[] a = scratch != null ? scratch.get() : new double[2 * m];
        // the inverse DFT is conj(DFT(conj x))
        double s = inverse ? -1.0 : 1.0;
        for (int j = 0; j < n; j++) {
            double xr = data[2 * j];
            double xi = s * data[2 * j + 1];
            double wr = chirp[2 * j];
            double wi = chirp[2 * j + 1];
            a[2 * j] = xr * wr - xi * wi;
            a[2 * j + 1] = xr * wi + xi * wr;
        }
        java.util.Arrays.fill(a, 2 * n, 2 * m, 0.0);
        inner.forward(a);
        for (int k = 0; k < m; k++) {
            double ar = a[2 * k];
            double ai = a[2 * k + 1];
            double br = kernel[2 * k];
            double bi = kernel[2 * k + 1];
            a[2 * k] = ar * br - ai * bi;
            a[2 * k + 1] = ar * bi + ai * br;
        }
        inner.inverse(a, true);
        for (int k = 0; k < n; k++) {
            double cr = a[2 * k];
            double ci = a[2 * k + 1];
            double wr = chirp[2 * k];
            double wi = chirp[2 * k + 1];
            data[2 * k] = cr * wr - ci * wi;
            data[2 * k + 1] = s * (cr * wi + ci * wr);
        }
    }
}
