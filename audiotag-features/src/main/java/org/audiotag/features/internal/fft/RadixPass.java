package org.audiotag.features.internal.fft;

/**
 * One pass of a Stockham autosort FFT (decimation in time) over interleaved complex doubles: with {@code R} the
 * pass's radix, {@code ns} the product of the radices of the earlier passes and {@code N} the transform size, input
 * element {@code j + r N/R} ({@code 0 <= j < N/R}) is multiplied by the twiddle {@code exp(-+2 pi i r (j mod ns) /
 * (ns R))}, the {@code R} products go through a DFT of size {@code R}, and output {@code r} lands at
 * {@code (j - j mod ns) R + j mod ns + r ns}. No bit reversal: after the last pass the result is in natural order.
 * Radices 2, 3, 4 and 5 have hand-written butterflies; any other radix uses a direct O(R^2) DFT. The twiddles are
 * computed once (in double, from the exact fraction {@code r k / (ns R)}). Immutable and thread-safe. Not part of
 * the API.
 */
final class RadixPass {
    private static final double SIN60 = Math.sqrt(3.0) / 2.0;
    private static final double C1 = Math.cos(2 * Math.PI / 5);
    private static final double C2 = Math.cos(4 * Math.PI / 5);
    private static final double S1 = Math.sin(2 * Math.PI / 5);
    private static final double S2 = Math.sin(4 * Math.PI / 5);

    final int radix;
    final int ns;
    private final int n;
    /** Twiddles, interleaved: for k in [0, ns), r in [1, R): index 2 (k (R-1) + r - 1). */
    private final double[] tw;
    /** Roots exp(-2 pi i q / R), interleaved, for the generic radix. */
    private final double[] roots;

    RadixPass(int n, int radix, int ns) {
        this.n = n;
        this.radix = radix;
        this.ns = ns;
        int span = ns * radix;
        this.tw = new double[2 * ns * (radix - 1)];
        for (int k = 0; k < ns; k++) {
            for (int r = 1; r < radix; r++) {
                long num = (long) r * k % span;
                double a = -2.0 * Math.PI * num / span;
                int i = 2 * (k * (radix - 1) + r - 1);
                tw[i] = Math.cos(a);
                tw[i + 1] = Math.sin(a);
            }
        }
        this.roots = new double[2 * radix];
        for (int q = 0; q < radix; q++) {
            double a = -2.0 * Math.PI * q / radix;
            roots[2 * q] = Math.cos(a);
            roots[2 * q + 1] = Math.sin(a);
        }
    }

    /**
     * Runs the pass from {@code x} to {@code y} (distinct arrays of {@code 2 N} doubles).
     *
     * @param inverse conjugated twiddles and roots (the unnormalised inverse DFT)
     */
    void apply(double[] x, double[] y, boolean inverse) {
        switch (radix) {
            case 4:
                radix4(x, y, inverse);
                break;
            case 2:
                radix2(x, y, inverse);
                break;
            case 3:
                radix3(x, y, inverse);
                break;
            case 5:
                radix5(x, y, inverse);
                break;
            default:
                generic(x, y, inverse);
        }
    }

    private void radix2(double[] x, double[] y, boolean inverse) {
        final int stride = n; // 2 * (N / 2) doubles
        final double sg = inverse ? -1.0 : 1.0;
        for (int blk = 0; blk < n / 2; blk += ns) {
            int out = 2 * blk * 2;
            for (int k = 0; k < ns; k++) {
                int j = 2 * (blk + k);
                double ar = x[j];
                double ai = x[j + 1];
                double br = x[j + stride];
                double bi = x[j + stride + 1];
                if (ns > 1) {
                    double wr = tw[2 * k];
                    double wi = sg * tw[2 * k + 1];
                    double t = br * wr - bi * wi;
                    bi = br * wi + bi * wr;
                    br = t;
                }
                int o = out + 2 * k;
                y[o] = ar + br;
                y[o + 1] = ai + bi;
                y[o + 2 * ns] = ar - br;
                y[o + 2 * ns + 1] = ai - bi;
            }
        }
    }

