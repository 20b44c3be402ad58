package org.audiotag.models;

/**
 * One tag and its probability, as {@link Tagger#tag(java.nio.file.Path, int)} lists them.
 *
 * @param tag the tag name
 * @param probability sigmoid output in (0, 1), aggregated over windows as the model's {@link TaggingConfig} says
 */
public record TagScore(String tag, float probability) {
}
