package org.audiotag.train.data;

/** What a dataset reader does with a bad entry: a malformed row, an unknown label or a missing/unreadable file. */
public enum RowPolicy {
    /** Throw a {@link DatasetFormatException} naming the file and line at the first bad entry (the default). */
    FAIL,
    /** Log the problem (SLF4J, WARN), record it in {@link Dataset#problems()} and leave the entry out. */
    SKIP
}
