package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;
import org.audiotag.features.internal.Padding;
import org.audiotag.features.internal.fft.BatchedRealFft;
import org.audiotag.features.internal.fft.FftPlans;
import org.audiotag.features.internal.fft.RealFft;

/**
 * Computes the short-time Fourier transform and its inverse as {@code librosa.stft} / {@code librosa.istft} (0.10),
 * for the parameters of a {@link StftConfig}.
 *
 * <p>Frame {@code t} is {@code window * padded[t*hop : t*hop + n_fft]} where {@code padded} is the signal padded by
 * {@code n_fft/2} on both sides with the configured {@link PadMode} when {@code center}; its real FFT gives
 * {@code 1 + n_fft/2} bins (no normalisation, numpy's sign convention {@code exp(-2 pi i k n / n_fft)}), bin
 * {@code k} at {@code k * sr / n_fft} Hz. Results use librosa's {@code (bins, frames)} layout, row-major: element
 * (bin k, frame t) at flat index {@code k * frames + t}.
 *
 * <p>The FFT is the library's own: a planned real FFT (mixed radix, window and packing fused into its first pass,
 * {@code |X|^2} into its last step) in double precision for the double entry points and iSTFT, and for the float32
 * power spectra of the log-mel path a batched float FFT that transforms 128 frames at once (sizes 4 * 2^a * (1, 3
 * or 5): 512, 1024, 2048, 2560, 4096, ...; other sizes go frame by frame). An instance is immutable and
 * thread-safe: the FFT plans are shared and the frame buffers are kept per
 * thread and reused across calls, so one {@code Stft} can serve a whole batch on all cores.
 *
 * <p>Given mono samples {@code double[] y}:
 * {@snippet :
 * Stft stft = Stft.of(StftConfig.builder().nFft(1024).hopLength(256).build());
 * ComplexMatrix d = stft.stft(y);                // librosa.stft(y, n_fft=1024, hop_length=256)
 * DoubleMatrix power = d.magnitude(2.0);         // np.abs(D) ** 2, (513 bins, frames)
 * DoubleMatrix mag = stft.magnitude(y, 1.0);     // np.abs(D) without keeping D
 * double[] back = stft.istft(d, y.length);       // librosa.istft(D, length=len(y)): y, up to rounding
 * }
 */
public final class Stft {
    private final StftConfig config;
    private final int nFft;
    private final int hop;
    private final int nBins;
    private final double[] window;
    private final float[] windowF;
    private final Workspaces workspaces;

    /**
     * Per-thread FFT plans and buffers shared by every {@code Stft} of the same {@code n_fft} (a small map per thread,
     * bounded by the number of distinct sizes in use), so creating many instances never accumulates buffers.
     */
    private static final ThreadLocal<java.util.HashMap<Integer, Workspace>> WORKSPACES =
            ThreadLocal.withInitial(java.util.HashMap::new);

    /** Accessor bound to this instance's size. */
    private static final class Workspaces {
        private final int nFft;
        private final int nBins;

        Workspaces(int nFft, int nBins) {
            this.nFft = nFft;
            this.nBins = nBins;
        }

        Workspace get() {
            return WORKSPACES.get().computeIfAbsent(nFft, n -> new Workspace(nFft, nBins));
        }
    }

    private Stft(StftConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.nFft = config.nFft();
        this.hop = config.hopLength();
        this.nBins = config.nBins();
        this.window = config.window().padded(config.winLength(), nFft);
        this.windowF = new float[nFft];
        for (int i = 0; i < nFft; i++) {
            windowF[i] = (float) window[i];
        }
        this.workspaces = new Workspaces(nFft, nBins);
    }

    /**
     * Returns the transform for a configuration; the window is computed here, the FFT plans on first use per thread.
     *
     * @param config the STFT parameters
     * @return a transform for them
     */
    public static Stft of(StftConfig config) {
        return new Stft(config);
    }

    /**
     * Returns the parameters of this transform.
     *
     * @return the configuration
     */
    public StftConfig config() {
        return config;
    }

    /**
     * Computes the complex STFT in double precision ({@code librosa.stft(y, ...)} on a float64 signal).
     *
     * @param y mono signal, at least one sample (at least n_fft when not centred), all finite
     * @return complex matrix {@code (1 + n_fft/2, n_frames)}, {@code n_frames = config().frameCount(y.length)}
     * @throws IllegalArgumentException if {@code y} is empty, too short or not finite
     */
    public ComplexMatrix stft(double[] y) {
        Checks.finiteSignal(y, "y");
        int nFrames = config.frameCount(y.length);
        double[] re = new double[nBins * nFrames];
        double[] im = new double[nBins * nFrames];
        Workspace ws = workspaces.get();
        for (int t = 0; t < nFrames; t++) {
            frameBins(y, t, ws);
            for (int k = 0; k < nBins; k++) {
                re[k * nFrames + t] = ws.re[k];
                im[k * nFrames + t] = ws.im[k];
            }
        }
        return new ComplexMatrix(nBins, nFrames, re, im, true);
    }

