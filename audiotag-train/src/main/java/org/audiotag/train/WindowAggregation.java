package org.audiotag.train;

/** How the scores of a clip's test-time windows become the clip's score (docs/ORIGINAL-PROJECT.md §10.4). */
public enum WindowAggregation {
    /** Mean of the per-window tag probabilities over sliding windows (the recommended fix). */
    MEAN,
    /** Maximum of the per-window tag probabilities over sliding windows. */
    MAX,
    /** Only the first window: the clip's first 2 s, left-padded if shorter (the original's behaviour). */
    FIRST
}
