package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Signals that a saved model, an exported model directory or a checkpoint could not be read; the message is
 * {@code "<path>: <problem>"}.
 */
public final class ModelLoadException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param path    the directory or checkpoint prefix
     * @param problem what is wrong with it
     * @param cause   the underlying error, or null
     */
    public ModelLoadException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
    }
}
