package org.audiotag.train;

/**
 * One tag and its probability.
 *
 * @param tag the tag name
 * @param probability sigmoid output in (0, 1), aggregated over windows as the model's configuration says
 * @deprecated moved to audiotag-models as {@link org.audiotag.models.TagScore} (a record cannot be aliased by a
 *     subtype); the deprecated {@link Tagger} still returns this type. Will be removed in the next release.
 */
@Deprecated(forRemoval = true)
public record TagScore(String tag, float probability) {

    /**
     * Converts a score of audiotag-models into this deprecated type.
     *
     * @param s a score of audiotag-models
     * @return the same tag and probability
     */
    public static TagScore of(org.audiotag.models.TagScore s) {
        return new TagScore(s.tag(), s.probability());
    }
}
