package org.audiotag.train.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.audiotag.toolkit.AtomicFiles;

/**
 * An ordered, immutable list of tag names: tag {@code i} is output {@code i} of a model and column {@code i} of a
 * target matrix or a Kaggle submission. Names are non-blank, unique and contain no line break.
 *
 * <p>{@link #fsdKaggle2019()} is the 80-tag FSDKaggle2019 vocabulary in the alphabetical order of the competition's
 * {@code sample_submission.csv} (docs/ORIGINAL-PROJECT.md §1.7, which fixes the original's non-deterministic
 * {@code set} order).
 */
public final class Vocabulary {

    private static final String FSD_RESOURCE = "fsdkaggle2019-labels.txt";

    private final List<String> labels;
    private final Map<String, Integer> index;

    private Vocabulary(List<String> labels) {
        this.labels = List.copyOf(labels);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.labels.size(); i++) {
            String l = this.labels.get(i);
            if (l == null || l.isBlank()) {
                throw new IllegalArgumentException("labels: tag " + i + " is blank; tags must be non-blank");
            }
            if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("labels: tag " + i + " contains a line break");
            }
            if (!l.equals(l.strip())) {
                throw new IllegalArgumentException("labels: tag '" + l + "' has leading or trailing white space");
            }
            if (m.put(l, i) != null) {
                throw new IllegalArgumentException("labels: tag '" + l + "' appears twice; tags must be unique");
            }
        }
        if (this.labels.isEmpty()) {
            throw new IllegalArgumentException("labels: a vocabulary needs at least 1 tag");
        }
        this.index = Map.copyOf(m);
    }

    /**
     * Returns a vocabulary in the given order.
     *
     * @param labels tag names, non-blank and unique
     * @return the vocabulary
     * @throws IllegalArgumentException if a tag is blank, duplicated or the list is empty
     */
    public static Vocabulary of(List<String> labels) {
        Objects.requireNonNull(labels, "labels");
        return new Vocabulary(labels);
    }

    /**
     * Returns a vocabulary of the distinct given tags in alphabetical ({@link String#compareTo}) order, the order
     * docs/ORIGINAL-PROJECT.md §1.7 recommends.
     *
     * @param labels tag names, duplicates allowed
     * @return the sorted vocabulary
     */
    public static Vocabulary sorted(Collection<String> labels) {
        return new Vocabulary(new ArrayList<>(new TreeSet<>(labels)));
    }

    /**
     * Returns the 80 FSDKaggle2019 tags in alphabetical order ({@code Accelerating_and_revving_and_vroom} = 0 …
     * {@code Zipper_(clothing)} = 79), the column order of the competition's submission file.
     *
     * @return the built-in vocabulary
     */
    public static Vocabulary fsdKaggle2019() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(FSD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + FSD_RESOURCE + " missing from audiotag-train");
            }
            return new Vocabulary(readLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a vocabulary written by {@link #write(Path)}: one tag per line, blank lines ignored.
     *
     * @param file the file
     * @return the vocabulary
     * @throws IOException if the file cannot be read or holds a duplicate tag (message names file and line)
     */
    public static Vocabulary read(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = readLines(r);
        }
        try {
            return new Vocabulary(lines);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(BufferedReader r) throws IOException {
        List<String> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            String s = line.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Writes one tag per line (UTF-8), atomically (missing parent folders are created).
     *
     * @param file destination
     * @throws IOException on write failure
     */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeLines(file, labels);
    }

    /** Returns the number of tags. */
    public int size() {
        return labels.size();
    }

    /**
     * Returns the name of tag {@code i}, the tag of model output {@code i}.
     *
     * @param i tag index, 0 ≤ i &lt; {@link #size()}
     * @return the name
     */
    public String label(int i) {
        return labels.get(i);
    }

    /** Returns the tags in index order (unmodifiable). */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns whether the vocabulary contains a tag (exact, case-sensitive match).
     *
     * @param label a tag name
     * @return whether it is one of {@link #labels()}
     */
    public boolean contains(String label) {
        return index.containsKey(label);
    }

    /**
     * Returns the index of a tag: its model output and target column.
     *
     * @param label a tag name
     * @return its index, in {@code [0, size())}
     * @throws IllegalArgumentException if the tag is not in the vocabulary
     */
    public int indexOf(String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("label '" + label + "' is not in the vocabulary of " + size()
                    + " tags");
        }
        return i;
    }

    /**
     * Encodes tags as a multi-hot vector: 1 at the index of every given tag, 0 elsewhere.
     *
     * @param tags tag names, each in the vocabulary
     * @return a new array of length {@link #size()}
     * @throws IllegalArgumentException if a tag is not in the vocabulary
     */
    public float[] encode(Collection<String> tags) {
        float[] y = new float[size()];
        for (String t : tags) {
            y[indexOf(t)] = 1f;
        }
        return y;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary" + labels;
    }
}
