package org.audiotag.features;

import java.util.Arrays;
import java.util.Objects;
import org.audiotag.features.internal.Checks;
import org.audiotag.features.internal.Padding;

/**
 * Removes leading and trailing silence as
 * {@code librosa.effects.trim(y, top_db, ref=np.max, frame_length, hop_length)}.
 *
 * <p>Per-frame energy is the mean square of a centred {@code frame_length} frame every {@code hop_length} samples
 * (the signal padded by {@code frame_length/2} on both sides; librosa 0.10's {@code feature.rms} pads with zeros,
 * librosa 0.6 - the original project - reflected); a frame is non-silent when
 * {@code 10 log10(max(1e-10, e) / max(1e-10, max_e)) > -top_db}. The kept span is
 * {@code [first * hop, min(len, (last + 1) * hop))}, empty when every frame is silent. Immutable and thread-safe.
 *
 * <p>Given mono samples {@code float[] y}:
 * {@snippet :
 * Trim trim = Trim.of(60);                    // librosa.effects.trim(y, top_db=60)
 * float[] trimmed = trim.apply(y);            // y[start:end]
 * int[] span = trim.span(y);                  // {start, end} in samples, librosa's index
 * // pipeline C of the original project: librosa 0.6 framing with reflect padding
 * float[] c = Trim.of(60, 2048, 512, PadMode.REFLECT).apply(y);
 * }
 */
public final class Trim {
    private final double topDb;
    private final int frameLength;
    private final int hopLength;
    private final PadMode padMode;

    private Trim(double topDb, int frameLength, int hopLength, PadMode padMode) {
        if (!(topDb > 0) || Double.isInfinite(topDb)) {
            throw new IllegalArgumentException("top_db must be a finite number > 0, got " + topDb);
        }
        if (frameLength < 1) {
            throw new IllegalArgumentException("frame_length must be >= 1, got " + frameLength);
        }
        if (hopLength < 1) {
            throw new IllegalArgumentException("hop_length must be >= 1, got " + hopLength);
        }
        this.topDb = topDb;
        this.frameLength = frameLength;
        this.hopLength = hopLength;
        this.padMode = Objects.requireNonNull(padMode, "padMode");
    }

    /**
     * Returns a trimmer with librosa 0.10's framing: frames of 2048 samples every 512, zero padding.
     *
     * @param topDb threshold below the loudest frame in dB, finite and &gt; 0 (librosa default 60)
     * @return a trimmer with frame 2048, hop 512 and zero padding (librosa 0.10)
     * @throws IllegalArgumentException if {@code topDb} is not finite and positive
     */
    public static Trim of(double topDb) {
        return new Trim(topDb, 2048, 512, PadMode.CONSTANT);
    }

    /**
     * Returns a trimmer with the given threshold, framing and frame padding.
     *
     * @param topDb threshold below the loudest frame in dB, finite and &gt; 0
     * @param frameLength frame length in samples, &gt;= 1 (librosa default 2048)
     * @param hopLength hop in samples, &gt;= 1 (librosa default 512)
     * @param padMode frame padding: {@link PadMode#CONSTANT} (librosa 0.10) or {@link PadMode#REFLECT} (librosa 0.6)
     * @return the trimmer
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public static Trim of(double topDb, int frameLength, int hopLength, PadMode padMode) {
        return new Trim(topDb, frameLength, hopLength, padMode);
    }

    /**
     * Returns the threshold below the loudest frame ({@code top_db}).
     *
     * @return the threshold in dB
     */
    public double topDb() {
        return topDb;
    }

    /**
     * Returns the frame length ({@code frame_length}).
     *
     * @return the length in samples
     */
    public int frameLength() {
        return frameLength;
    }

    /**
     * Returns the hop between frames ({@code hop_length}).
     *
     * @return the hop in samples
     */
    public int hopLength() {
        return hopLength;
    }

    /**
     * Returns how frames are padded at the signal's ends.
     *
     * @return the pad mode
     */
    public PadMode padMode() {
        return padMode;
    }

    /**
     * Returns the non-silent span, librosa's second return value {@code index}.
     *
     * @param y mono signal, at least one sample, all finite
     * @return {@code {start, end}} in samples (end exclusive); {@code {0, 0}} if all frames are silent
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public int[] span(float[] y) {
        Checks.finiteSignal(y, "y");
        int n = y.length;
        int pad = frameLength / 2;
        double[] prefix = new double[n + 2 * pad + 1];
        for (int i = 0; i < n + 2 * pad; i++) {
            long idx = (long) i - pad;
            double v;
            if (idx >= 0 && idx < n) {
                v = y[(int) idx];
            } else {
                v = padMode == PadMode.REFLECT ? y[Padding.reflect(idx, n)] : 0.0;
            }
            prefix[i + 1] = prefix[i] + v * v;
        }
        int paddedLen = n + 2 * pad;
        if (paddedLen < frameLength) {
            return new int[] {0, n};
        }
        int nFrames = 1 + (paddedLen - frameLength) / hopLength;
        double[] energy = new double[nFrames];
        double max = 0;
        for (int t = 0; t < nFrames; t++) {
            int s = t * hopLength;
            double e = Math.max(0.0, (prefix[s + frameLength] - prefix[s]) / frameLength);
            energy[t] = e;
            max = Math.max(max, e);
        }
        double refDb = 10.0 * Math.log10(Math.max(1e-10, max));
        int first = -1;
        int last = -1;
        for (int t = 0; t < nFrames; t++) {
            double db = 10.0 * Math.log10(Math.max(1e-10, energy[t])) - refDb;
            if (db > -topDb) {
                if (first < 0) {
                    first = t;
                }
                last = t;
            }
        }
        if (first < 0) {
            return new int[] {0, 0};
        }
        long start = (long) first * hopLength;
        long end = Math.min(n, (long) (last + 1) * hopLength);
        return new int[] {(int) Math.min(start, n), (int) end};
    }

    /**
     * Returns the trimmed signal, librosa's first return value.
     *
     * @param y mono signal, at least one sample, all finite
     * @return a copy of {@code y[start:end]}, empty if all frames are silent
     * @throws IllegalArgumentException if {@code y} is null, empty or not finite
     */
    public float[] apply(float[] y) {
        int[] s = span(y);
        return Arrays.copyOfRange(y, s[0], s[1]);
    }

    @Override
    public String toString() {
        return "Trim[top_db=" + topDb + ", frame_length=" + frameLength + ", hop_length=" + hopLength + ", pad_mode="
                + padMode.librosaName() + "]";
    }
}
