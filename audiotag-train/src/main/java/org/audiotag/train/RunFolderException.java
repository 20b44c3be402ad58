package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder that cannot be used as a {@link RunFolder}: it holds something audiotag did not write, or the run of a
 * different configuration. The message is one line naming the folder and, where there is one, the offending entry;
 * nothing in the folder has been changed when it is thrown.
 */
public final class RunFolderException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The run folder (as given, not resolved). */
    private final transient Path folder;
    /** The offending entry relative to the folder with {@code /} separators, or {@code null}. */
    private final String entry;

    /**
     * Creates the exception for a folder and the entry that makes it unusable.
     *
     * @param folder the run folder
     * @param entry the offending entry relative to {@code folder} ({@code /}-separated), or {@code null}
     * @param message one line naming the folder, the entry and what to do
     */
    public RunFolderException(Path folder, String entry, String message) {
        super(message);
        this.folder = folder;
        this.entry = entry;
    }

    /** Returns the run folder, as it was given (not resolved). */
    public Path folder() {
        return folder;
    }

    /**
     * Returns the first entry that is not part of an audiotag run, relative to the folder with {@code /} separators;
     * {@code null} if the problem is not an entry (e.g. the run of a different configuration).
     */
    public String entry() {
        return entry;
    }
}
