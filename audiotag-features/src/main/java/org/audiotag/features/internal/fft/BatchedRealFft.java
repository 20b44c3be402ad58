package org.audiotag.features.internal.fft;

/**
 * A planned float32 real FFT that turns a batch of windowed frames into their power spectra
 * {@code |rfft(window * frame)|^2} at once, for the log-mel's frame loop. Sizes: {@code n = 4 m} with {@code m}
 * a power of two times at most one factor 3 or 5 (512, 1024, 2048, 2560 = 2^9 x 5, 4096, ...); see
 * {@link #supports}.
 *
 * <p>The {@code n} samples of a frame are packed as {@code h = n/2} complex values {@code z_j = x_2j + i x_2j+1}
 * (the window multiply fused into that packing) and go through an in-place decimation-in-frequency FFT of size
 * {@code h}: one radix-3 or radix-5 pass when {@code h} has that factor, then radix-2 passes taken two at a time
 * (a radix-4 step done as four radix-2 butterflies while its rows are in the L1 cache), with twiddles
 * {@code exp(-2 pi i j / L)} precomputed per pass (in double, rounded to float). The spectrum comes out in
 * digit-reversed order, read through a precomputed permutation while it is untangled into the real FFT's bins,
 * {@code X_k = E_k + W^k O_k} with {@code E_k = (Z_k + conj Z_{h-k}) / 2}, {@code O_k = (Z_k - conj Z_{h-k}) / 2i},
 * {@code W = exp(-2 pi i / n)}, and squared in the same sweep.
 *
 * <p>Layout: one float row of B entries per complex element and part (real, imaginary), entry {@code b} belonging
 * to frame {@code b} of the batch, so every butterfly is a loop over the B frames with its twiddle fixed and four
 * rows touched: the shape that HotSpot's superword optimisation compiles to SIMD instructions (it packs accesses
 * {@code row[b]} of a few distinct arrays; a bit reversal is then a permutation of row references, never of data).
 * The output is one row per bin: bin {@code k} of frame {@code b} at {@code out[k][b]}. Immutable and thread-safe
 * (scratch rows per thread); get plans from {@link FftPlans#batched(int, int)}. Not part of the API.
 */
public final class BatchedRealFft {
    /** Rows transposed per chunk of the packing step (kept in L1 while every frame of the batch is written). */
    private static final int CHUNK = 16;

    private final int n;
    private final int h;
    private final int batch;
    /** The odd radix of the first pass (3 or 5), or 1 when h is a power of two. */
    private final int odd;
    /** Twiddles exp(-2 pi i t / h), t in [0, h), for every pass (a pass of span L uses t = j h / L). */
    private final float[] twr;
    private final float[] twi;
    /** Row of the DIF output that holds Z_k. */
    private final int[] perm;
    /** W^k = exp(-2 pi i k / n), k in [0, h/2]. */
    private final float[] ur;
    private final float[] ui;
    private final ThreadLocal<float[][][]> scratch;

