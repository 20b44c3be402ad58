package org.audiotag.features.internal.fft;

import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * Power spectrum {@code |rfft(window * frame)|^2} of a float frame through JTransforms' {@code FloatFFT_1D}, kept for
 * the float32 log-mel path at every even size below JTransforms' threading threshold: at the power-of-two sizes it
 * measured faster than {@link RealFft} (FftBenchmark), and at the others (2560 for the original's pipeline A) it keeps
 * the log-mel features, and so every trained model, bit-identical to earlier releases. JTransforms runs a transform
 * on its shared, non-daemon thread pool only from its 1-D threading threshold on
 * ({@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads()}, 8192 by default), so {@link #suitable(int)} also requires
 * the size to stay below that threshold as read at the time of the call: no JTransforms pool thread is ever started
 * by this library. One instance per thread (the plan is not shared). Not part of the API.
 */
public final class JTransformsPower {
    private final int n;
    private final FloatFFT_1D fft;
    private final float[] frame;

    /**
     * Plans JTransforms' float FFT of size n, with its own frame buffer.
     *
     * @param n a size for which {@link #suitable(int)} holds
     */
    public JTransformsPower(int n) {
        this.n = n;
        this.fft = new FloatFFT_1D(n);
        this.frame = new float[n];
    }

    /**
     * Tells whether the float power spectra of size n go through JTransforms.
     *
     * @param n FFT size
     * @return whether n is even, at least 2 and below JTransforms' current threading threshold (odd sizes use the
     *     own engine)
     */
    public static boolean suitable(int n) {
        return n >= 2 && (n & 1) == 0 && n < CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
    }

    /**
     * {@code |X_k|^2}, {@code 0 <= k <= n/2}, of {@code x_i = src[off + i] * win[i]}, in float32 arithmetic.
     *
     * @param src signal
     * @param off first sample of the frame
     * @param win window of n samples
     * @param out destination of n/2 + 1 powers
     * @param outOff first index written
     * @throws IllegalStateException if JTransforms' threading threshold was lowered to n or below meanwhile
     */
    public void powerFrame(float[] src, int off, float[] win, float[] out, int outOff) {
        if (n >= CommonUtils.getThreadsBeginN_1D_FFT_2Threads()) {
            throw new IllegalStateException("JTransforms' threading threshold was lowered to "
                    + CommonUtils.getThreadsBeginN_1D_FFT_2Threads() + " <= n_fft=" + n);
        }
        float[] buf = frame;
        for (int i = 0; i < n; i++) {
            buf[i] = src[off + i] * win[i];
        }
        fft.realForward(buf);
        int half = n / 2;
        out[outOff] = buf[0] * buf[0];
        for (int k = 1; k < half; k++) {
            float r = buf[2 * k];
            float i = buf[2 * k + 1];
            out[outOff + k] = r * r + i * i;
        }
        out[outOff + half] = buf[1] * buf[1];
    }
}
