package org.audiotag.features.internal.fft;

/**
 * A planned double-precision complex DFT of a power-of-two size {@code m}, {@code X_k = sum_j x_j exp(-2 pi i j k
 * / m)}, applied to B independent sequences at once, in place: element {@code j} of sequence {@code b} is
 * {@code re[j][b] + i im[j][b]} (one row of B doubles per element and part). Decimation in frequency, radix-2
 * passes taken two at a time while their four rows are in the L1 cache, twiddles {@code exp(-2 pi i t / m)}
 * precomputed; every butterfly is a loop over the B sequences with a fixed twiddle and four rows, the shape HotSpot's
 * superword optimisation vectorises. The result is in bit-reversed order: {@code X_k} is in row
 * {@link #row(int) row(k)}. The building block of {@link FourStepFft}. Immutable and thread-safe. Not part of the
 * API.
 */
final class BatchedComplexFft {
    private final int m;
    private final double[] twr;
    private final double[] twi;
    private final int[] perm;

    /**
     * Plans the transform.
     *
     * @param m size, a power of two &gt;= 1
     */
    BatchedComplexFft(int m) {
        if (m < 1 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("batched complex FFT size must be a power of two, got " + m);
        }
        this.m = m;
        this.twr = new double[Math.max(1, m / 2)];
        this.twi = new double[Math.max(1, m / 2)];
        for (int t = 0; t < m / 2; t++) {
            double a = -2.0 * Math.PI * t / m;
            twr[t] = Math.cos(a);
            twi[t] = Math.sin(a);
        }
        this.perm = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int k = 0; k < m; k++) {
            perm[k] = bits == 0 ? 0 : Integer.reverse(k) >>> (32 - bits);
        }
    }

    /** Returns the size m. */
    int size() {
        return m;
    }

    /**
     * Tells where the forward transform leaves {@code X_k}.
     *
     * @param k frequency in [0, m)
     * @return its row (the bit reversal of k)
     */
    int row(int k) {
        return perm[k];
    }

    /**
     * Forward DFT of every column, in place, output bit-reversed (see {@link #row(int)}).
     *
     * @param re m rows of at least {@code bs} doubles (real parts)
     * @param im m rows (imaginary parts)
     * @param bs number of sequences (columns) to transform
     */
    void forward(double[][] re, double[][] im, int bs) {
        int span = m;
        for (; span >= 4; span /= 4) {
            radix4(re, im, span, bs);
        }
        if (span == 2) {
            for (int g = 0; g < m; g += 2) {
                butterfly(re[g], im[g], re[g + 1], im[g + 1], bs);
            }
        }
    }

    /** Two radix-2 DIF passes (spans {@code span} and {@code span/2}) over every group of {@code span} rows. */
    private void radix4(double[][] re, double[][] im, int span, int bs) {
        final int q = span / 4;
        final int step = m / span;
        for (int g = 0; g < m; g += span) {
            for (int j = 0; j < q; j++) {
                final int a = g + j;
                final int b = a + q;
                final int c = b + q;
                final int d = c + q;
                if (j == 0) {
                    butterfly(re[a], im[a], re[c], im[c], bs);
                } else {
                    butterfly(re[a], im[a], re[c], im[c], twr[j * step], twi[j * step], bs);
                }
                butterfly(re[b], im[b], re[d], im[d], twr[(j + q) * step], twi[(j + q) * step], bs);
                if (j == 0) {
                    butterfly(re[a], im[a], re[b], im[b], bs);
                    butterfly(re[c], im[c], re[d], im[d], bs);
                } else {
                    final double wr = twr[2 * j * step];
                    final double wi = twi[2 * j * step];
                    butterfly(re[a], im[a], re[b], im[b], wr, wi, bs);
                    butterfly(re[c], im[c], re[d], im[d], wr, wi, bs);
                }
            }
        }
    }

    /** Radix-2 DIF butterfly on rows a, c in place: {@code a' = a + c}, {@code c' = (a - c) w}. */
    private static void butterfly(double[] ar, double[] ai, double[] cr, double[] ci, double wr, double wi,
                                  int bs) {
        for (int b = 0; b < bs; b++) {
            double xr = ar[b];
            double xi = ai[b];
            double yr = cr[b];
            double yi = ci[b];
            ar[b] = xr + yr;
            ai[b] = xi + yi;
            double dr = xr - yr;
            double di = xi - yi;
            cr[b] = dr * wr - di * wi;
            ci[b] = dr * wi + di * wr;
        }
    }

    /** {@link #butterfly} with the twiddle 1. */
    private static void butterfly(double[] ar, double[] ai, double[] cr, double[] ci, int bs) {
        for (int b = 0; b < bs; b++) {
            double xr = ar[b];
            double xi = ai[b];
            double yr = cr[b];
            double yi = ci[b];
            ar[b] = xr + yr;
            ai[b] = xi + yi;
            cr[b] = xr - yr;
            ci[b] = xi - yi;
        }
    }
}
