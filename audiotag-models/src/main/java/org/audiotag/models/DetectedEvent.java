package org.audiotag.models;

import java.util.Objects;

/**
 * One sound event found by {@link EventDetector} or {@link StreamingTagger}: a tag active from {@code onset} to
 * {@code offset}, in seconds from the start of the recording or stream, the layout of a DCASE event list row
 * ({@code onset offset event_label}).
 *
 * @param onset start in seconds, ≥ 0
 * @param offset end in seconds, &gt; onset
 * @param label the tag, one of the model's {@link Tagger#tags()}
 * @param confidence the largest median-filtered window probability inside the event, in [0, 1]
 */
public record DetectedEvent(double onset, double offset, String label, double confidence) {

    /**
     * Checks the event.
     *
     * @throws IllegalArgumentException if the times are not finite, {@code onset < 0}, {@code offset <= onset} or the
     *     confidence is outside [0, 1]
     */
    public DetectedEvent {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(onset) || !Double.isFinite(offset) || onset < 0 || offset <= onset) {
            throw new IllegalArgumentException("event " + label + ": onset " + onset + " s and offset " + offset
                    + " s must be finite with 0 <= onset < offset");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("event " + label + ": confidence " + confidence
                    + " must be in [0, 1]");
        }
    }

    /**
     * Returns the event's length.
     *
     * @return {@code offset - onset}, in seconds
     */
    public double duration() {
        return offset - onset;
    }
}
