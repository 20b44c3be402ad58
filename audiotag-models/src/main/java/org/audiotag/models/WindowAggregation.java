package org.audiotag.models;

/**
 * Names how the scores of a clip's test-time windows become the clip's score (docs/ORIGINAL-PROJECT.md §10.4): the
 * clip's whole-clip features are cut into windows of the model's input length, every window is scored, and the window
 * probabilities are combined per tag.
 */
public enum WindowAggregation {
    /** Mean of the per-window tag probabilities over sliding windows (the recommended fix). */
    MEAN,
    /** Maximum of the per-window tag probabilities over sliding windows. */
    MAX,
    /** Only the first window: the clip's first window length, left-padded if shorter (the original's behaviour). */
    FIRST
}