    /**
     * Computes the complex STFT of a float signal, widened to double and transformed in double precision.
     *
     * @param y mono signal, at least one sample, all finite
     * @return complex matrix {@code (1 + n_fft/2, n_frames)}
     * @throws IllegalArgumentException if {@code y} is null, empty, too short or not finite
     */
    public ComplexMatrix stft(float[] y) {
        return stft(toDouble(y));
    }

    /**
     * Computes the magnitude spectrogram {@code np.abs(librosa.stft(y)) ** power} in double precision, without
     * storing the complex matrix.
     *
     * @param y mono signal, at least one sample, all finite
     * @param power exponent &gt; 0 (1 magnitude, 2 power)
     * @return matrix {@code (1 + n_fft/2, n_frames)}
     * @throws IllegalArgumentException if {@code power} is not positive or {@code y} is empty, too short or not finite
     */
    public DoubleMatrix magnitude(double[] y, double power) {
        checkPower(power);
        Checks.finiteSignal(y, "y");
        int nFrames = config.frameCount(y.length);
        double[] out = new double[nBins * nFrames];
        forEachFrame(y, power, (t, spec) -> {
            for (int k = 0; k < nBins; k++) {
                out[k * nFrames + t] = spec[k];
            }
        });
        return new DoubleMatrix(nBins, nFrames, out, true);
    }

    /**
     * Computes the magnitude spectrogram {@code |STFT|^power} with a single-precision FFT: the float32 fast path of
     * {@link #magnitude(double[], double)} for feature extraction, where librosa's float32 pipeline (after
     * {@code librosa.load}) is the reference.
     *
     * @param y mono signal, at least one sample, all finite
     * @param power exponent &gt; 0 (1 magnitude, 2 power)
     * @return matrix {@code (1 + n_fft/2, n_frames)}
     * @throws IllegalArgumentException if {@code power} is not positive or {@code y} is empty, too short or not finite
     */
    public FeatureMatrix magnitude(float[] y, float power) {
        checkPower(power);
        Checks.finiteSignal(y, "y");
        int nFrames = config.frameCount(y.length);
        float[] out = new float[nBins * nFrames];
        forEachFrameBlock(y, power, (t0, count, rows) -> {
            for (int k = 0; k < nBins; k++) {
                System.arraycopy(rows[k], 0, out, k * nFrames + t0, count);
            }
        });
        return new FeatureMatrix(nBins, nFrames, out, true);
    }

    /**
     * Computes the inverse STFT without a target length ({@code librosa.istft(D, length=None)}): output length
     * {@code n_fft + hop*(n_frames-1) - 2*(n_fft/2)} samples when centred, {@code n_fft + hop*(n_frames-1)} otherwise.
     *
     * @param d complex STFT {@code (1 + n_fft/2, n_frames)}, at least one frame
     * @return the signal
     * @throws IllegalArgumentException if {@code d} has another number of rows or no frame
     */
    public double[] istft(ComplexMatrix d) {
        return istft(d, -1);
    }

    /**
     * Computes the inverse STFT ({@code librosa.istft(D, length=length)}): overlap-add of
     * {@code window * irfft(column)}, divided by the window sum-square wherever it exceeds the smallest normal double;
     * with {@code center} the first {@code n_fft/2} samples are dropped; the result is cut or zero-padded to
     * {@code length}. The imaginary parts of the DC and (even {@code n_fft}) Nyquist bins are ignored, as
     * {@code irfft} does.
     *
     * @param d complex STFT {@code (1 + n_fft/2, n_frames)}
     * @param length output length in samples, or -1 for librosa's {@code length=None}
     * @return the signal, {@code length} samples when given
     * @throws IllegalArgumentException if {@code d} has another number of rows, {@code length < -1}, or there is no
     *     frame and no length
     */
    public double[] istft(ComplexMatrix d, int length) {
        Objects.requireNonNull(d, "stft_matrix");
        if (d.rows() != nBins) {
            throw new IllegalArgumentException("stft_matrix has " + d.rows() + " rows but n_fft=" + nFft + " needs "
                    + nBins);
        }
        if (length < -1) {
            throw new IllegalArgumentException("length must be >= 0 (or -1 for none), got " + length);
        }
        int nFrames = d.cols();
        if (length >= 0) {
            long padded = config.center() ? (long) length + 2L * (nFft / 2) : length;
            nFrames = (int) Math.min(nFrames, (padded + hop - 1) / hop);
        }
        if (nFrames < 1) {
            if (length >= 0) {
                return new double[length];
            }
            throw new IllegalArgumentException("stft_matrix has no frames");
        }
        int expected = nFft + hop * (nFrames - 1);
        double[] y = new double[expected];
        double[] wss = new double[expected];
        double[] re = d.rawRe();
        double[] im = d.rawIm();
        int cols = d.cols();
        Workspace ws = workspaces.get();
        double[] buf = ws.dframe;
        for (int t = 0; t < nFrames; t++) {
            for (int k = 0; k < nBins; k++) {
                ws.re[k] = re[k * cols + t];
                ws.im[k] = im[k * cols + t];
            }
            ws.plan.inverse(ws.re, ws.im, buf, 0);
            int off = t * hop;
            for (int i = 0; i < nFft; i++) {
                y[off + i] += buf[i] * window[i];
                wss[off + i] += window[i] * window[i];
            }
        }
        int start = config.center() ? nFft / 2 : 0;
        int outLen = length >= 0 ? length : (config.center() ? expected - 2 * (nFft / 2) : expected);
        double[] out = new double[Math.max(0, outLen)];
        int avail = Math.min(out.length, expected - start);
        for (int i = 0; i < avail; i++) {
            double w = wss[start + i];
            out[i] = w > Double.MIN_NORMAL ? y[start + i] / w : y[start + i];
        }
        return out;
    }