    private void radix4(double[] x, double[] y, boolean inverse) {
        final int q = n / 2; // 2 * (N / 4) doubles between the four inputs
        final double sg = inverse ? -1.0 : 1.0;
        final int os = 2 * ns;
        if (ns == 1) {
            for (int j = 0; j < n / 4; j++) {
                int i = 2 * j;
                int o = 8 * j;
                butterfly4(x[i], x[i + 1], x[i + q], x[i + q + 1], x[i + 2 * q], x[i + 2 * q + 1], x[i + 3 * q],
                        x[i + 3 * q + 1], y, o, 2, inverse);
            }
            return;
        }
        for (int blk = 0; blk < n / 4; blk += ns) {
            int out = 2 * blk * 4;
            for (int k = 0; k < ns; k++) {
                int i = 2 * (blk + k);
                int t = 6 * k;
                double w1r = tw[t];
                double w1i = sg * tw[t + 1];
                double w2r = tw[t + 2];
                double w2i = sg * tw[t + 3];
                double w3r = tw[t + 4];
                double w3i = sg * tw[t + 5];
                double ar = x[i];
                double ai = x[i + 1];
                double br0 = x[i + q];
                double bi0 = x[i + q + 1];
                double cr0 = x[i + 2 * q];
                double ci0 = x[i + 2 * q + 1];
                double dr0 = x[i + 3 * q];
                double di0 = x[i + 3 * q + 1];
                double br = br0 * w1r - bi0 * w1i;
                double bi = br0 * w1i + bi0 * w1r;
                double cr = cr0 * w2r - ci0 * w2i;
                double ci = cr0 * w2i + ci0 * w2r;
                double dr = dr0 * w3r - di0 * w3i;
                double di = dr0 * w3i + di0 * w3r;
                butterfly4(ar, ai, br, bi, cr, ci, dr, di, y, out + 2 * k, os, inverse);
            }
        }
    }

    /** DFT of size 4 of (a, b, c, d), outputs at o, o + s, o + 2s, o + 3s. */
    private static void butterfly4(double ar, double ai, double br, double bi, double cr, double ci, double dr,
                                   double di, double[] y, int o, int s, boolean inverse) {
        double t0r = ar + cr;
        double t0i = ai + ci;
        double t1r = ar - cr;
        double t1i = ai - ci;
        double t2r = br + dr;
        double t2i = bi + di;
        double t3r;
        double t3i;
        // forward: (b - d) * (-i); inverse: (b - d) * i
        if (inverse) {
            t3r = di - bi;
            t3i = br - dr;
        } else {
            t3r = bi - di;
            t3i = dr - br;
        }
        y[o] = t0r + t2r;
        y[o + 1] = t0i + t2i;
        y[o + s] = t1r + t3r;
        y[o + s + 1] = t1i + t3i;
        y[o + 2 * s] = t0r - t2r;
        y[o + 2 * s + 1] = t0i - t2i;
        y[o + 3 * s] = t1r - t3r;
        y[o + 3 * s + 1] = t1i - t3i;
    }

    private void radix3(double[] x, double[] y, boolean inverse) {
        final int q = 2 * (n / 3);
        final double sg = inverse ? -1.0 : 1.0;
        final double s60 = -sg * SIN60; // forward: -sin(2 pi / 3)
        for (int blk = 0; blk < n / 3; blk += ns) {
            int out = 2 * blk * 3;
            for (int k = 0; k < ns; k++) {
                int i = 2 * (blk + k);
                double ar = x[i];
                double ai = x[i + 1];
                double br = x[i + q];
                double bi = x[i + q + 1];
                double cr = x[i + 2 * q];
                double ci = x[i + 2 * q + 1];
                if (ns > 1) {
                    int t = 4 * k;
                    double wr = tw[t];
                    double wi = sg * tw[t + 1];
                    double u = br * wr - bi * wi;
                    bi = br * wi + bi * wr;
                    br = u;
                    wr = tw[t + 2];
                    wi = sg * tw[t + 3];
                    u = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = u;
                }
                double sr = br + cr;
                double si = bi + ci;
                double mr = ar - 0.5 * sr;
                double mi = ai - 0.5 * si;
                // i * s60 * (b - c)
                double dr = -s60 * (bi - ci);
                double di = s60 * (br - cr);
                int o = out + 2 * k;
                y[o] = ar + sr;
                y[o + 1] = ai + si;
                y[o + 2 * ns] = mr + dr;
                y[o + 2 * ns + 1] = mi + di;
                y[o + 4 * ns] = mr - dr;
                y[o + 4 * ns + 1] = mi - di;
            }
        }
    }

