package org.audiotag.train.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One audio file of a dataset with its tags.
 *
 * @param file the audio file (absolute or relative to the working directory)
 * @param labels its tags, in the order the source listed them, without duplicates
 * @param fold the fold the source assigned ({@link #NO_FOLD} when it assigned none)
 * @param origin where the entry came from, {@code "<file>:<line>"} or the folder path, used in error messages
 */
public record LabeledClip(Path file, List<String> labels, int fold, String origin) {

    /** The {@link #fold()} of a clip whose source assigns no fold. */
    public static final int NO_FOLD = -1;

    /**
     * Creates a clip, validating and copying the fields.
     *
     * @throws IllegalArgumentException if a label is blank or repeated, or the fold is below {@link #NO_FOLD}
     */
    public LabeledClip {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(origin, "origin");
        labels = List.copyOf(labels);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException(origin + ": labels " + labels + " repeat a tag");
        }
        if (fold < NO_FOLD) {
            throw new IllegalArgumentException(origin + ": fold " + fold + " must be ≥ 0 (or NO_FOLD)");
        }
    }

    /** Returns the file name without folders, the name a Kaggle submission uses. */
    public String name() {
        return file.getFileName().toString();
    }
}