    // ---- frame machinery shared with MelSpectrogram ----

    /** Receives the |X|^power spectrum (length 1 + n_fft/2) of frame t; the array is reused. */
    @FunctionalInterface
    interface DoubleFrameSink {
        void accept(int t, double[] spectrum);
    }

    void forEachFrame(double[] y, double power, DoubleFrameSink sink) {
        int nFrames = config.frameCount(y.length);
        Workspace ws = workspaces.get();
        double[] spec = ws.dspec;
        for (int t = 0; t < nFrames; t++) {
            frameBins(y, t, ws);
            for (int k = 0; k < nBins; k++) {
                double r = ws.re[k];
                double i = ws.im[k];
                spec[k] = powerOf(r * r + i * i, power);
            }
            sink.accept(t, spec);
        }
    }

    /** Bins of frame t of y into ws.re / ws.im (frames that reach into the padding are assembled first). */
    private void frameBins(double[] y, int t, Workspace ws) {
        long start = (long) t * hop - (config.center() ? nFft / 2 : 0);
        if (start >= 0 && start + nFft <= y.length) {
            ws.plan.forwardFrame(y, (int) start, window, ws.re, ws.im);
        } else {
            fillFrame(y, t, ws.dframe);
            ws.plan.forwardFrame(ws.dframe, 0, null, ws.re, ws.im);
        }
    }

    /** |X|^2 of frame t of y (float) into out[outOff ..], window and packing fused into the FFT's first pass. */
    private void framePower(float[] y, int t, Workspace ws, float[] out, int outOff) {
        long start = (long) t * hop - (config.center() ? nFft / 2 : 0);
        float[] src = y;
        int off = (int) start;
        if (start < 0 || start + nFft > y.length) {
            fillRawFrame(y, start, ws.fframe);
            src = ws.fframe;
            off = 0;
        }
        ws.plan.powerFrame(src, off, windowF, out, outOff);
    }

    /** Applies |X|^power for power != 2 to n squared magnitudes. */
    private static void applyPower(float[] spec, int off, int n, float power) {
        if (power == 2f) {
            return;
        }
        for (int k = off; k < off + n; k++) {
            spec[k] = power == 1f ? (float) Math.sqrt(spec[k]) : (float) Math.pow(spec[k], power / 2.0);
        }
    }

    /** Frames per block of the blocked float path (the batch of the batched FFT). */
    static final int BLOCK = 128;

    /**
     * Receives the spectra of up to {@link #BLOCK} consecutive frames starting at {@code t0}, bin-major: bin
     * {@code k} of frame {@code t0 + b} at {@code rows[k][b]} ({@code 1 + n_fft/2} rows of {@link #BLOCK} floats;
     * entries {@code b >= count} are to be ignored); the arrays are reused.
     */
    @FunctionalInterface
    interface FloatBlockSink {
        void accept(int t0, int count, float[][] rows);
    }

