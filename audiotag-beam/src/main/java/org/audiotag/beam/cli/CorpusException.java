package org.audiotag.beam.cli;

/**
 * A failure {@code audiotag corpus} reports as one line, with the exit code to end with (2 for bad arguments or
 * unreadable input, 1 for a run that failed after starting).
 */
final class CorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CorpusException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
