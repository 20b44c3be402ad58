package org.audiotag.augment;

/**
 * Thrown by {@link ParallelAugmentLoader} when producing an example failed; the message names the example index
 * and its source, the cause is the original failure.
 */
public final class AugmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Index of the failed example in the epoch. */
    private final long index;

    /** Source name of the failed example. */
    private final String source;

    /**
     * Creates the exception with the message {@code "example <index> (<source>): <cause>"}.
     *
     * @param index index of the failed example within the epoch (0-based)
     * @param source the example's source name (or a description if unknown)
     * @param cause the failure
     */
    public AugmentException(long index, String source, Throwable cause) {
        super("example " + index + " (" + source + "): " + cause, cause);
        this.index = index;
        this.source = source;
    }

    /**
     * Returns the source name of the failed example (its {@link LabeledAudio#source()}).
     *
     * @return the source name, or a description such as {@code "source index 12"} if the source clip itself
     *     could not be obtained
     */
    public String source() {
        return source;
    }

    /**
     * Returns the index of the failed example within the epoch.
     *
     * @return the 0-based example index (the position in the loader's output order)
     */
    public long index() {
        return index;
    }
}
