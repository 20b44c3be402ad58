package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    @Test
    void writesTheContentAndLeavesNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        AtomicFiles.writeString(f, "a,b\nü\n");
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("a,b\nü\n");
        AtomicFiles.writeBytes(f, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        AtomicFiles.writeLines(f, List.of("x", "y"));
        assertThat(Files.readString(f)).isEqualTo("x\ny\n");
        AtomicFiles.write(f, out -> {
            out.write('z');
            out.close(); // closing the given stream is allowed
        });
        assertThat(Files.readString(f)).isEqualTo("z");
        assertThat(names(dir)).containsExactly("out.csv");
    }

    @Test
    void theResultHasTheDefaultPermissionsOfANewFileNotOwnerOnly(@TempDir Path dir) throws IOException {
        assumeTrue(posix(dir), "POSIX file system");
        // a file created the ordinary way gets 0666 masked by the process umask: the atomic write must match it
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path f = dir.resolve("atomic.txt");
        AtomicFiles.writeString(f, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo(PosixFilePermissions.toString(expected));
        AtomicFiles.writeString(f, "y"); // replacing keeps it so
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
        // under the usual umask 022 that is rw-r--r--, not the rw------- of Files.createTempFile
        if (PosixFilePermissions.toString(expected).equals("rw-r--r--")) {
            assertThat(Files.getPosixFilePermissions(f)).contains(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ);
        }
        Path plainDir = Files.createDirectory(dir.resolve("plain-dir"));
        Path d = dir.resolve("atomic-dir");
        AtomicFiles.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("a"), "a"));
        assertThat(Files.getPosixFilePermissions(d)).isEqualTo(Files.getPosixFilePermissions(plainDir));
    }

    @Test
    void aFailingWriterLeavesTheTargetAsItWasAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old");
        IOException own = new java.nio.file.FileSystemException("the writer's own failure");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("new, half written".getBytes(StandardCharsets.UTF_8));
            throw own;
        })).isSameAs(own);
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("out.csv");
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("no/such/out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeString(f, "x")).isInstanceOf(IOException.class)
                .hasMessage(f + ": cannot write, folder " + dir.resolve("no/such") + " does not exist");
    }

    /** A move that refuses ATOMIC_MOVE the way a file system without atomic renames does. */
    static final class RefusingMover implements AtomicFiles.Mover {
        final List<List<CopyOption>> calls = new ArrayList<>();

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            calls.add(List.of(options));
            if (List.of(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "not supported");
            }
            Files.move(source, target, options);
        }
    }

    @Test
    void aFileSystemRefusingAtomicMovesGetsAReplacingMove(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        RefusingMover mover = new RefusingMover();
        AtomicFiles.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)), mover);
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(mover.calls).containsExactly(
                List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING),
                List.of(StandardCopyOption.REPLACE_EXISTING));
        assertThat(names(dir)).containsExactly("out.txt");
    }

    @Test
    void aRealMoveAcrossFileSystemsFallsBack(@TempDir Path dir) throws IOException {
        // /dev/shm is a tmpfs: renaming from it onto another file system is refused as an atomic move (EXDEV)
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "/dev/shm available");
        assumeTrue(!Files.getFileStore(shm).equals(Files.getFileStore(dir)), "/dev/shm on another file system");
        Path src = Files.writeString(shm.resolve("audiotag-toolkit-test-" + ProcessHandle.current().pid()), "moved");
        try {
            assertThatThrownBy(() -> Files.move(src, dir.resolve("probe"), StandardCopyOption.ATOMIC_MOVE))
                    .isInstanceOf(AtomicMoveNotSupportedException.class);
            Path target = Files.writeString(dir.resolve("target.txt"), "old");
            AtomicFiles.moveIntoPlace(src, target);
            assertThat(Files.readString(target)).isEqualTo("moved");
            assertThat(Files.exists(src)).isFalse();
        } finally {
            Files.deleteIfExists(src);
        }
    }

    @Test
    void aFileSystemErrorIsRethrownNamingTheTarget(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        AtomicFiles.Mover full = (s, t, o) -> {
            throw new FileSystemException(s.toString(), null, "No space left on device");
        };
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> out.write(1), full))
                .isInstanceOf(IOException.class)
                .hasMessage(f + ": cannot write: No space left on device");
        assertThat(names(dir)).isEmpty();
        // a non-empty folder where the file should go
        Files.createDirectories(f.resolve("inside"));
        assertThatThrownBy(() -> AtomicFiles.writeString(f, "x")).isInstanceOf(IOException.class)
                .hasMessageStartingWith(f + ": cannot write: ");
        assertThat(names(dir)).containsExactly("out.csv");
    }

    @Test
    void aDirectoryIsBuiltAsideThenReplacesTheOldOne(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("model");
        AtomicFiles.writeDirectory(d, tmp -> {
            assertThat(tmp.getParent()).isEqualTo(dir);
            assertThat(names(tmp)).isEmpty();
            Files.writeString(tmp.resolve("a.txt"), "1");
            Files.createDirectories(tmp.resolve("variables"));
            Files.writeString(tmp.resolve("variables/v"), "2");
        });
        assertThat(names(d)).containsExactly("a.txt", "variables");
        AtomicFiles.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("b.txt"), "3"));
        assertThat(names(d)).containsExactly("b.txt");
        assertThat(names(dir)).containsExactly("model");
    }

    @Test
    void aFailingDirectoryWriterKeepsTheOldDirectory(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("model");
        AtomicFiles.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("a.txt"), "1"));
        IOException own = new IOException("export failed");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(d, tmp -> {
            Files.writeString(tmp.resolve("partial"), "x");
            throw own;
        })).isSameAs(own);
        assertThat(names(d)).containsExactly("a.txt");
        assertThat(names(dir)).containsExactly("model");
    }

    @Test
    void deleteTreeRemovesEverything(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("r");
        Files.createDirectories(root.resolve("x/y"));
        Files.writeString(root.resolve("x/y/f"), "1");
        AtomicFiles.deleteTree(root);
        assertThat(Files.exists(root)).isFalse();
        AtomicFiles.deleteTree(root); // absent: nothing to do
    }
}
