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
     * @param index index of the failed example
     * @param source the example's source name (or a description if unknown)
     * @param cause the failure
     */
    public AugmentException(long index, String source, Throwable cause) {
        super("example " + index + " (" + source + "): " + cause, cause);
        this.index = index;
        this.source = source;
    }

    /** @return the source name of the failed example (or a description if unknown) */
    public String source() {
        return source;
    }

    /** @return the index of the failed example */
    public long index() {
        return index;
    }
}
