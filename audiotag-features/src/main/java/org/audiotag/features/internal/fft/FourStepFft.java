package org.audiotag.features.internal.fft;

/**
 * The four-step (Bailey) complex FFT for large powers of two {@code N = N1 N2}, cache-friendly where a pass over
 * the whole array would stream it from memory once per radix pass: with {@code x} seen as an {@code N1 x N2}
 * row-major matrix ({@code x[n1 N2 + n2]}),
 * <ol>
 * <li>DFTs of size N1 down the columns, {@code Y[k1][n2] = sum_n1 x[n1 N2 + n2] exp(-2 pi i n1 k1 / N1)},
 * <li>times the twiddles {@code exp(-2 pi i k1 n2 / N)},
 * <li>DFTs of size N2 along the rows, {@code X[k2 N1 + k1] = sum_n2 Y'[k1][n2] exp(-2 pi i n2 k2 / N2)}, written
 * transposed.
 * </ol>
 * Both kinds of DFT run {@link #BLOCK} at a time through {@link BatchedComplexFft}, on a block gathered into rows
 * that fit in the L2 cache, so only the gathers and scatters touch the whole array. The twiddle
 * {@code exp(-2 pi i t / N)} is the product of two precomputed tables ({@code t} split into high and low bits),
 * exact to a few ulps. The inverse is {@code conj(DFT(conj x))}. Thread-safe (scratch per thread). Not part of the
 * API.
 */
final class FourStepFft {
    /** Smallest size handled here; smaller transforms stay in cache anyway. */
    static final int MIN_SIZE = 1 << 14;
    /** Columns or rows per block. */
    static final int BLOCK = 32;
    private static final int LOW_BITS = 9;
    /** Rows filled per sweep of the row gather (divides every N2). */
    private static final int CHUNK = 16;

    private final int n;
    private final int n1;
    private final int n2;
    private final BatchedComplexFft cols;
    private final BatchedComplexFft rows;
    private final double[] hiR;
    private final double[] hiI;
    private final double[] loR;
    private final double[] loI;
    /** exp(-2 pi i k1 b / N) for k1 in [0, N1), b in [0, BLOCK): real parts at {@code colR[k1][b]}. */
    private final double[][] colR;
    private final double[][] colI;
    private final ThreadLocal<double[][][]> scratch;

