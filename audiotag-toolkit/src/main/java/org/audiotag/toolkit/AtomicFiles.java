package org.audiotag.toolkit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a file (or a folder) through a temporary sibling in the same folder that is moved onto the target once it
 * is complete, so a reader sees either the old content or the new one, never a half-written file.
 *
 * <ul>
 *   <li>The temporary file is created with the file system's default permissions, so the result honours the umask
 *       like any other new file ({@code rw-r--r--} under umask 022). ({@code Files.createTempFile} would force
 *       {@code rw-------}.)</li>
 *   <li>The content is forced to the storage device before the move.</li>
 *   <li>The move is {@link StandardCopyOption#ATOMIC_MOVE}; a file system that refuses it
 *       ({@link AtomicMoveNotSupportedException}) gets a plain {@link StandardCopyOption#REPLACE_EXISTING} move.</li>
 *   <li>On any failure, including an exception thrown by the caller's writer, the temporary file is deleted and the
 *       target is left as it was.</li>
 *   <li>A file-system error is rethrown as an {@link IOException} naming the target, e.g.
 *       {@code /x/out.csv: cannot write: No space left on device}; an exception thrown by the caller's own code
 *       propagates unchanged.</li>
 *   <li>The target's folder must exist (it is not created): otherwise
 *       {@code /x/out.csv: cannot write, folder /x does not exist}.</li>
 * </ul>
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface StreamWriter {
        /**
         * Writes the content to {@code out} (buffered; closing it is allowed and does nothing).
         *
         * @param out the stream to the temporary file
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface DirectoryWriter {
        /**
         * Writes the folder's content into {@code dir}.
         *
         * @param dir the temporary folder (exists, empty) that becomes the target
         * @throws IOException if writing fails
         */
        void write(Path dir) throws IOException;
    }

    /** One move of a file system entry, the seam through which the tests refuse {@code ATOMIC_MOVE}. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target, CopyOption... options) throws IOException;
    }

    private static final Mover FILES_MOVE = (s, t, o) -> Files.move(s, t, o);
    private static final int BUFFER = 1 << 16;
    private static final int MAX_NAME_PART = 100;
    private static final int MAX_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with the bytes {@code body} writes.
     *
     * @param target the file to create or replace
     * @param body writes the content
     * @throws IOException if the folder does not exist, the file system fails (message names the target), or
     *     {@code body} throws (its exception, unchanged)
     */
    public static void write(Path target, StreamWriter body) throws IOException {
        write(target, body, FILES_MOVE);
    }

    /**
     * Writes {@code bytes} to {@code target}.
     *
     * @param target the file to create or replace
     * @param bytes the content
     * @throws IOException if the folder does not exist or the file system fails (message names the target)
     */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}.
     *
     * @param target the file to create or replace
     * @param text the content
     * @throws IOException if the folder does not exist or the file system fails (message names the target)
     */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code lines} as UTF-8 to {@code target}, each followed by {@code '\n'}.
     *
     * @param target the file to create or replace
     * @param lines the lines, without line ends
     * @throws IOException if the folder does not exist or the file system fails (message names the target)
     */
    public static void writeLines(Path target, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        writeString(target, sb.toString());
    }

    static void write(Path target, StreamWriter body, Mover mover) throws IOException {
        Objects.requireNonNull(body, "body");
        Path abs = checkTarget(target);
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = sibling(abs, "tmp");
            try {
                // CREATE_NEW without attributes: mode 0666 masked by the umask, unlike Files.createTempFile (0600)
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw failure(abs, e);
                }
            } catch (IOException e) {
                throw failure(abs, e);
            }
        }
        try {
            fill(ch, abs, body);
            moveIntoPlace(tmp, abs, mover);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    /** Runs the writer on the channel, forces the data to the device and closes the channel. */
    private static void fill(FileChannel ch, Path abs, StreamWriter body) throws IOException {
        Throwable primary = null;
        try {
            TargetStream out = new TargetStream(new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER), abs);
            body.write(out); // the writer's own exceptions propagate unchanged; the stream's name the target
            out.flush();
            try {
                ch.force(true);
            } catch (IOException e) {
                throw failure(abs, e);
            }
        } catch (Throwable t) {
            primary = t;
            throw t;
        } finally {
            try {
                ch.close();
            } catch (IOException e) {
                if (primary == null) {
                    throw failure(abs, e);
                }
                primary.addSuppressed(e);
            }
        }
    }

    /**
     * Writes the folder {@code target}: {@code body} fills a new temporary folder beside it, which then replaces
     * {@code target} (an existing {@code target} is first moved aside, then deleted, and is moved back if the
     * replacement fails). The temporary folder is created with the default permissions. Used for what a library
     * writes as a folder, e.g. a TensorFlow SavedModel.
     *
     * @param target the folder to create or replace
     * @param body writes into the temporary folder
     * @throws IOException if the parent folder does not exist, the file system fails (message names the target),
     *     or {@code body} throws (its exception, unchanged)
     */
    public static void writeDirectory(Path target, DirectoryWriter body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path abs = checkTarget(target);
        Path tmp = createTemporaryDirectory(abs);
        try {
            body.write(tmp);
            Path old = null;
            try {
                if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                    old = sibling(abs, "old");
                    move(abs, old, FILES_MOVE);
                }
                try {
                    move(tmp, abs, FILES_MOVE);
                } catch (IOException e) {
                    if (old != null) {
                        try {
                            move(old, abs, FILES_MOVE);
                        } catch (IOException back) {
                            e.addSuppressed(back);
                        }
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw failure(abs, e);
            }
            if (old != null) {
                try {
                    deleteTree(old);
                } catch (IOException e) {
                    throw new TargetException(abs + ": written, but the previous version left at " + old
                            + " cannot be deleted: " + reason(e), e);
                }
            }
        } catch (Throwable t) {
            if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    deleteTree(tmp);
                } catch (IOException d) {
                    t.addSuppressed(d);
                }
            }
            throw t;
        }
    }

    /**
     * Moves {@code source} onto {@code target}, replacing it: {@link StandardCopyOption#ATOMIC_MOVE}, or a plain
     * {@link StandardCopyOption#REPLACE_EXISTING} move where the file system refuses an atomic one. For files a
     * library has already written under a temporary name in the target's folder (e.g. TensorFlow checkpoint files).
     *
     * @param source the complete file
     * @param target where it goes
     * @throws IOException if the move fails (message names the target)
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        moveIntoPlace(source, target, FILES_MOVE);
    }

    static void moveIntoPlace(Path source, Path target, Mover mover) throws IOException {
        try {
            move(source, target, mover);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    private static void move(Path source, Path target, Mover mover) throws IOException {
        try {
            mover.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            mover.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a file or a folder with everything in it; nothing if it does not exist. Symbolic links are deleted,
     * not followed.
     *
     * @param root the file or folder
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path checkTarget(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (abs.getFileName() == null || dir == null) {
            throw new TargetException(target + ": cannot write, not a file name");
        }
        if (!Files.isDirectory(dir)) {
            throw new TargetException(target + ": cannot write, folder " + dir + " does not exist");
        }
        return abs;
    }

    /** A new hidden sibling folder {@code .NAME.RANDOM.tmp}, created with the default permissions. */
    private static Path createTemporaryDirectory(Path abs) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = sibling(abs, "tmp");
            try {
                return Files.createDirectory(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw failure(abs, e);
                }
            } catch (IOException e) {
                throw failure(abs, e);
            }
        }
    }

    private static Path sibling(Path abs, String kind) {
        String name = abs.getFileName().toString();
        if (name.length() > MAX_NAME_PART) {
            name = name.substring(0, MAX_NAME_PART);
        }
        return abs.resolveSibling("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + "." + kind);
    }

    private static IOException failure(Path target, IOException e) {
        if (e instanceof TargetException) {
            return e;
        }
        return new TargetException(target + ": cannot write: " + reason(e), e);
    }

    /** The operating system's reason for a failure, without the temporary file's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** An I/O failure already described in terms of the target. */
    private static final class TargetException extends IOException {
        private static final long serialVersionUID = 1L;

        TargetException(String message) {
            super(message);
        }

        TargetException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** The stream given to a {@link StreamWriter}: names the target in its failures; close only flushes. */
    private static final class TargetStream extends OutputStream {
        private final OutputStream out;
        private final Path target;

        TargetStream(OutputStream out, Path target) {
            this.out = out;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
