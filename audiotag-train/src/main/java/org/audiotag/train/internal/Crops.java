package org.audiotag.train.internal;

import java.util.SplittableRandom;
import org.audiotag.models.internal.Windows;

/**
 * Time crops of time-major feature matrices (frame t, bin b at {@code t * bins + b}): random crops for training,
 * sliding windows for testing (docs/ORIGINAL-PROJECT.md §10.4), the first window for the faithful variant (§1.3).
 * Crops and window starts are audiotag-models' {@link Windows}, so validation cuts exactly the windows the
 * {@code Tagger} scores.
 */
public final class Crops {

    /** Reads frames of one clip. */
    @FunctionalInterface
    public interface FrameReader {
        /**
         * Copies {@code count} frames starting at {@code from} into {@code dst} at {@code off}.
         *
         * @param from first frame
         * @param count frames
         * @param dst destination
         * @param off offset in dst
         */
        void copy(int from, int count, float[] dst, int off);
    }

    private Crops() {
    }

    /**
     * Writes a {@code window}-frame crop into {@code dst}. A clip of at least {@code window} frames is cropped at
     * {@code start} (clamped); a shorter clip is placed at {@code start} inside the window (negative start =
     * left padding) and the rest filled with {@code pad}.
     *
     * @param r reads the clip
     * @param frames clip frames
     * @param bins values per frame
     * @param window window frames
     * @param start first frame of the crop for long clips, or position of the clip in the window for short ones
     * @param pad fill value
     * @param dst destination
     * @param off offset
     */
    public static void crop(FrameReader r, int frames, int bins, int window, int start, float pad, float[] dst,
            int off) {
        Windows.crop(r::copy, frames, bins, window, start, pad, dst, off);
    }

    /**
     * Draws a uniformly random crop start (long clips) or placement (short clips).
     *
     * @param frames clip frames
     * @param window window frames
     * @param r generator
     * @return a uniformly random start: a crop start in [0, frames − window], or a placement in [0, window − frames]
     */
    public static int randomStart(int frames, int window, SplittableRandom r) {
        return r.nextInt(Math.abs(frames - window) + 1);
    }

    /**
     * Returns the window starts covering a clip: 0, hop, 2·hop, … and a last window aligned to the clip end when
     * the hops do not reach it. A clip shorter than the window gets one window with the clip left-padded
     * (start = window − frames, placement), as the original's left zero padding.
     *
     * @param frames clip frames
     * @param window window frames
     * @param hop hop frames ≥ 1
     * @return the starts (for short clips: one placement value)
     */
    public static int[] windowStarts(int frames, int window, int hop) {
        return Windows.slidingStarts(frames, window, hop);
    }
}