    private void radix5(double[] x, double[] y, boolean inverse) {
        final int q = 2 * (n / 5);
        final double sg = inverse ? -1.0 : 1.0;
        final double s1 = -sg * S1;
        final double s2 = -sg * S2;
        double[] v = new double[10];
        for (int blk = 0; blk < n / 5; blk += ns) {
            int out = 2 * blk * 5;
            for (int k = 0; k < ns; k++) {
                int i = 2 * (blk + k);
                v[0] = x[i];
                v[1] = x[i + 1];
                for (int r = 1; r < 5; r++) {
                    double re = x[i + r * q];
                    double im = x[i + r * q + 1];
                    if (ns > 1) {
                        int t = 2 * (k * 4 + r - 1);
                        double wr = tw[t];
                        double wi = sg * tw[t + 1];
                        double u = re * wr - im * wi;
                        im = re * wi + im * wr;
                        re = u;
                    }
                    v[2 * r] = re;
                    v[2 * r + 1] = im;
                }
                double a1r = v[2] + v[8];
                double a1i = v[3] + v[9];
                double b1r = v[2] - v[8];
                double b1i = v[3] - v[9];
                double a2r = v[4] + v[6];
                double a2i = v[5] + v[7];
                double b2r = v[4] - v[6];
                double b2i = v[5] - v[7];
                double ta1r = v[0] + C1 * a1r + C2 * a2r;
                double ta1i = v[1] + C1 * a1i + C2 * a2i;
                double ta2r = v[0] + C2 * a1r + C1 * a2r;
                double ta2i = v[1] + C2 * a1i + C1 * a2i;
                // tb1 = s1 b1 + s2 b2, tb2 = s2 b1 - s1 b2 (signed sines), times i
                double tb1r = s1 * b1r + s2 * b2r;
                double tb1i = s1 * b1i + s2 * b2i;
                double tb2r = s2 * b1r - s1 * b2r;
                double tb2i = s2 * b1i - s1 * b2i;
                int o = out + 2 * k;
                int s = 2 * ns;
                y[o] = v[0] + a1r + a2r;
                y[o + 1] = v[1] + a1i + a2i;
                // y1 = ta1 + i tb1, y4 = ta1 - i tb1, y2 = ta2 + i tb2, y3 = ta2 - i tb2
                y[o + s] = ta1r - tb1i;
                y[o + s + 1] = ta1i + tb1r;
                y[o + 4 * s] = ta1r + tb1i;
                y[o + 4 * s + 1] = ta1i - tb1r;
                y[o + 2 * s] = ta2r - tb2i;
                y[o + 2 * s + 1] = ta2i + tb2r;
                y[o + 3 * s] = ta2r + tb2i;
                y[o + 3 * s + 1] = ta2i - tb2r;
            }
        }
    }

    private void generic(double[] x, double[] y, boolean inverse) {
        final int p = radix;
        final int q = 2 * (n / p);
        final double sg = inverse ? -1.0 : 1.0;
        double[] v = new double[2 * p];
        for (int blk = 0; blk < n / p; blk += ns) {
            int out = 2 * blk * p;
            for (int k = 0; k < ns; k++) {
                int i = 2 * (blk + k);
                v[0] = x[i];
                v[1] = x[i + 1];
                for (int r = 1; r < p; r++) {
                    double re = x[i + r * q];
                    double im = x[i + r * q + 1];
                    int t = 2 * (k * (p - 1) + r - 1);
                    double wr = tw[t];
                    double wi = sg * tw[t + 1];
                    v[2 * r] = re * wr - im * wi;
                    v[2 * r + 1] = re * wi + im * wr;
                }
                int o = out + 2 * k;
                for (int u = 0; u < p; u++) {
                    double sr = 0;
                    double si = 0;
                    for (int r = 0; r < p; r++) {
                        int e = (int) ((long) u * r % p);
                        double wr = roots[2 * e];
                        double wi = sg * roots[2 * e + 1];
                        sr += v[2 * r] * wr - v[2 * r + 1] * wi;
                        si += v[2 * r] * wi + v[2 * r + 1] * wr;
                    }
                    y[o + 2 * u * ns] = sr;
                    y[o + 2 * u * ns + 1] = si;
                }
            }
        }
    }

