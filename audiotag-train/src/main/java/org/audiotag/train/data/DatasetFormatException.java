package org.audiotag.train.data;

import java.io.IOException;

/**
 * A dataset description that cannot be used: a malformed CSV row, a label not in the vocabulary, a missing audio
 * file, an empty dataset. The message has the form {@code "<file>:<line>: <problem>"} (or {@code "<file>: ..."}).
 */
public class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that names the file, the line and the problem.
     *
     * @param message {@code "<file>:<line>: <problem>"}
     */
    public DatasetFormatException(String message) {
        super(message);
    }
}
