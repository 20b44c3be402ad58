package org.audiotag.augment.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.audiotag.features.internal.fft.FftPlans;
import org.audiotag.features.internal.fft.RealFft;

/**
 * Linear (not circular) convolution of signals with a fixed set of kernels by FFT (audiotag-features' real FFT, in
 * double precision, single-threaded: no thread pool). Kernel spectra are computed once per FFT size (a power of two
 * at least {@code signalLength + kernelLength - 1}) and cached; work buffers are per thread, so one instance serves
 * all worker threads.
 */
public final class FftConvolver {
    private final float[][] kernels;
    private final ConcurrentHashMap<Key, double[]> spectra = new ConcurrentHashMap<>();
    private final ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[0]);

    /**
     * Creates a convolver for a fixed set of kernels; their spectra are computed lazily, once per FFT size.
     *
     * @param kernels the kernels (not copied; must not be modified afterwards)
     */
    public FftConvolver(float[][] kernels) {
        this.kernels = kernels;
    }

    /** Cache key: kernel, FFT size, kernel prefix length. */
    private record Key(int kernel, int n, int used) {
    }

    private static int pow2(long need) {
        if (need > (1 << 29)) {
            throw new IllegalArgumentException("convolution of " + need + " samples is too long for one FFT (limit "
                    + (1 << 29) + ")");
        }
        int k = (int) need;
        return Integer.highestOneBit(k) == k ? k : Integer.highestOneBit(k) << 1;
    }

    /** Spectrum at FFT size n of the first {@code used} samples of kernel k, computed once and cached. */
    private double[] spectrum(int n, int k, int used) {
        return spectra.computeIfAbsent(new Key(k, n, used), x -> {
            double[] sp = new double[n];
            float[] h = kernels[k];
            for (int i = 0; i < used; i++) {
                sp[i] = h[i];
            }
            FftPlans.real(n).forwardPacked(sp, 0);
            return sp;
        });
    }

    /**
     * Linear convolution {@code (x * h_k)}, either whole ({@code full}: {@code len(x) + len(h_k) - 1} samples) or
     * its first {@code len(x)} samples. In the second case only the first {@code len(x)} kernel samples can reach
     * the output, so the FFT size is the smallest power of two N &gt;= {@code len(x) + min(len(h_k), len(x)) - 1}
     * and the kernel prefix used is {@code min(len(h_k), N / 2)}: long enough for every kept output, short enough
     * that nothing wraps around, and a function of N alone, so at most one cached spectrum per (kernel, N).
     *
     * @param x signal
     * @param k kernel index
     * @param full whole convolution (true) or its first len(x) samples (false)
     * @return the convolution
     */
    public float[] convolve(float[] x, int k, boolean full) {
        int m = kernels[k].length;
        int n;
        int used;
        int outLength;
        if (full) {
            n = pow2((long) x.length + m - 1);
            outLength = x.length + m - 1;
            used = m;
        } else {
            outLength = x.length;
            n = pow2((long) x.length + Math.min(m, x.length) - 1);
            used = Math.min(m, n / 2);
        }
        double[] h = spectrum(n, k, used);
        double[] buf = buffers.get();
        if (buf.length != n) {
            buf = new double[n];
            buffers.set(buf);
        }
        for (int i = 0; i < x.length; i++) {
            buf[i] = x[i];
        }
        java.util.Arrays.fill(buf, x.length, n, 0.0);
        RealFft f = FftPlans.real(n);
        f.forwardPacked(buf, 0);
        buf[0] *= h[0];
        buf[1] *= h[1];
        for (int i = 2; i < n; i += 2) {
            double re = buf[i] * h[i] - buf[i + 1] * h[i + 1];
            double im = buf[i] * h[i + 1] + buf[i + 1] * h[i];
            buf[i] = re;
            buf[i + 1] = im;
        }
        f.inversePacked(buf, 0);
        float[] out = new float[outLength];
        for (int i = 0; i < outLength; i++) {
            out[i] = (float) buf[i];
        }
        return out;
    }
}
