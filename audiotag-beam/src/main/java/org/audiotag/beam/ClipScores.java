package org.audiotag.beam;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The tag probabilities of one corpus file: one row of the Kaggle-layout scores CSV.
 *
 * @param fname the file's path relative to the corpus root (the CSV's {@code fname} column)
 * @param scores one probability in (0, 1) per tag of the model, in the model's tag order (not copied)
 */
public record ClipScores(String fname, float[] scores) implements Serializable, Comparable<ClipScores> {
    private static final long serialVersionUID = 1L;

    /** Checks that both parts are present. */
    public ClipScores {
        Objects.requireNonNull(fname, "fname");
        Objects.requireNonNull(scores, "scores");
    }

    /** Orders rows by {@code fname}. */
    @Override
    public int compareTo(ClipScores o) {
        return fname.compareTo(o.fname);
    }

    /** Equal when the names and every score are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClipScores c && fname.equals(c.fname) && Arrays.equals(scores, c.scores);
    }

    /** Hash of the name and the scores. */
    @Override
    public int hashCode() {
        return 31 * fname.hashCode() + Arrays.hashCode(scores);
    }

    /** The name and the scores, for messages. */
    @Override
    public String toString() {
        return fname + " " + Arrays.toString(scores);
    }
}
