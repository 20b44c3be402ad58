package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.toolkit.InputFiles;

/**
 * A failure a command reports to the user as one line, with the exit code to end with (2 for bad arguments or
 * unreadable input, 1 for a run that failed after starting).
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The process exit code. */
    private final int exitCode;

    /**
     * Creates the failure with the exit code the command line ends with.
     *
     * @param exitCode process exit code
     * @param message one-line message naming the problem and the file
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * Creates the failure with the exit code and the underlying exception (shown with {@code -Daudiotag.debug=true}).
     *
     * @param exitCode process exit code
     * @param message one-line message naming the problem and the file
     * @param cause underlying failure
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * An input that cannot be read or used (exit code 2): {@code FILE: problem}, the file named once (the
     * exception's own message is kept when it names the file already, as audiotag's readers and decoders do).
     *
     * @param file the input
     * @param e the failure
     * @return the exception to throw
     */
    static CliException cannotRead(Path file, IOException e) {
        String d = InputFiles.describe(e);
        return new CliException(Main.EXIT_USAGE, names(d, file) ? d : InputFiles.shown(file) + ": " + d, e);
    }

    /**
     * An input whose content a library rejected with an {@link IllegalArgumentException} that cannot name the file
     * (e.g. {@code samples: empty} for a file that decodes to no samples): {@code FILE: problem}, exit code 2.
     *
     * @param file the input
     * @param e the rejection
     * @return the exception to throw
     */
    static CliException badInput(Path file, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliException(Main.EXIT_USAGE, InputFiles.shown(file) + ": " + m, e);
    }

    /**
     * An output that cannot be written (exit code 1, the run itself had started): {@code FILE: cannot write: reason}
     * (the toolkit's atomic writes already word it so; other failures get the prefix).
     *
     * @param file the output
     * @param e the failure
     * @return the exception to throw
     */
    static CliException cannotWrite(Path file, IOException e) {
        String d = InputFiles.describe(e);
        return new CliException(1, names(d, file) ? d : InputFiles.shown(file) + ": cannot write: " + d, e);
    }

    /** Whether a message already names the file (by its name), so that it is not named twice. */
    private static boolean names(String message, Path file) {
        Path name = file.getFileName();
        return name != null && message.contains(name.toString());
    }

    /** Returns the process exit code: 2 for bad arguments or unreadable input, 1 for a failed run. */
    public int exitCode() {
        return exitCode;
    }
}
