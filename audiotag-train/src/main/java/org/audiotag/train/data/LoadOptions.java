package org.audiotag.train.data;

import java.util.Objects;

/**
 * How {@link Datasets} reads a dataset: the vocabulary to encode against (or none, to take the sorted set of tags
 * found) and the {@link RowPolicy} for bad entries. Immutable; start from {@link #defaults()}.
 */
public final class LoadOptions {

    private final Vocabulary vocabulary;
    private final RowPolicy policy;
    private final boolean checkFiles;

    private LoadOptions(Vocabulary vocabulary, RowPolicy policy, boolean checkFiles) {
        this.vocabulary = vocabulary;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.checkFiles = checkFiles;
    }

    /**
     * Returns the default options: no fixed vocabulary (each reader derives or picks one), {@link RowPolicy#FAIL},
     * audio files checked for existence at load time.
     */
    public static LoadOptions defaults() {
        return new LoadOptions(null, RowPolicy.FAIL, true);
    }

    /**
     * Returns a copy that encodes labels against {@code v}; a label outside it is a bad entry.
     *
     * @param v the vocabulary every label must belong to ({@code null}: derive it from the data)
     * @return a copy with this vocabulary
     */
    public LoadOptions withVocabulary(Vocabulary v) {
        return new LoadOptions(v, policy, checkFiles);
    }

    /**
     * Returns a copy with another policy for bad entries (malformed rows, unknown labels, missing files).
     *
     * @param p the policy
     * @return a copy with this policy
     */
    public LoadOptions withPolicy(RowPolicy p) {
        return new LoadOptions(vocabulary, p, checkFiles);
    }

    /**
     * Returns a copy that does or does not check at load time that each audio file exists.
     *
     * @param check whether a missing audio file is a bad entry at load time (default true)
     * @return a copy with this setting
     */
    public LoadOptions withCheckFiles(boolean check) {
        return new LoadOptions(vocabulary, policy, check);
    }

    /** Returns the fixed vocabulary, or {@code null} when the reader derives one. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns what a reader does with a bad entry: fail, or skip it and record the problem. */
    public RowPolicy policy() {
        return policy;
    }

    /** Returns whether missing audio files are detected at load time. */
    public boolean checkFiles() {
        return checkFiles;
    }
}