    /**
     * The first pass (radix 4 or 2, no twiddles) of a real FFT of {@code 2 N} samples, reading the samples
     * {@code x_i = src[off + i] * win[i]} directly (the window and the even/odd packing {@code z_j = x_2j + i x_2j+1}
     * fused into the pass) and writing {@code y}.
     *
     * @param win window of 2N samples, or null for none
     */
    void firstFromReal(float[] src, int off, float[] win, double[] y) {
        if (radix == 4) {
            final int q = n / 2; // distance, in real samples, between the four inputs (2 * N/4)
            for (int j = 0; j < n / 4; j++) {
                int i = off + 2 * j;
                int w = 2 * j;
                double ar;
                double ai;
                double br;
                double bi;
                double cr;
                double ci;
                double dr;
                double di;
                if (win != null) {
                    ar = src[i] * win[w];
                    ai = src[i + 1] * win[w + 1];
                    br = src[i + q] * win[w + q];
                    bi = src[i + q + 1] * win[w + q + 1];
                    cr = src[i + 2 * q] * win[w + 2 * q];
                    ci = src[i + 2 * q + 1] * win[w + 2 * q + 1];
                    dr = src[i + 3 * q] * win[w + 3 * q];
                    di = src[i + 3 * q + 1] * win[w + 3 * q + 1];
                } else {
                    ar = src[i];
                    ai = src[i + 1];
                    br = src[i + q];
                    bi = src[i + q + 1];
                    cr = src[i + 2 * q];
                    ci = src[i + 2 * q + 1];
                    dr = src[i + 3 * q];
                    di = src[i + 3 * q + 1];
                }
                butterfly4(ar, ai, br, bi, cr, ci, dr, di, y, 8 * j, 2, false);
            }
        } else {
            final int q = n;
            for (int j = 0; j < n / 2; j++) {
                int i = off + 2 * j;
                int w = 2 * j;
                double ar = src[i];
                double ai = src[i + 1];
                double br = src[i + q];
                double bi = src[i + q + 1];
                if (win != null) {
                    ar *= win[w];
                    ai *= win[w + 1];
                    br *= win[w + q];
                    bi *= win[w + q + 1];
                }
                y[4 * j] = ar + br;
                y[4 * j + 1] = ai + bi;
                y[4 * j + 2] = ar - br;
                y[4 * j + 3] = ai - bi;
            }
        }
    }

    /** Double-precision variant of {@link #firstFromReal(float[], int, float[], double[])}. */
    void firstFromReal(double[] src, int off, double[] win, double[] y) {
        if (radix == 4) {
            final int q = n / 2;
            for (int j = 0; j < n / 4; j++) {
                int i = off + 2 * j;
                int w = 2 * j;
                double ar = src[i];
                double ai = src[i + 1];
                double br = src[i + q];
                double bi = src[i + q + 1];
                double cr = src[i + 2 * q];
                double ci = src[i + 2 * q + 1];
                double dr = src[i + 3 * q];
                double di = src[i + 3 * q + 1];
                if (win != null) {
                    ar *= win[w];
                    ai *= win[w + 1];
                    br *= win[w + q];
                    bi *= win[w + q + 1];
                    cr *= win[w + 2 * q];
                    ci *= win[w + 2 * q + 1];
                    dr *= win[w + 3 * q];
                    di *= win[w + 3 * q + 1];
                }
                butterfly4(ar, ai, br, bi, cr, ci, dr, di, y, 8 * j, 2, false);
            }
        } else {
            final int q = n;
            for (int j = 0; j < n / 2; j++) {
                int i = off + 2 * j;
                int w = 2 * j;
                double ar = src[i];
                double ai = src[i + 1];
                double br = src[i + q];
                double bi = src[i + q + 1];
                if (win != null) {
                    ar *= win[w];
                    ai *= win[w + 1];
                    br *= win[w + q];
                    bi *= win[w + q + 1];
                }
                y[4 * j] = ar + br;
                y[4 * j + 1] = ai + bi;
                y[4 * j + 2] = ar - br;
                y[4 * j + 3] = ai - bi;
            }
        }
    }
}
