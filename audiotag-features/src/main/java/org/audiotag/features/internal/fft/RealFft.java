package org.audiotag.features.internal.fft;

/**
 * A planned real DFT of size {@code n >= 1}: bins {@code X_k = sum_j x_j exp(-2 pi i j k / n)} for
 * {@code 0 <= k <= n/2} (numpy.fft.rfft), and its inverse numpy.fft.irfft (scaled by {@code 1/n}; the imaginary
 * parts of the DC bin and, for even {@code n}, of the Nyquist bin are ignored).
 *
 * <p>An even size runs a complex FFT of {@code h = n/2} points on {@code z_j = x_2j + i x_2j+1} and untangles the
 * spectrum with the precomputed twiddles {@code W^k = exp(-2 pi i k / n)}:
 * {@code X_k = E_k + W^k O_k}, {@code E_k = (Z_k + conj Z_{h-k}) / 2}, {@code O_k = (Z_k - conj Z_{h-k}) / 2i}.
 * The frame entry points fuse the window and that packing into the first radix pass and the squared magnitude into
 * the untangling, so a frame of a signal becomes a power spectrum in one sweep over the data. An odd size runs a
 * complex FFT of {@code n} points. Immutable and thread-safe (scratch buffers per thread); get plans from
 * {@link FftPlans}. Not part of the API.
 */
public final class RealFft {
    private final int n;
    private final int half;
    private final boolean even;
    private final ComplexFft complex;
    /** W^k = exp(-2 pi i k / n) for k in [0, n/2), interleaved (even n only). */
    private final double[] untangle;
    private final ThreadLocal<double[][]> scratch;
    private final int scratchLength;

    /**
     * Plans a real FFT of size n through a complex FFT of half the size (or of n when n is odd).
     *
     * @param n size
     * @param shared keep scratch buffers per thread (for cached plans) rather than allocating them per call
     */
    RealFft(int n, boolean shared) {
        if (n < 1) {
            throw new IllegalArgumentException("real FFT size must be >= 1, got " + n);
        }
        this.n = n;
        this.even = n % 2 == 0;
        this.half = n / 2;
        this.complex = FftPlans.complex(even ? half : n);
        this.untangle = new double[even ? n : 0];
        if (even) {
            for (int k = 0; k < half; k++) {
                double a = -2.0 * Math.PI * k / n;
                untangle[2 * k] = Math.cos(a);
                untangle[2 * k + 1] = Math.sin(a);
            }
        }
        int len = even ? n : 2 * n;
        this.scratch = shared ? ThreadLocal.withInitial(() -> newBuffers(len, half + 1)) : null;
        this.scratchLength = len;
    }

    /** Returns the transform size n. */
    public int size() {
        return n;
    }

    /** Returns the number of bins, {@code n/2 + 1}. */
    public int bins() {
        return half + 1;
    }

    // ------------------------------------------------------------------ forward

    /**
     * {@code numpy.fft.rfft(x)}.
     *
     * @param x n samples from offset 0 (not modified)
     * @param re real parts of bins 0..n/2 (at least n/2 + 1)
     * @param im imaginary parts of bins 0..n/2
     */
    public void forward(double[] x, double[] re, double[] im) {
        checkLength(x.length, "x");
        double[] z = spectrumOf(x, 0, null);
        unpack(z, re, im);
    }

    /**
     * Bins of the windowed frame {@code x_i = src[off + i] * win[i]}, {@code 0 <= i < n}.
     *
     * @param src signal
     * @param off first sample of the frame
     * @param win window of n samples, or null
     * @param re real parts of bins 0..n/2
     * @param im imaginary parts of bins 0..n/2
     */
    public void forwardFrame(double[] src, int off, double[] win, double[] re, double[] im) {
        unpack(spectrumOf(src, off, win), re, im);
    }

