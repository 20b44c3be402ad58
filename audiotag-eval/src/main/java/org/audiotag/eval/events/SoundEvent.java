package org.audiotag.eval.events;

import java.util.Objects;

/**
 * One sound event: a labelled time interval of an audio file, as a row of the DCASE event-list layout
 * ({@code filename\tonset\toffset\tevent_label}).
 *
 * <p>Times are in seconds from the start of the file. The interval is {@code [onset, offset]}; an event with
 * {@code onset == offset} is allowed (sed_eval accepts it: it marks the segment it falls into, unless it lies exactly
 * on a segment boundary).
 *
 * @param filename the audio file's name, as written in the event list (non-blank, no tab or line break)
 * @param onset start in seconds, finite, {@code >= 0}
 * @param offset end in seconds, finite, {@code >= onset}
 * @param label the event class (non-blank, no tab or line break)
 */
public record SoundEvent(String filename, double onset, double offset, String label) {

    /**
     * Validates the event.
     *
     * @throws IllegalArgumentException if a time is not finite, {@code onset < 0}, {@code offset < onset}, or the
     *     filename or label is blank or holds a tab or line break (the message names the field)
     * @throws NullPointerException if the filename or label is null
     */
    public SoundEvent {
        checkText(filename, "filename");
        checkText(label, "label");
        if (!Double.isFinite(onset) || onset < 0) {
            throw new IllegalArgumentException("onset must be a finite number of seconds >= 0, got " + onset
                    + " (" + filename + ", " + label + ")");
        }
        if (!Double.isFinite(offset) || offset < onset) {
            throw new IllegalArgumentException("offset must be a finite number of seconds >= onset " + onset
                    + ", got " + offset + " (" + filename + ", " + label + ")");
        }
    }

    /**
     * Returns the duration.
     *
     * @return {@code offset - onset}, in seconds
     */
    public double duration() {
        return offset - onset;
    }

    private static void checkText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a tab or line break, got '"
                    + value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "'");
        }
    }
}