    /**
     * Plans the transform.
     *
     * @param n a power of two &gt;= {@link #MIN_SIZE}
     */
    FourStepFft(int n) {
        if (n < MIN_SIZE || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("four-step FFT size must be a power of two >= " + MIN_SIZE + ", got "
                    + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        this.n1 = 1 << (bits / 2);
        this.n2 = n / n1;
        this.cols = new BatchedComplexFft(n1);
        this.rows = new BatchedComplexFft(n2);
        int low = 1 << LOW_BITS;
        this.loR = new double[low];
        this.loI = new double[low];
        for (int t = 0; t < low; t++) {
            double a = -2.0 * Math.PI * t / n;
            loR[t] = Math.cos(a);
            loI[t] = Math.sin(a);
        }
        int high = n >> LOW_BITS;
        this.hiR = new double[high];
        this.hiI = new double[high];
        for (int t = 0; t < high; t++) {
            double a = -2.0 * Math.PI * ((long) t << LOW_BITS) / n;
            hiR[t] = Math.cos(a);
            hiI[t] = Math.sin(a);
        }
        this.colR = new double[n1][BLOCK];
        this.colI = new double[n1][BLOCK];
        for (int k1 = 0; k1 < n1; k1++) {
            for (int b = 0; b < BLOCK; b++) {
                double a = -2.0 * Math.PI * ((long) k1 * b) / n;
                colR[k1][b] = Math.cos(a);
                colI[k1][b] = Math.sin(a);
            }
        }
        this.scratch = ThreadLocal.withInitial(() -> new double[][][] {new double[n1][BLOCK], new double[n1][BLOCK],
            new double[n2][BLOCK], new double[n2][BLOCK], {new double[2 * n]}});
    }

    /** Multiplies row x by {@code w0 * t[b]} entry by entry (four arrays: a loop HotSpot vectorises). */
    private static void twiddle(double[] xr, double[] xi, double[] tr, double[] ti, double w0r, double w0i) {
        for (int b = 0; b < BLOCK; b++) {
            double wr = w0r * tr[b] - w0i * ti[b];
            double wi = w0r * ti[b] + w0i * tr[b];
            double ar = xr[b];
            double ai = xi[b];
            xr[b] = ar * wr - ai * wi;
            xi[b] = ar * wi + ai * wr;
        }
    }

    /**
     * In-place forward DFT, or unscaled inverse DFT, of {@code N} interleaved complex values.
     *
     * @param data {@code [re0, im0, re1, im1, ...]}, at least {@code 2 N} doubles
     * @param inverse the inverse (conjugated) transform
     */
    void transform(double[] data, boolean inverse) {
        double[][][] s = scratch.get();
        double[][] cr = s[0];
        double[][] ci = s[1];
        double[][] rr = s[2];
        double[][] ri = s[3];
        double[] out = s[4][0];
        final double sign = inverse ? -1.0 : 1.0;
        final int mask = n - 1;
        final int lowMask = (1 << LOW_BITS) - 1;
        // steps 1 and 2: column DFTs, twiddles, written back in place (row k1 of the matrix)
        for (int c0 = 0; c0 < n2; c0 += BLOCK) {
            for (int j = 0; j < n1; j++) {
                final double[] rowR = cr[j];
                final double[] rowI = ci[j];
                int base = 2 * (j * n2 + c0);
                for (int b = 0; b < BLOCK; b++) {
                    rowR[b] = data[base + 2 * b];
                    rowI[b] = sign * data[base + 2 * b + 1];
                }
            }
            cols.forward(cr, ci, BLOCK);
            for (int k1 = 0; k1 < n1; k1++) {
                final double[] rowR = cr[cols.row(k1)];
                final double[] rowI = ci[cols.row(k1)];
                // exp(-2 pi i k1 (c0 + b) / N) = exp(-2 pi i k1 c0 / N) exp(-2 pi i k1 b / N)
                int t = (int) ((long) k1 * c0 & mask);
                double hr = hiR[t >>> LOW_BITS];
                double hi = hiI[t >>> LOW_BITS];
                double lr = loR[t & lowMask];
                double li = loI[t & lowMask];
                twiddle(rowR, rowI, colR[k1], colI[k1], hr * lr - hi * li, hr * li + hi * lr);
                int base = 2 * (k1 * n2 + c0);
                for (int b = 0; b < BLOCK; b++) {
                    data[base + 2 * b] = rowR[b];
                    data[base + 2 * b + 1] = rowI[b];
                }
            }
        }
        // step 3: row DFTs, written transposed
        for (int k10 = 0; k10 < n1; k10 += BLOCK) {
            for (int j0 = 0; j0 < n2; j0 += CHUNK) {
                // CHUNK rows at a time, so the rows being filled stay in L1 while every matrix row is read
                for (int b = 0; b < BLOCK; b++) {
                    int base = 2 * (k10 + b) * n2;
                    for (int j = j0; j < j0 + CHUNK; j++) {
                        rr[j][b] = data[base + 2 * j];
                        ri[j][b] = data[base + 2 * j + 1];
                    }
                }
            }
            rows.forward(rr, ri, BLOCK);
            for (int k2 = 0; k2 < n2; k2++) {
                final double[] rowR = rr[rows.row(k2)];
                final double[] rowI = ri[rows.row(k2)];
                int base = 2 * (k2 * n1 + k10);
                for (int b = 0; b < BLOCK; b++) {
                    out[base + 2 * b] = rowR[b];
                    out[base + 2 * b + 1] = sign * rowI[b];
                }
            }
        }
        System.arraycopy(out, 0, data, 0, 2 * n);
    }
}
