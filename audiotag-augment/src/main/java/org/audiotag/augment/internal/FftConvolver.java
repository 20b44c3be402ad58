package org.audiotag.augment.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Linear (not circular) convolution of signals with a fixed set of kernels by FFT. Kernel spectra are computed
 * once per FFT size (a power of two at least {@code signalLength + kernelLength - 1}) and cached; work buffers
 * are per thread, so one instance serves all worker threads.
 */
public final class FftConvolver {
    private final float[][] kernels;
    private final ConcurrentHashMap<Long, float[]> spectra = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, FloatFFT_1D> ffts = new ConcurrentHashMap<>();
    private final ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * @param kernels the kernels (not copied; must not be modified afterwards)
     */
    public FftConvolver(float[][] kernels) {
        this.kernels = kernels;
    }

    /**
     * The FFT size used for a signal of the given length and kernel {@code k}.
     *
     * @param signalLength signal length
     * @param k kernel index
     * @return the smallest power of two &gt;= signalLength + kernelLength - 1
     */
    public int fftSize(int signalLength, int k) {
        return pow2(signalLength + kernels[k].length - 1);
    }

    private static int pow2(int need) {
        return Integer.highestOneBit(need) == need ? need : Integer.highestOneBit(need) << 1;
    }

    /** Spectrum at FFT size n of the first {@code used} samples of kernel k, computed once and cached. */
    private float[] spectrum(int n, int k, int used) {
        long key = ((long) k << 48) | ((long) n << 24) | used;
        return spectra.computeIfAbsent(key, x -> {
            float[] sp = new float[n];
            System.arraycopy(kernels[k], 0, sp, 0, used);
            fft(n).realForward(sp);
            return sp;
        });
    }

    private FloatFFT_1D fft(int n) {
        return ffts.computeIfAbsent(n, FloatFFT_1D::new);
    }

    /**
     * Computes {@code out[i] = (x * h_k)[i]} for {@code i < outLength}, where {@code *} is the linear convolution
     * of length {@code len(x) + len(h_k) - 1}. Only the first {@code outLength} kernel samples can reach those
     * outputs, so the kernel is cut there and the FFT size is the smallest power of two
     * &gt;= {@code len(x) + min(len(h_k), outLength) - 1}.
     *
     * @param x signal
     * @param k kernel index
     * @param outLength number of output samples wanted (at most len(x) + len(h_k) - 1)
     * @return the first outLength samples of the linear convolution
     */
    public float[] convolve(float[] x, int k, int outLength) {
        int used = Math.min(kernels[k].length, outLength);
        int n = pow2(x.length + used - 1);
        float[] h = spectrum(n, k, used);
        float[] buf = buffers.get();
        if (buf.length != n) {
            buf = new float[n];
            buffers.set(buf);
        }
        System.arraycopy(x, 0, buf, 0, x.length);
        java.util.Arrays.fill(buf, x.length, n, 0f);
        FloatFFT_1D f = fft(n);
        f.realForward(buf);
        buf[0] *= h[0];
        buf[1] *= h[1];
        for (int i = 2; i < n; i += 2) {
            float re = buf[i] * h[i] - buf[i + 1] * h[i + 1];
            float im = buf[i] * h[i + 1] + buf[i + 1] * h[i];
            buf[i] = re;
            buf[i + 1] = im;
        }
        f.realInverse(buf, true);
        float[] out = new float[outLength];
        System.arraycopy(buf, 0, out, 0, outLength);
        return out;
    }
}
