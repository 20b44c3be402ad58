package org.audiotag.toolkit;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks that an input file or folder can be read, and words file-system failures the way audiotag reports them:
 * {@code FILE: no such file}, {@code FILE: is a directory}, {@code FILE: permission denied}. The JDK's own
 * exceptions say less: {@link AccessDeniedException#getMessage()} is the bare path, and {@link Files#isRegularFile}
 * answers false alike for a missing file, a folder and a path under an unreadable folder.
 *
 * <p>The exceptions thrown are the JDK's types ({@link NoSuchFileException}, {@link AccessDeniedException},
 * {@link FileSystemException}) with {@link FileSystemException#getFile()} the path as
 * given (cut by {@link #shown(Path)}) and {@link FileSystemException#getReason()} the words above, so their message is
 * {@code "FILE: reason"} and callers that catch {@link NoSuchFileException} keep working.
 */
public final class InputFiles {

    /** Longest path, in characters, that {@link #shown(Path)} shows whole. */
    public static final int MESSAGE_PATH_LIMIT = 160;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file this process may read (symbolic links followed).
     *
     * @param file the file
     * @throws NoSuchFileException {@code FILE: no such file} (also when a folder on the way is missing)
     * @throws FileSystemException {@code FILE: is a directory}, or {@code FILE: is not a regular file} (a device or
     *     a pipe)
     * @throws AccessDeniedException {@code FILE: permission denied} (the file, or a folder on the way, may not be
     *     read)
     */
    public static void requireReadableFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isRegularFile(file)) {
            if (!Files.isReadable(file)) {
                throw new AccessDeniedException(shown(file), null, "permission denied");
            }
            return;
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(shown(file), null, "is a directory");
        }
        if (Files.exists(file)) {
            throw new FileSystemException(shown(file), null, "is not a regular file");
        }
        throw missing(file, "no such file");
    }

    /**
     * Checks that {@code dir} is a folder this process may list (symbolic links followed).
     *
     * @param dir the folder
     * @throws NoSuchFileException {@code DIR: no such folder}
     * @throws FileSystemException {@code DIR: is not a folder}
     * @throws AccessDeniedException {@code DIR: permission denied}
     */
    public static void requireReadableFolder(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (Files.isDirectory(dir)) {
            if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                throw new AccessDeniedException(shown(dir), null, "permission denied");
            }
            return;
        }
        if (Files.exists(dir)) {
            throw new FileSystemException(shown(dir), null, "is not a folder");
        }
        throw missing(dir, "no such folder");
    }

    /**
     * A missing path, or one under a folder that may not be searched: {@code Files.exists} is false for both, so the
     * nearest existing ancestor tells them apart.
     */
    private static IOException missing(Path p, String what) {
        Path abs = p.toAbsolutePath();
        for (Path a = abs.getParent(); a != null; a = a.getParent()) {
            if (Files.isDirectory(a)) {
                if (!Files.isExecutable(a)) {
                    return new AccessDeniedException(shown(p), null, "permission denied");
                }
                break;
            }
        }
        return new NoSuchFileException(shown(p), null, what);
    }

    /**
     * The reason of a file-system failure in audiotag's words, without the path: {@code permission denied},
     * {@code no such file or folder} (or the reason given by this class), {@code is a directory},
     * {@code not a folder}, {@code already exists}, else the operating system's reason (e.g.
     * {@code No space left on device}) or the message.
     *
     * @param e the failure
     * @return the reason, never null
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse && !(e instanceof AccessDeniedException) && fse.getReason() != null) {
            String r = fse.getReason();
            // EISDIR as the JDK reports it ("Is a directory"); the reasons this class gives are kept as they are
            return r.equalsIgnoreCase("is a directory") ? "is a directory" : r;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        return AtomicFiles.reason(e);
    }

    /**
     * One line describing a failure for a user: a JDK file-system exception as {@code FILE: reason} (its own
     * {@link FileSystemException#getMessage()} is the bare path for {@link AccessDeniedException}), any other
     * exception as its message (or class name), line breaks replaced by spaces.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(IOException e) {
        String s;
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            s = shown(fse.getFile()) + (fse.getOtherFile() != null ? " -> " + shown(fse.getOtherFile()) : "") + ": "
                    + reason(e);
        } else {
            s = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /**
     * A path for a message: as given, or, when longer than {@value #MESSAGE_PATH_LIMIT} characters (e.g. a whole
     * CSV file read as one path field), its first 60 and last 20 characters around "…".
     *
     * @param p the path
     * @return the text to show
     */
    public static String shown(Path p) {
        return shown(p.toString());
    }

    /**
     * A path (or other long token) for a message, cut as {@link #shown(Path)}.
     *
     * @param s the text
     * @return the text to show
     */
    public static String shown(String s) {
        if (s.codePointCount(0, s.length()) <= MESSAGE_PATH_LIMIT) {
            return s;
        }
        int head = s.offsetByCodePoints(0, 60);
        int tail = s.offsetByCodePoints(s.length(), -20);
        return s.substring(0, head) + "…" + s.substring(tail);
    }
}
