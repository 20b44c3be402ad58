package org.audiotag.train;

/**
 * How the scores of a clip's test-time windows become the clip's score (docs/ORIGINAL-PROJECT.md §10.4).
 *
 * @deprecated moved to audiotag-models as {@link org.audiotag.models.WindowAggregation}, which {@link
 *     TrainingConfig#aggregation()} now returns (an enum cannot be aliased); {@link
 *     TrainingConfig.Builder#aggregation(WindowAggregation)} still accepts this type. Will be removed in the next
 *     release.
 */
@Deprecated(forRemoval = true)
public enum WindowAggregation {
    /** Mean of the per-window tag probabilities over sliding windows. */
    MEAN,
    /** Maximum of the per-window tag probabilities over sliding windows. */
    MAX,
    /** Only the first window: the clip's first 2 s, left-padded if shorter (the original's behaviour). */
    FIRST;

    /** Returns the aggregation of the same name in audiotag-models. */
    public org.audiotag.models.WindowAggregation toModels() {
        return org.audiotag.models.WindowAggregation.valueOf(name());
    }
}
