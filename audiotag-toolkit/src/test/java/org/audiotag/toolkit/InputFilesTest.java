package org.audiotag.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an unreadable input is called: missing, a directory, not a regular file, permission denied. */
class InputFilesTest {

    @Test
    void aMissingFileAFolderAndADeviceAreEachCalledWhatTheyAre(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.csv");
        assertThatThrownBy(() -> InputFiles.requireReadableFile(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> InputFiles.requireReadableFile(dir.resolve("no/folder/x.csv")))
                .isInstanceOf(NoSuchFileException.class).hasMessageEndingWith("x.csv: no such file");
        assertThatThrownBy(() -> InputFiles.requireReadableFile(dir)).isInstanceOf(FileSystemException.class)
                .hasMessage(dir + ": is a directory");
        Path dev = Path.of("/dev/null");
        if (Files.exists(dev)) {
            assertThatThrownBy(() -> InputFiles.requireReadableFile(dev)).hasMessage("/dev/null: is not a regular file");
        }
        Path file = Files.writeString(dir.resolve("a.csv"), "x");
        InputFiles.requireReadableFile(file);
        InputFiles.requireReadableFolder(dir);
        assertThatThrownBy(() -> InputFiles.requireReadableFolder(file)).hasMessage(file + ": is not a folder");
        assertThatThrownBy(() -> InputFiles.requireReadableFolder(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such folder");
        // Csv.open checks the same way: a folder given as a CSV is not "no such file"
        assertThatThrownBy(() -> Csv.readAll(dir)).hasMessage(dir + ": is a directory");
    }

    /** Needs a user the permission bits apply to: skipped when the tests run as root. */
    @Test
    void anUnreadableFileOrFolderIsPermissionDenied(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret.csv"), "x");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path inside = Files.writeString(locked.resolve("in.csv"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(file), "permission bits are not enforced for this user (root)");
            assertThatThrownBy(() -> InputFiles.requireReadableFile(file)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage(file + ": permission denied");
            assertThatThrownBy(() -> InputFiles.requireReadableFile(inside))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(inside + ": permission denied");
            assertThatThrownBy(() -> InputFiles.requireReadableFolder(locked))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(locked + ": permission denied");
            assertThatThrownBy(() -> Csv.readAll(file)).hasMessage(file + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void theJdksOwnFailuresAreWordedForUsers(@TempDir Path dir) throws IOException {
        // AccessDeniedException's message is the bare path; describe says what happened
        assertThat(InputFiles.describe(new AccessDeniedException("/x/a.wav"))).isEqualTo("/x/a.wav: permission denied");
        assertThat(InputFiles.describe(new NoSuchFileException("/x/a.wav"))).isEqualTo("/x/a.wav: no such file or folder");
        // opening a folder for writing: the JDK's FileSystemException "Is a directory" (EISDIR). (Reading one
        // fails later, in read(), with a bare IOException("Is a directory") that names no file: hence the checks.)
        IOException eisdir = null;
        try (var out = Files.newOutputStream(dir)) {
            out.write(1);
        } catch (IOException e) {
            eisdir = e;
        }
        assertThat(eisdir).isNotNull();
        assertThat(InputFiles.describe(eisdir)).isEqualTo(dir + ": is a directory");
        assertThat(InputFiles.describe(new FileSystemException("/x/out.csv", null, "No space left on device")))
                .isEqualTo("/x/out.csv: No space left on device");
        assertThat(InputFiles.describe(new IOException("line one\nline two"))).isEqualTo("line one line two");
        assertThat(InputFiles.describe(new IOException())).isEqualTo("IOException");
    }

    @Test
    void aRunawayPathIsCutInTheMiddle() {
        String huge = "/data/" + "a".repeat(5_000_000) + "/clip.wav";
        String shown = InputFiles.describe(new NoSuchFileException(huge));
        assertThat(shown).hasSizeLessThan(120).startsWith("/data/aaaa").contains("…")
                .endsWith("aaaaaa/clip.wav: no such file or folder");
        assertThat(InputFiles.shown(Path.of("/short/path.wav"))).isEqualTo("/short/path.wav");
    }
}
