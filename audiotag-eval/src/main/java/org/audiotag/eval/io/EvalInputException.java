package org.audiotag.eval.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An evaluation input file that cannot be used: malformed CSV, wrong column count, a non-finite or non-numeric
 * score, a label outside the vocabulary, a duplicate file name, or a file name present in one file and missing in
 * the other. The message is {@code "<file>:<line>: <problem>"} ({@code "<file>: <problem>"} when no single line is
 * to blame), with 1-based physical line numbers.
 */
public final class EvalInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * Creates the exception with the message {@code "<file>:<line>: <problem>"} ({@code "<file>: <problem>"} when
     * line is 0).
     *
     * @param file the offending file
     * @param line the 1-based line, or 0 when the problem concerns the whole file
     * @param problem what is wrong, one sentence
     */
    public EvalInputException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the file the problem was found in.
     *
     * @return the offending file, as given to the reader
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the physical line the problem was found on.
     *
     * @return the 1-based line of the problem, 0 when it concerns the whole file
     */
    public long line() {
        return line;
    }
}
