package org.audiotag.models.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.audiotag.models.WindowAggregation;

/**
 * Windows of time-major feature matrices (frame t, bin b at {@code t * bins + b}): the sliding test-time windows
 * (docs/ORIGINAL-PROJECT.md §10.4) and the first window of the original (§1.3), as the {@code Tagger} and the training
 * loop's validation pass both cut them. Not part of the API.
 */
public final class Windows {

    /** Reads frames of one clip. */
    @FunctionalInterface
    public interface FrameReader {
        /**
         * Copies {@code count} frames starting at frame {@code from} to {@code dst[off...]}.
         *
         * @param from first frame
         * @param count frames
         * @param dst destination
         * @param off offset in dst
         */
        void copy(int from, int count, float[] dst, int off);
    }

    private Windows() {
    }

    /**
     * Writes a {@code window}-frame crop into {@code dst}. A clip of at least {@code window} frames is cropped at
     * {@code start} (clamped); a shorter clip is placed at {@code start} inside the window (the placement) and the
     * rest filled with {@code pad}.
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
        if (frames >= window) {
            int s = Math.max(0, Math.min(start, frames - window));
            r.copy(s, window, dst, off);
            return;
        }
        int pos = Math.max(0, Math.min(start, window - frames));
        Arrays.fill(dst, off, off + window * bins, pad);
        if (frames > 0) {
            r.copy(0, frames, dst, off + pos * bins);
        }
    }

    /**
     * Window starts covering a clip: 0, hop, 2·hop, … and a last window aligned to the clip end when the hops do
     * not reach it. A clip shorter than the window gets one window with the clip left-padded (start = window −
     * frames, a placement), as the original's left zero padding.
     *
     * @param frames clip frames
     * @param window window frames
     * @param hop hop frames ≥ 1
     * @return the starts (for short clips: one placement value)
     */
    public static int[] slidingStarts(int frames, int window, int hop) {
        if (frames <= window) {
            return new int[] {window - frames};
        }
        List<Integer> s = new ArrayList<>();
        int t = 0;
        for (; t + window <= frames; t += hop) {
            s.add(t);
        }
        if (s.get(s.size() - 1) + window < frames) {
            s.add(frames - window);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The windows an aggregation scores: the first window only for {@link WindowAggregation#FIRST} (a long clip's
     * first {@code window} frames, a short clip left-padded), {@link #slidingStarts} otherwise.
     *
     * @param aggregation the aggregation
     * @param frames clip frames
     * @param window window frames
     * @param hop hop frames ≥ 1
     * @return the starts, as {@link #crop} takes them
     */
    public static int[] starts(WindowAggregation aggregation, int frames, int window, int hop) {
        return aggregation == WindowAggregation.FIRST
                ? new int[] {frames >= window ? 0 : window - frames}
                : slidingStarts(frames, window, hop);
    }
}
