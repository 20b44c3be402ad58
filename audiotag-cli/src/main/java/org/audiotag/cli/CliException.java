package org.audiotag.cli;

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

    /** Returns the process exit code: 2 for bad arguments or unreadable input, 1 for a failed run. */
    public int exitCode() {
        return exitCode;
    }
}