    /**
     * Blocked float path: the power spectra of {@link #BLOCK} frames at a time. Where the batched FFT has a plan
     * for {@code n_fft} (512, 1024, 2048, 2560, 4096, ...) it transforms the whole block at once, straight from
     * the signal (window and packing fused into its first step, {@code |X|^2} into its last); other sizes go frame
     * by frame through the per-frame FFT.
     */
    void forEachFrameBlock(float[] y, float power, FloatBlockSink sink) {
        int nFrames = config.frameCount(y.length);
        Workspace ws = workspaces.get();
        float[][] rows = ws.rows();
        BatchedRealFft batched = ws.batched();
        float[][] src = ws.blockSrc;
        int[] off = ws.blockOff;
        for (int t0 = 0; t0 < nFrames; t0 += BLOCK) {
            int count = Math.min(BLOCK, nFrames - t0);
            if (batched != null) {
                for (int b = 0; b < count; b++) {
                    long start = (long) (t0 + b) * hop - (config.center() ? nFft / 2 : 0);
                    if (start < 0 || start + nFft > y.length) {
                        float[] edge = ws.edge(b);
                        fillRawFrame(y, start, edge);
                        src[b] = edge;
                        off[b] = 0;
                    } else {
                        src[b] = y;
                        off[b] = (int) start;
                    }
                }
                batched.power(src, off, count, windowF, rows);
            } else {
                float[] spec = ws.fspec;
                for (int b = 0; b < count; b++) {
                    framePower(y, t0 + b, ws, spec, 0);
                    for (int k = 0; k < nBins; k++) {
                        rows[k][b] = spec[k];
                    }
                }
            }
            if (power != 2f) {
                for (float[] row : rows) {
                    applyPower(row, 0, count, power);
                }
            }
            sink.accept(t0, count, rows);
        }
    }

    /** The unwindowed samples of a frame starting at {@code start} (may reach into the padding). */
    private void fillRawFrame(float[] y, long start, float[] buf) {
        int n = y.length;
        boolean reflect = config.padMode() == PadMode.REFLECT;
        for (int i = 0; i < nFft; i++) {
            long idx = start + i;
            float v;
            if (idx >= 0 && idx < n) {
                v = y[(int) idx];
            } else {
                v = reflect ? y[Padding.reflect(idx, n)] : 0f;
            }
            buf[i] = v;
        }
    }

    private void fillFrame(double[] y, int t, double[] buf) {
        long start = (long) t * hop - (config.center() ? nFft / 2 : 0);
        int n = y.length;
        if (start >= 0 && start + nFft <= n) {
            int s = (int) start;
            for (int i = 0; i < nFft; i++) {
                buf[i] = y[s + i] * window[i];
            }
            return;
        }
        boolean reflect = config.padMode() == PadMode.REFLECT;
        for (int i = 0; i < nFft; i++) {
            long idx = start + i;
            double v;
            if (idx >= 0 && idx < n) {
                v = y[(int) idx];
            } else {
                v = reflect ? y[Padding.reflect(idx, n)] : 0.0;
            }
            buf[i] = v * window[i];
        }
    }

    static void checkPower(double power) {
        Checks.positive(power, "power");
    }

    static double powerOf(double squaredMagnitude, double power) {
        if (power == 2.0) {
            return squaredMagnitude;
        }
        if (power == 1.0) {
            return Math.sqrt(squaredMagnitude);
        }
        return Math.pow(squaredMagnitude, power / 2.0);
    }

    static double[] toDouble(float[] y) {
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return d;
    }

    /** Per-thread FFT plan reference and buffers, created lazily and reused by every call on that thread. */
    private static final class Workspace {
        final RealFft plan;
        final double[] dframe;
        final float[] fframe;
        final double[] dspec;
        final float[] fspec;
        final double[] re;
        final double[] im;
        private final int nBins;
        private final int nFft;
        final float[][] blockSrc = new float[BLOCK][];
        final int[] blockOff = new int[BLOCK];
        private float[][] rows;
        private float[][] edges;
        private BatchedRealFft batched;
        private boolean batchedChecked;

        Workspace(int nFft, int nBins) {
            this.plan = FftPlans.real(nFft);
            this.dframe = new double[nFft];
            this.fframe = new float[nFft];
            this.dspec = new double[nBins];
            this.fspec = new float[nBins];
            this.re = new double[nBins];
            this.im = new double[nBins];
            this.nBins = nBins;
            this.nFft = nFft;
        }

        /** The bin-major block of the blocked float path, {@code nBins} rows of {@link #BLOCK} floats. */
        float[][] rows() {
            if (rows == null) {
                rows = new float[nBins][BLOCK];
            }
            return rows;
        }

        /** The batched FFT of this size, or null where it has no plan. */
        BatchedRealFft batched() {
            if (!batchedChecked) {
                batched = BatchedRealFft.supports(nFft) ? FftPlans.batched(nFft, BLOCK) : null;
                batchedChecked = true;
            }
            return batched;
        }

        /** Frame buffer b of the block, for frames that reach into the padding. */
        float[] edge(int b) {
            if (edges == null) {
                edges = new float[BLOCK][];
            }
            if (edges[b] == null) {
                edges[b] = new float[nFft];
            }
            return edges[b];
        }
    }
}