    /**
     * Plans the batched transform.
     *
     * @param n real FFT size, {@link #supports supported}
     * @param batch frames per batch, &gt;= 1
     */
    BatchedRealFft(int n, int batch) {
        if (!supports(n)) {
            throw new IllegalArgumentException("batched real FFT needs n = 4 * 2^a * (1, 3 or 5) >= 8, got " + n);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.n = n;
        this.h = n / 2;
        this.batch = batch;
        this.odd = h % 5 == 0 ? 5 : h % 3 == 0 ? 3 : 1;
        this.twr = new float[h];
        this.twi = new float[h];
        for (int t = 0; t < h; t++) {
            double a = -2.0 * Math.PI * t / h;
            twr[t] = (float) Math.cos(a);
            twi[t] = (float) Math.sin(a);
        }
        this.perm = new int[h];
        for (int k = 0; k < h; k++) {
            perm[k] = position(k, h, odd);
        }
        this.ur = new float[h / 2 + 1];
        this.ui = new float[h / 2 + 1];
        for (int k = 0; k <= h / 2; k++) {
            double a = -2.0 * Math.PI * k / n;
            ur[k] = (float) Math.cos(a);
            ui[k] = (float) Math.sin(a);
        }
        this.scratch = ThreadLocal.withInitial(() -> new float[][][] {new float[h][batch], new float[h][batch]});
    }

    /**
     * Where the in-place DIF FFT of size m leaves frequency k: the first pass of radix R (the odd radix, else 2)
     * sends k to block {@code k mod R} of {@code m/R} rows, and the rest of the transform places {@code k / R}
     * inside that block the same way.
     */
    private static int position(int k, int m, int oddRadix) {
        if (m == 1) {
            return 0;
        }
        int r = oddRadix > 1 ? oddRadix : 2;
        return (k % r) * (m / r) + position(k / r, m / r, 1);
    }

    /**
     * Tells whether sizes n have a batched plan.
     *
     * @param n real FFT size
     * @return whether n = 4 * 2^a * (1, 3 or 5) with n &gt;= 8
     */
    public static boolean supports(int n) {
        if (n < 8 || n % 4 != 0) {
            return false;
        }
        int m = n / 4;
        if (m % 5 == 0) {
            m /= 5;
        } else if (m % 3 == 0) {
            m /= 3;
        }
        return Integer.bitCount(m) == 1;
    }

    /** Returns the real FFT size n. */
    public int size() {
        return n;
    }

    /** Returns the frames per batch B. */
    public int batch() {
        return batch;
    }

    /**
     * Allocates the output rows of {@link #power}: one row of B floats per bin.
     *
     * @return {@code n/2 + 1} rows of B floats
     */
    public float[][] newOutput() {
        return new float[h + 1][batch];
    }

    /**
     * Power spectra of up to B frames: frame {@code b} is {@code x_i = src[b][off[b] + i] * win[i]},
     * {@code 0 <= i < n}, and its {@code n/2 + 1} powers {@code |X_k|^2} land at {@code out[k][b]}.
     *
     * @param src signal of each frame (frames may share one array)
     * @param off first sample of each frame in its array
     * @param count frames in this batch, in [1, B]; entries {@code b >= count} of {@code out} belong to no frame
     *     (zero up to the next multiple of 16, untouched beyond)
     * @param win window of n samples
     * @param out destination, {@code n/2 + 1} rows of at least B floats (see {@link #newOutput()})
     */
    public void power(float[][] src, int[] off, int count, float[] win, float[][] out) {
        float[][][] s = scratch.get();
        float[][] zr = s[0];
        float[][] zi = s[1];
        // a partial batch only transforms the columns it uses, rounded up to a multiple of 16 (SIMD width)
        final int width = Math.min(batch, (count + 15) & ~15);
        pack(src, off, count, width, win, zr, zi);
        int span = h;
        if (odd == 5) {
            radix5(zr, zi, width);
            span /= 5;
        } else if (odd == 3) {
            radix3(zr, zi, width);
            span /= 3;
        }
        for (; span >= 4; span /= 4) {
            radix4(zr, zi, span, width);
        }
        if (span == 2) {
            radix2(zr, zi, width);
        }
        untanglePower(zr, zi, out, width);
    }

    /**
     * The packing: {@code z_j = x_2j + i x_2j+1} of every frame, windowed, transposed into rows (CHUNK rows at a
     * time, so the rows being filled stay in L1 while every frame of the batch is read); frames {@code >= count}
     * are zero.
     */
    private void pack(float[][] src, int[] off, int count, int width, float[] win, float[][] zr, float[][] zi) {
        int step = count > 1 ? off[1] - off[0] : 0;
        boolean uniform = true;
        for (int b = 1; b < count && uniform; b++) {
            uniform = src[b] == src[0] && off[b] - off[b - 1] == step;
        }
        if (uniform) {
            // frames at a constant hop in one array (the usual case): one row at a time, frame after frame
            final float[] x = src[0];
            final int o0 = off[0];
            for (int j = 0; j < h; j++) {
                final float[] rowR = zr[j];
                final float[] rowI = zi[j];
                final float w0 = win[2 * j];
                final float w1 = win[2 * j + 1];
                int p = o0 + 2 * j;
                for (int b = 0; b < count; b++, p += step) {
                    rowR[b] = x[p] * w0;
                    rowI[b] = x[p + 1] * w1;
                }
                for (int b = count; b < width; b++) {
                    rowR[b] = 0f;
                    rowI[b] = 0f;
                }
            }
            return;
        }
        for (int j0 = 0; j0 < h; j0 += CHUNK) {
            final int j1 = Math.min(h, j0 + CHUNK);
            for (int b = 0; b < count; b++) {
                final float[] x = src[b];
                final int o = off[b];
                for (int j = j0; j < j1; j++) {
                    zr[j][b] = x[o + 2 * j] * win[2 * j];
                    zi[j][b] = x[o + 2 * j + 1] * win[2 * j + 1];
                }
            }
            for (int b = count; b < width; b++) {
                for (int j = j0; j < j1; j++) {
                    zr[j][b] = 0f;
                    zi[j][b] = 0f;
                }
            }
        }
    }

    /**
     * Radix-2 DIF butterfly on rows a, c (in place), over the batch: {@code a' = a + c},
     * {@code c' = (a - c) w}. Four arrays per loop: the shape superword vectorises.
     */
    private static void butterfly(float[] ar, float[] ai, float[] cr, float[] ci, float wr, float wi, int bs) {
        for (int b = 0; b < bs; b++) {
            float xr = ar[b];
            float xi = ai[b];
            float yr = cr[b];
            float yi = ci[b];
            ar[b] = xr + yr;
            ai[b] = xi + yi;
            float dr = xr - yr;
            float di = xi - yi;
            cr[b] = dr * wr - di * wi;
            ci[b] = dr * wi + di * wr;
        }
    }

    /** {@link #butterfly} with the twiddle 1. */
    private static void butterfly(float[] ar, float[] ai, float[] cr, float[] ci, int bs) {
        for (int b = 0; b < bs; b++) {
            float xr = ar[b];
            float xi = ai[b];
            float yr = cr[b];
            float yi = ci[b];
            ar[b] = xr + yr;
            ai[b] = xi + yi;
            cr[b] = xr - yr;
            ci[b] = xi - yi;
        }
    }

    /**
     * Two radix-2 DIF passes at once over every group of {@code span} rows: for each j in [0, span/4) the rows
     * j, j + span/4, j + span/2, j + 3 span/4 go through the first pass's two butterflies (twiddles
     * {@code exp(-2 pi i j / span)}, {@code exp(-2 pi i (j + span/4) / span)}) and the second pass's two (twiddle
     * {@code exp(-2 pi i j / (span/2))}) while they are hot.
     */
    private void radix4(float[][] zr, float[][] zi, int span, int bs) {
        final int q = span / 4;
        final int step = h / span;
        for (int g = 0; g < h; g += span) {
            for (int j = 0; j < q; j++) {
                final int a = g + j;
                final int b = a + q;
                final int c = b + q;
                final int d = c + q;
                if (j == 0) {
                    butterfly(zr[a], zi[a], zr[c], zi[c], bs);
                } else {
                    butterfly(zr[a], zi[a], zr[c], zi[c], twr[j * step], twi[j * step], bs);
                }
                butterfly(zr[b], zi[b], zr[d], zi[d], twr[(j + q) * step], twi[(j + q) * step], bs);
                if (j == 0) {
                    butterfly(zr[a], zi[a], zr[b], zi[b], bs);
                    butterfly(zr[c], zi[c], zr[d], zi[d], bs);
                } else {
                    final float wr = twr[2 * j * step];
                    final float wi = twi[2 * j * step];
                    butterfly(zr[a], zi[a], zr[b], zi[b], wr, wi, bs);
                    butterfly(zr[c], zi[c], zr[d], zi[d], wr, wi, bs);
                }
            }
        }
    }

    /** The last radix-2 DIF pass (span 2, twiddle 1). */
    private void radix2(float[][] zr, float[][] zi, int bs) {
        for (int g = 0; g < h; g += 2) {
            butterfly(zr[g], zi[g], zr[g + 1], zi[g + 1], bs);
        }
    }

    private static final float SIN60 = (float) (Math.sqrt(3.0) / 2.0);

    /**
     * The first DIF pass of radix 3 (span h): for j in [0, h/3) the rows j, j + h/3, j + 2h/3 get their 3-point DFT,
     * output r multiplied by {@code exp(-2 pi i r j / h)}.
     */
    private void radix3(float[][] zr, float[][] zi, int bs) {
        final int q = h / 3;
        for (int j = 0; j < q; j++) {
            final float[] ar = zr[j];
            final float[] ai = zi[j];
            final float[] br = zr[j + q];
            final float[] bi = zi[j + q];
            final float[] cr = zr[j + 2 * q];
            final float[] ci = zi[j + 2 * q];
            final float w1r = twr[j];
            final float w1i = twi[j];
            final float w2r = twr[2 * j];
            final float w2i = twi[2 * j];
            for (int b = 0; b < bs; b++) {
                float sr = br[b] + cr[b];
                float si = bi[b] + ci[b];
                float mr = ar[b] - 0.5f * sr;
                float mi = ai[b] - 0.5f * si;
                // i * (-sin 60) * (b - c)
                float dr = SIN60 * (bi[b] - ci[b]);
                float di = -SIN60 * (br[b] - cr[b]);
                ar[b] = ar[b] + sr;
                ai[b] = ai[b] + si;
                float y1r = mr + dr;
                float y1i = mi + di;
                float y2r = mr - dr;
                float y2i = mi - di;
                br[b] = y1r * w1r - y1i * w1i;
                bi[b] = y1r * w1i + y1i * w1r;
                cr[b] = y2r * w2r - y2i * w2i;
                ci[b] = y2r * w2i + y2i * w2r;
            }
        }
    }

    private static final float C1 = (float) Math.cos(2 * Math.PI / 5);
    private static final float C2 = (float) Math.cos(4 * Math.PI / 5);
    private static final float S1 = (float) -Math.sin(2 * Math.PI / 5);
    private static final float S2 = (float) -Math.sin(4 * Math.PI / 5);

    /**
     * The first DIF pass of radix 5 (span h): for j in [0, h/5) the rows j + r h/5 get their 5-point DFT, output r
     * multiplied by {@code exp(-2 pi i r j / h)}.
     */
    private void radix5(float[][] zr, float[][] zi, int bs) {
        final int q = h / 5;
        for (int j = 0; j < q; j++) {
            final float[] x0r = zr[j];
            final float[] x0i = zi[j];
            final float[] x1r = zr[j + q];
            final float[] x1i = zi[j + q];
            final float[] x2r = zr[j + 2 * q];
            final float[] x2i = zi[j + 2 * q];
            final float[] x3r = zr[j + 3 * q];
            final float[] x3i = zi[j + 3 * q];
            final float[] x4r = zr[j + 4 * q];
            final float[] x4i = zi[j + 4 * q];
            final float w1r = twr[j];
            final float w1i = twi[j];
            final float w2r = twr[2 * j];
            final float w2i = twi[2 * j];
            final float w3r = twr[3 * j];
            final float w3i = twi[3 * j];
            final float w4r = twr[4 * j];
            final float w4i = twi[4 * j];
            for (int b = 0; b < bs; b++) {
                float v0r = x0r[b];
                float v0i = x0i[b];
                float a1r = x1r[b] + x4r[b];
                float a1i = x1i[b] + x4i[b];
                float b1r = x1r[b] - x4r[b];
                float b1i = x1i[b] - x4i[b];
                float a2r = x2r[b] + x3r[b];
                float a2i = x2i[b] + x3i[b];
                float b2r = x2r[b] - x3r[b];
                float b2i = x2i[b] - x3i[b];
                float ta1r = v0r + C1 * a1r + C2 * a2r;
                float ta1i = v0i + C1 * a1i + C2 * a2i;
                float ta2r = v0r + C2 * a1r + C1 * a2r;
                float ta2i = v0i + C2 * a1i + C1 * a2i;
                float tb1r = S1 * b1r + S2 * b2r;
                float tb1i = S1 * b1i + S2 * b2i;
                float tb2r = S2 * b1r - S1 * b2r;
                float tb2i = S2 * b1i - S1 * b2i;
                x0r[b] = v0r + a1r + a2r;
                x0i[b] = v0i + a1i + a2i;
                // y1 = ta1 + i tb1, y4 = ta1 - i tb1, y2 = ta2 + i tb2, y3 = ta2 - i tb2
                float y1r = ta1r - tb1i;
                float y1i = ta1i + tb1r;
                float y4r = ta1r + tb1i;
                float y4i = ta1i - tb1r;
                float y2r = ta2r - tb2i;
                float y2i = ta2i + tb2r;
                float y3r = ta2r + tb2i;
                float y3i = ta2i - tb2r;
                x1r[b] = y1r * w1r - y1i * w1i;
                x1i[b] = y1r * w1i + y1i * w1r;
                x2r[b] = y2r * w2r - y2i * w2i;
                x2i[b] = y2r * w2i + y2i * w2r;
                x3r[b] = y3r * w3r - y3i * w3i;
                x3i[b] = y3r * w3i + y3i * w3r;
                x4r[b] = y4r * w4r - y4i * w4i;
                x4i[b] = y4r * w4i + y4i * w4r;
            }
        }
    }

    /**
     * Untangles the half-size spectrum Z (row {@code perm[k]} holds Z_k) into the real FFT's bins and writes their
     * squared magnitudes: bins k and h - k come from the same pair {@code Z_k, Z_{h-k}}.
     */
    private void untanglePower(float[][] zr, float[][] zi, float[][] out, int bs) {
        final float[] z0r = zr[perm[0]];
        final float[] z0i = zi[perm[0]];
        final float[] p0 = out[0];
        final float[] ph = out[h];
        for (int b = 0; b < bs; b++) {
            float x0 = z0r[b] + z0i[b];
            float xh = z0r[b] - z0i[b];
            p0[b] = x0 * x0;
            ph[b] = xh * xh;
        }
        for (int k = 1; 2 * k <= h; k++) {
            power(zr[perm[k]], zi[perm[k]], zr[perm[h - k]], zi[perm[h - k]], ur[k], ui[k], out[k], bs);
            if (2 * k < h) {
                power(zr[perm[h - k]], zi[perm[h - k]], zr[perm[k]], zi[perm[k]], -ur[k], ui[k], out[h - k], bs);
            }
        }
    }

    /**
     * {@code |X_k|^2} with {@code X_k = E + W O}, {@code E = (A + conj C) / 2}, {@code O = (A - conj C) / 2i},
     * {@code A = Z_k}, {@code C = Z_{h-k}}, {@code W = W^k}. The bin h - k is the same formula with A and C swapped
     * and {@code W^{h-k} = -conj(W^k)}.
     */
    private static void power(float[] ar, float[] ai, float[] cr, float[] ci, float wr, float wi, float[] p,
                              int bs) {
        for (int b = 0; b < bs; b++) {
            float er = 0.5f * (ar[b] + cr[b]);
            float ei = 0.5f * (ai[b] - ci[b]);
            float or = 0.5f * (ai[b] + ci[b]);
            float oi = -0.5f * (ar[b] - cr[b]);
            float xr = er + (wr * or - wi * oi);
            float xi = ei + (wr * oi + wi * or);
            p[b] = xr * xr + xi * xi;
        }
    }
}
