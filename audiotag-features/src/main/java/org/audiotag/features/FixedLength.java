package org.audiotag.features;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Brings signals to a fixed length in samples as the original project did (docs/ORIGINAL-PROJECT.md §1.3-1.5): left
 * zero-padding or first-N cropping (pipelines A and B), centre padding and random crops (pipeline C), and looping;
 * plus the sliding test-time windows that replace the original's first-2-s scoring. All methods return new arrays
 * and never modify their input; randomness is always passed in.
 *
 * <p>Given mono samples {@code float[] y} at 44.1 kHz:
 * {@snippet :
 * float[] a = FixedLength.leftPadOrCropFirst(y, 88200);       // pipelines A and B: exactly 2 s
 * float[] c = FixedLength.randomCrop(FixedLength.centrePad(y, 88200), 88200, new SplittableRandom(42));  // C, training
 * float[] v = FixedLength.apply(y, 88200, FixedLength.Policy.CENTRE_PAD_CROP_FIRST, null);   // C, validation
 * float[] looped = FixedLength.loop(y, 3 * 88200);            // repeated until 6 s
 * List<float[]> windows = FixedLength.slidingWindows(y, 88200, 44100);   // 2-s windows every second
 * }
 */
public final class FixedLength {
    private FixedLength() {
    }

    /** How a clip is brought to the target length. */
    public enum Policy {
        /** Pipeline A/B: prepend zeros to shorter clips, keep the first N samples of longer ones. */
        LEFT_PAD_CROP_FIRST,
        /** Pipeline C at validation: centre-pad shorter clips, keep the first N samples of longer ones. */
        CENTRE_PAD_CROP_FIRST,
        /**
         * Pipeline C at training: centre-pad shorter clips, take a random N-sample crop of longer ones (the first N
         * when no random source is given).
         */
        CENTRE_PAD_RANDOM_CROP,
        /** Repeat the clip until it reaches N samples, keep the first N (longer clips: first N). */
        LOOP_CROP_FIRST,
        /** Pipeline C loading ({@code trim_long_data = False}): centre-pad shorter clips, keep longer ones whole. */
        CENTRE_PAD_KEEP_LONG,
        /** No length change. */
        NONE
    }

    /**
     * Brings a signal to {@code n} samples with the given policy.
     *
     * @param y signal
     * @param n target length in samples, &gt;= 1
     * @param policy the policy
     * @param rng random source for {@link Policy#CENTRE_PAD_RANDOM_CROP}, may be null (then the first N are kept)
     * @return the prepared signal, a new array: {@code n} samples, or longer for {@link Policy#CENTRE_PAD_KEEP_LONG},
     *     any length for {@link Policy#NONE}
     * @throws IllegalArgumentException if {@code n < 1} (except with {@link Policy#NONE}, which ignores {@code n}), or
     *     {@link Policy#LOOP_CROP_FIRST} is given an empty signal
     */
    public static float[] apply(float[] y, int n, Policy policy, SplittableRandom rng) {
        Objects.requireNonNull(policy, "policy");
        switch (policy) {
            case LEFT_PAD_CROP_FIRST: return leftPadOrCropFirst(y, n);
            case CENTRE_PAD_CROP_FIRST: return cropFirst(centrePad(y, n), n);
            case CENTRE_PAD_RANDOM_CROP:
                return rng == null ? cropFirst(centrePad(y, n), n) : randomCrop(centrePad(y, n), n, rng);
            case LOOP_CROP_FIRST: return loop(y, n);
            case CENTRE_PAD_KEEP_LONG: return centrePad(y, n);
            default: return y.clone();
        }
    }

    /**
     * Pads or crops to exactly {@code n} samples as pipelines A and B: if {@code y.length < n}, prepends
     * {@code n - y.length} zeros; otherwise keeps the first {@code n}.
     *
     * @param y signal
     * @param n target length, &gt;= 1
     * @return signal of exactly {@code n} samples
     */
    public static float[] leftPadOrCropFirst(float[] y, int n) {
        check(y, n);
        if (y.length >= n) {
            return Arrays.copyOf(y, n);
        }
        float[] out = new float[n];
        System.arraycopy(y, 0, out, n - y.length, y.length);
        return out;
    }