    /**
     * Power spectrum {@code |X_k|^2}, {@code 0 <= k <= n/2}, of the windowed float frame
     * {@code x_i = src[off + i] * win[i]} (computed in double, stored as float).
     *
     * @param src signal
     * @param off first sample of the frame
     * @param win window of n samples, or null
     * @param out destination of the n/2 + 1 powers
     * @param outOff first index written
     */
    public void powerFrame(float[] src, int off, float[] win, float[] out, int outOff) {
        double[][] s = buffers();
        double[] z;
        if (even && complex.firstPass() != null && firstPassFusable()) {
            complex.firstPass().firstFromReal(src, off, win, s[1]);
            z = complex.finishAfterFirstPass(s[1], s[0]);
        } else {
            double[] d = s[0];
            if (even) {
                for (int i = 0; i < n; i++) {
                    d[i] = win == null ? src[off + i] : (double) src[off + i] * win[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    d[2 * i] = win == null ? src[off + i] : (double) src[off + i] * win[i];
                    d[2 * i + 1] = 0.0;
                }
            }
            complex.forward(d);
            z = d;
        }
        if (!even) {
            for (int k = 0; k <= half; k++) {
                double r = z[2 * k];
                double i = z[2 * k + 1];
                out[outOff + k] = (float) (r * r + i * i);
            }
            return;
        }
        double z0r = z[0];
        double z0i = z[1];
        double x0 = z0r + z0i;
        double xh = z0r - z0i;
        out[outOff] = (float) (x0 * x0);
        out[outOff + half] = (float) (xh * xh);
        // bins k and h-k from the same pair: X_k = E + W^k O, X_{h-k} = conj(E - W^k O)
        final double[] w = untangle;
        for (int k = 1; 2 * k <= half; k++) {
            int a = 2 * k;
            int b = 2 * (half - k);
            double ar = z[a];
            double ai = z[a + 1];
            double br = z[b];
            double bi = -z[b + 1];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi);
            double oi = -0.5 * (ar - br);
            double wr = w[a];
            double wi = w[a + 1];
            double pr = wr * or - wi * oi;
            double pi = wr * oi + wi * or;
            double xr = er + pr;
            double xi = ei + pi;
            double yr = er - pr;
            double yi = ei - pi;
            out[outOff + k] = (float) (xr * xr + xi * xi);
            out[outOff + half - k] = (float) (yr * yr + yi * yi);
        }
    }

    private double[][] buffers() {
        return scratch != null ? scratch.get() : newBuffers(scratchLength, half + 1);
    }

    /** Two transform buffers and two bin buffers (real, imaginary parts) for the packed entry points. */
    private static double[][] newBuffers(int len, int bins) {
        return new double[][] {new double[len], new double[len], new double[bins], new double[bins]};
    }

    private boolean firstPassFusable() {
        RadixPass p = complex.firstPass();
        return p.ns == 1 && (p.radix == 4 || p.radix == 2);
    }

    /** Complex spectrum Z (even n: of the packed half-size signal; odd n: of the whole signal), in scratch. */
    private double[] spectrumOf(double[] src, int off, double[] win) {
        double[][] s = buffers();
        if (even && complex.firstPass() != null && firstPassFusable()) {
            complex.firstPass().firstFromReal(src, off, win, s[1]);
            return complex.finishAfterFirstPass(s[1], s[0]);
        }
        double[] d = s[0];
        if (even) {
            for (int i = 0; i < n; i++) {
                d[i] = win == null ? src[off + i] : src[off + i] * win[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                d[2 * i] = win == null ? src[off + i] : src[off + i] * win[i];
                d[2 * i + 1] = 0.0;
            }
        }
        complex.forward(d);
        return d;
    }

    /** Bins 0..n/2 from the complex spectrum {@code z} (untangled when n is even). */
    private void unpack(double[] z, double[] re, double[] im) {
        if (!even) {
            for (int k = 0; k <= half; k++) {
                re[k] = z[2 * k];
                im[k] = z[2 * k + 1];
            }
            return;
        }
        double z0r = z[0];
        double z0i = z[1];
        re[0] = z0r + z0i;
        im[0] = 0.0;
        re[half] = z0r - z0i;
        im[half] = 0.0;
        // bins k and h-k from the same pair: X_k = E + W^k O, X_{h-k} = conj(E - W^k O)
        final double[] w = untangle;
        for (int k = 1; 2 * k <= half; k++) {
            int a = 2 * k;
            int b = 2 * (half - k);
            double ar = z[a];
            double ai = z[a + 1];
            double br = z[b];
            double bi = -z[b + 1];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi);
            double oi = -0.5 * (ar - br);
            double wr = w[a];
            double wi = w[a + 1];
            double pr = wr * or - wi * oi;
            double pi = wr * oi + wi * or;
            re[k] = er + pr;
            im[k] = ei + pi;
            re[half - k] = er - pr;
            im[half - k] = pi - ei;
        }
    }

