package org.audiotag.features.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checked exception for audio that cannot be decoded: empty, truncated or corrupt files, unknown container formats
 * and unsupported codecs. The message always has the form {@code "<file>: <problem>"}, so it can be shown to a user
 * as is (the command line prints it after {@code "audiotag: "}).
 */
public class AudioFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /**
     * Creates the exception for a file and a one-line description of what is wrong with it.
     *
     * @param file the file that could not be decoded (its string form is used in the message)
     * @param problem what is wrong, e.g. {@code "WAV data chunk truncated: header says 88200 bytes, 1000 present"}
     */
    public AudioFormatException(Path file, String problem) {
        this(String.valueOf(file), problem, null);
    }

    /**
     * Creates the exception for a file, a description and the low-level cause (for example a decoder library's
     * exception).
     *
     * @param file the file that could not be decoded
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     */
    public AudioFormatException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    /**
     * Creates the exception for a named source that is not a file (for example a stream or a byte array).
     *
     * @param source name of the source, used in place of the file name
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     */
    public AudioFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.file = source;
        this.problem = problem;
    }

    /**
     * Returns the file (or source name) that could not be decoded.
     *
     * @return the file name as given to the constructor
     */
    public String file() {
        return file;
    }

    /**
     * Returns the description of the problem, without the file name.
     *
     * @return the problem text
     */
    public String problem() {
        return problem;
    }
}
