package org.audiotag.train.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files through a temporary file in the same folder, then moves it into place atomically. */
public final class AtomicFiles {

    /** Body of a write. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param out the stream to the temporary file
         * @throws IOException on write failure
         */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} in UTF-8 to {@code target} atomically.
     *
     * @param target destination
     * @param text content
     * @throws IOException on failure (the target is then untouched)
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} atomically through a temporary sibling file.
     *
     * @param target destination
     * @param body writes the content
     * @throws IOException on failure (the target is then untouched)
     */
    public static void write(Path target, Writer body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            moveAtomically(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Moves {@code from} onto {@code to}, replacing it, atomically when the file system allows.
     *
     * @param from source
     * @param to destination
     * @throws IOException on failure
     */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
