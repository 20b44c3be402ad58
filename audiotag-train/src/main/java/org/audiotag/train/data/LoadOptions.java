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

    /** Returns no fixed vocabulary, {@link RowPolicy#FAIL}, files checked for existence. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, RowPolicy.FAIL, true);
    }

    /**
     * @param v the vocabulary every label must belong to ({@code null}: derive it from the data)
     * @return a copy with this vocabulary
     */
    public LoadOptions withVocabulary(Vocabulary v) {
        return new LoadOptions(v, policy, checkFiles);
    }

    /**
     * @param p the policy for bad entries
     * @return a copy with this policy
     */
    public LoadOptions withPolicy(RowPolicy p) {
        return new LoadOptions(vocabulary, p, checkFiles);
    }

    /**
     * @param check whether a missing audio file is a bad entry at load time (default true)
     * @return a copy with this setting
     */
    public LoadOptions withCheckFiles(boolean check) {
        return new LoadOptions(vocabulary, policy, check);
    }

    /** Returns the fixed vocabulary, or {@code null} to derive one. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the policy for bad entries. */
    public RowPolicy policy() {
        return policy;
    }

    /** Returns whether missing audio files are detected at load time. */
    public boolean checkFiles() {
        return checkFiles;
    }
}