    /**
     * Crops to the first {@code n} samples of a longer signal; shorter signals are returned unchanged (copied).
     *
     * @param y signal
     * @param n maximum length, &gt;= 1
     * @return the cropped signal
     */
    public static float[] cropFirst(float[] y, int n) {
        check(y, n);
        return Arrays.copyOf(y, Math.min(n, y.length));
    }

    /**
     * Centre-pads to {@code n} samples as pipeline C: if {@code y.length <= n}, {@code (n - len) / 2} zeros on the
     * left (floor) and the rest on the right; longer signals are returned unchanged (copied).
     *
     * @param y signal
     * @param n target length, &gt;= 1
     * @return the padded signal
     */
    public static float[] centrePad(float[] y, int n) {
        check(y, n);
        if (y.length >= n) {
            return y.clone();
        }
        float[] out = new float[n];
        System.arraycopy(y, 0, out, (n - y.length) / 2, y.length);
        return out;
    }

    /**
     * Takes a random crop of {@code n} samples with start uniform in {@code [0, len - n]} (every offset possible);
     * signals of at most {@code n} samples are centre-padded instead.
     *
     * @param y signal
     * @param n crop length, &gt;= 1
     * @param rng random source
     * @return the crop
     */
    public static float[] randomCrop(float[] y, int n, SplittableRandom rng) {
        return randomCrop(y, n, rng, false);
    }

    /**
     * Takes a random crop of {@code n} samples; {@code faithful = true} reproduces the original augmenter's
     * {@code randint(0, len - n)} whose exclusive upper bound never picks the last offset (docs/ORIGINAL-PROJECT.md
     * §6 and §10.7; fixed by default). Signals of at most {@code n} samples are centre-padded instead.
     *
     * @param y signal
     * @param n crop length, &gt;= 1
     * @param rng random source
     * @param faithful use the original exclusive upper bound
     * @return the crop
     */
    public static float[] randomCrop(float[] y, int n, SplittableRandom rng, boolean faithful) {
        check(y, n);
        Objects.requireNonNull(rng, "rng");
        if (y.length <= n) {
            return centrePad(y, n);
        }
        int range = y.length - n;
        int start = faithful ? rng.nextInt(range) : rng.nextInt(range + 1);
        return Arrays.copyOfRange(y, start, start + n);
    }

    /**
     * Repeats the signal until it has {@code n} samples and keeps the first {@code n}.
     *
     * @param y signal, at least one sample
     * @param n target length, &gt;= 1
     * @return signal of exactly {@code n} samples
     * @throws IllegalArgumentException if {@code y} is empty or {@code n < 1}
     */
    public static float[] loop(float[] y, int n) {
        check(y, n);
        if (y.length == 0) {
            throw new IllegalArgumentException("y is empty: cannot loop an empty signal");
        }
        float[] out = new float[n];
        for (int pos = 0; pos < n; pos += y.length) {
            System.arraycopy(y, 0, out, pos, Math.min(y.length, n - pos));
        }
        return out;
    }

    /**
     * Cuts sliding windows for test-time evaluation of long clips (the fix of docs/ORIGINAL-PROJECT.md §10.4: average
     * or max the outputs over windows instead of scoring only the first 2 s). Clips of at most {@code n} samples give
     * one centre-padded window; longer clips give windows starting at {@code 0, hop, 2 hop, ...} plus, if the last of
     * those does not reach the end, one window ending exactly at the end.
     *
     * @param y signal, at least one sample
     * @param n window length, &gt;= 1
     * @param hop step between window starts, &gt;= 1
     * @return the windows, each of exactly {@code n} samples, in time order
     * @throws IllegalArgumentException if {@code y} is empty, {@code n < 1} or {@code hop < 1}
     */
    public static java.util.List<float[]> slidingWindows(float[] y, int n, int hop) {
        check(y, n);
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be >= 1, got " + hop);
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("y is empty: no windows");
        }
        java.util.List<float[]> out = new java.util.ArrayList<>();
        if (y.length <= n) {
            out.add(centrePad(y, n));
            return out;
        }
        int start = 0;
        for (; start + n <= y.length; start += hop) {
            out.add(Arrays.copyOfRange(y, start, start + n));
        }
        if (start - hop + n < y.length) {
            out.add(Arrays.copyOfRange(y, y.length - n, y.length));
        }
        return out;
    }

    private static void check(float[] y, int n) {
        Objects.requireNonNull(y, "y");
        if (n < 1) {
            throw new IllegalArgumentException("n_samples must be >= 1, got " + n);
        }
    }
}