    // ------------------------------------------------------------------ inverse

    /**
     * {@code numpy.fft.irfft(X, n)}: the real signal whose bins 0..n/2 are given (scaled by 1/n; the imaginary parts
     * of bin 0 and, for even n, bin n/2 are ignored).
     *
     * @param re real parts of bins 0..n/2
     * @param im imaginary parts of bins 0..n/2
     * @param out destination of n samples (from offset {@code outOff})
     * @param outOff first index written
     */
    public void inverse(double[] re, double[] im, double[] out, int outOff) {
        double[][] s = buffers();
        double[] d = s[0];
        if (!even) {
            d[0] = re[0];
            d[1] = 0.0;
            for (int k = 1; k <= half; k++) {
                d[2 * k] = re[k];
                d[2 * k + 1] = im[k];
                d[2 * (n - k)] = re[k];
                d[2 * (n - k) + 1] = -im[k];
            }
            complex.inverse(d, true);
            for (int j = 0; j < n; j++) {
                out[outOff + j] = d[2 * j];
            }
            return;
        }
        final double[] w = untangle;
        for (int k = 0; k < half; k++) {
            double ar = re[k];
            double ai = k == 0 ? 0.0 : im[k];
            int m = half - k;
            double br = re[m];
            double bi = m == half ? 0.0 : -im[m]; // conj(X_{h-k}); X_h's imaginary part ignored
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double dr = 0.5 * (ar - br);
            double di = 0.5 * (ai - bi);
            // O = D conj(W^k)
            double wr = w[2 * k];
            double wi = -w[2 * k + 1];
            double or = dr * wr - di * wi;
            double oi = dr * wi + di * wr;
            d[2 * k] = er - oi;
            d[2 * k + 1] = ei + or;
        }
        complex.inverse(d, false);
        double scale = 1.0 / half;
        for (int i = 0; i < n; i++) {
            out[outOff + i] = d[i] * scale;
        }
    }

    /** Even n: {@link #inverse} reading the bins straight from the packed layout, in place. */
    private void inverseFromPacked(double[] a, int off) {
        double[] d = buffers()[0];
        final double[] w = untangle;
        for (int k = 0; k < half; k++) {
            int m = half - k;
            double ar = k == 0 ? a[off] : a[off + 2 * k];
            double ai = k == 0 ? 0.0 : a[off + 2 * k + 1];
            double br = m == half ? a[off + 1] : a[off + 2 * m]; // X_h is real (a[off + 1])
            double bi = m == half ? 0.0 : -a[off + 2 * m + 1];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double dr = 0.5 * (ar - br);
            double di = 0.5 * (ai - bi);
            double wr = w[2 * k];
            double wi = -w[2 * k + 1];
            double or = dr * wr - di * wi;
            double oi = dr * wi + di * wr;
            d[2 * k] = er - oi;
            d[2 * k + 1] = ei + or;
        }
        complex.inverse(d, false);
        double scale = 1.0 / half;
        for (int i = 0; i < n; i++) {
            a[off + i] = d[i] * scale;
        }
    }

    // ------------------------------------------------------------------ packed layout

