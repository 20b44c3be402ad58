package org.audiotag.features.internal.fft;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned complex DFT of one size {@code N >= 1}, {@code X_k = sum_j x_j exp(-2 pi i j k / N)} (numpy.fft.fft's
 * convention; the inverse is {@code (1/N) sum_k X_k exp(+2 pi i j k / N)} when scaled, as numpy.fft.ifft).
 *
 * <p>The plan factors {@code N} into radix-4 passes, then 2, 3, 5 and any other prime up to
 * {@link #MAX_DIRECT_PRIME}, each a {@link RadixPass} of a Stockham autosort FFT with precomputed twiddles; a size
 * with a larger prime factor is done by {@link Bluestein}'s chirp-z transform over a power of two, and a power of two
 * from {@link FourStepFft#MIN_SIZE} on by the cache-friendly {@link FourStepFft}. Data are
 * interleaved doubles {@code [re0, im0, re1, im1, ...]}. Plans are immutable and thread-safe (scratch buffers are
 * per thread); get them from {@link FftPlans}. Not part of the API.
 */
public final class ComplexFft {
    /** Largest prime factor handled by a direct radix pass; larger ones go through Bluestein. */
    static final int MAX_DIRECT_PRIME = 31;

    private final int n;
    private final RadixPass[] passes;
    private final Bluestein bluestein;
    /** The four-step algorithm for large powers of two, or null. */
    private final FourStepFft fourStep;
    private final ThreadLocal<double[]> scratch;

    /**
     * Plans a complex FFT of size n: its radix passes and twiddles, or Bluestein's algorithm.
     *
     * @param n size
     * @param shared keep scratch buffers per thread (for cached plans) rather than allocating one per call
     */
    ComplexFft(int n, boolean shared) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT size must be >= 1, got " + n);
        }
        this.n = n;
        List<Integer> radices = factor(n);
        if (radices == null) {
            this.passes = new RadixPass[0];
            this.bluestein = new Bluestein(n, shared);
        } else {
            this.passes = new RadixPass[radices.size()];
            int ns = 1;
            for (int i = 0; i < passes.length; i++) {
                passes[i] = new RadixPass(n, radices.get(i), ns);
                ns *= radices.get(i);
            }
            this.bluestein = null;
        }
        this.fourStep = n >= FourStepFft.MIN_SIZE && Integer.bitCount(n) == 1 ? new FourStepFft(n) : null;
        this.scratch = shared ? ThreadLocal.withInitial(() -> new double[2 * n]) : null;
    }

    /** Radices of the passes (4s first, then 2, 3, 5, other primes), or null when Bluestein is needed. */
    static List<Integer> factor(int n) {
        List<Integer> r = new ArrayList<>();
        int m = n;
        while (m % 4 == 0) {
            r.add(4);
            m /= 4;
        }
        if (m % 2 == 0) {
            r.add(2);
            m /= 2;
        }
        for (int p = 3; p <= MAX_DIRECT_PRIME && m > 1; p += 2) {
            while (m % p == 0) {
                r.add(p);
                m /= p;
            }
        }
        return m == 1 ? r : null;
    }

    /** Returns the transform size N. */
    public int size() {
        return n;
    }

    /** Tells whether the plan uses Bluestein's algorithm (a prime factor above {@link #MAX_DIRECT_PRIME}). */
    public boolean usesBluestein() {
        return bluestein != null;
    }

    /**
     * In-place forward DFT of {@code N} complex values.
     *
     * @param data interleaved complex values, at least {@code 2 N} doubles from offset 0
     */
    public void forward(double[] data) {
        transform(data, false);
    }

    /**
     * In-place inverse DFT, {@code x_j = s * sum_k X_k exp(+2 pi i j k / N)} with {@code s = 1/N} when
     * {@code scale}, else 1.
     *
     * @param data interleaved complex values, at least {@code 2 N} doubles
     * @param scale divide by N (numpy.fft.ifft) or not
     */
    public void inverse(double[] data, boolean scale) {
        transform(data, true);
        if (scale) {
            double s = 1.0 / n;
            for (int i = 0; i < 2 * n; i++) {
                data[i] *= s;
            }
        }
    }

    void transform(double[] data, boolean inverse) {
        if (data.length < 2 * n) {
            throw new IllegalArgumentException("data has " + data.length + " doubles but a complex FFT of size " + n
                    + " needs " + 2 * n);
        }
        if (bluestein != null) {
            bluestein.transform(data, inverse);
            return;
        }
        if (fourStep != null) {
            fourStep.transform(data, inverse);
            return;
        }
        if (passes.length == 0) {
            return; // N = 1
        }
        double[] work = scratch != null ? scratch.get() : new double[2 * n];
        double[] x = data;
        double[] y = work;
        for (RadixPass p : passes) {
            p.apply(x, y, inverse);
            double[] t = x;
            x = y;
            y = t;
        }
        if (x != data) {
            System.arraycopy(x, 0, data, 0, 2 * n);
        }
    }

    /**
     * Runs every pass but the first, which the caller has already applied from {@code data} into {@code work}
     * (used by {@link RealFft} to fuse windowing and packing into the first pass).
     *
     * @return the array that holds the result ({@code data} or {@code work})
     */
    double[] finishAfterFirstPass(double[] work, double[] data) {
        double[] x = work;
        double[] y = data;
        for (int i = 1; i < passes.length; i++) {
            passes[i].apply(x, y, false);
            double[] t = x;
            x = y;
            y = t;
        }
        return x;
    }

    /** Returns the first pass, or null (Bluestein, four-step, or N = 1). */
    RadixPass firstPass() {
        return passes.length == 0 || fourStep != null ? null : passes[0];
    }
}