    /**
     * In-place forward transform into the packed layout: {@code a[0] = Re X_0}; for even n {@code a[1] = Re X_{n/2}}
     * and {@code a[2k], a[2k+1] = Re, Im X_k} for {@code 0 < k < n/2}; for odd n {@code a[2k], a[2k+1]} for
     * {@code 0 < k < (n-1)/2}, {@code a[n-1] = Re X_{(n-1)/2}} and {@code a[1] = Im X_{(n-1)/2}} (the layout of
     * JTransforms' {@code realForward}).
     *
     * @param a n samples in, packed spectrum out
     * @param off offset of the n values in {@code a}
     */
    public void forwardPacked(double[] a, int off) {
        if (even && n >= 4) {
            untanglePacked(spectrumOf(a, off, null), a, off);
            return;
        }
        double[][] s = buffers();
        double[] re = s[2];
        double[] im = s[3];
        unpack(spectrumOf(a, off, null), re, im);
        pack(re, im, a, off);
    }

    /** Even n: the bins from the half-size spectrum {@code z}, straight into the packed layout (one pass). */
    private void untanglePacked(double[] z, double[] a, int off) {
        double z0r = z[0];
        double z0i = z[1];
        a[off] = z0r + z0i;
        a[off + 1] = z0r - z0i;
        final double[] w = untangle;
        for (int k = 1; 2 * k <= half; k++) {
            int i = 2 * k;
            int j = 2 * (half - k);
            double ar = z[i];
            double ai = z[i + 1];
            double br = z[j];
            double bi = -z[j + 1];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi);
            double oi = -0.5 * (ar - br);
            double wr = w[i];
            double wi = w[i + 1];
            double pr = wr * or - wi * oi;
            double pi = wr * oi + wi * or;
            a[off + i] = er + pr;
            a[off + i + 1] = ei + pi;
            if (j != i) {
                a[off + j] = er - pr;
                a[off + j + 1] = pi - ei;
            }
        }
    }

    /**
     * Inverse of {@link #forwardPacked}: the packed spectrum of n samples in place back to the (1/n-scaled) signal.
     *
     * @param a packed spectrum in, signal out
     * @param off offset of the n values
     */
    public void inversePacked(double[] a, int off) {
        if (even && n >= 4) {
            inverseFromPacked(a, off);
            return;
        }
        double[][] s = buffers();
        double[] re = s[2];
        double[] im = s[3];
        unpackPacked(a, off, re, im);
        inverse(re, im, a, off);
    }

    /** Writes bins 0..n/2 into the packed layout of {@link #forwardPacked}. */
    public void pack(double[] re, double[] im, double[] a, int off) {
        a[off] = re[0];
        if (n == 1) {
            return;
        }
        if (even) {
            a[off + 1] = re[half];
            for (int k = 1; k < half; k++) {
                a[off + 2 * k] = re[k];
                a[off + 2 * k + 1] = im[k];
            }
        } else {
            for (int k = 1; k < half; k++) {
                a[off + 2 * k] = re[k];
                a[off + 2 * k + 1] = im[k];
            }
            a[off + n - 1] = re[half];
            a[off + 1] = im[half];
        }
    }

    /** Reads bins 0..n/2 from the packed layout of {@link #forwardPacked} (DC and even-n Nyquist imaginary = 0). */
    public void unpackPacked(double[] a, int off, double[] re, double[] im) {
        re[0] = a[off];
        im[0] = 0.0;
        if (n == 1) {
            return;
        }
        if (even) {
            re[half] = a[off + 1];
            im[half] = 0.0;
            for (int k = 1; k < half; k++) {
                re[k] = a[off + 2 * k];
                im[k] = a[off + 2 * k + 1];
            }
        } else {
            for (int k = 1; k < half; k++) {
                re[k] = a[off + 2 * k];
                im[k] = a[off + 2 * k + 1];
            }
            re[half] = a[off + n - 1];
            im[half] = a[off + 1];
        }
    }

    private void checkLength(int len, String name) {
        if (len < n) {
            throw new IllegalArgumentException(name + " has " + len + " samples but the real FFT of size " + n
                    + " needs " + n);
        }
    }
}
