package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15, findings of a hostile user: every failure is one line {@code audiotag: FILE[:LINE]: problem} with exit
 * code 2 (1 for a failed write), without a stack trace; a clip listed twice never reaches both sides of a split.
 */
class HostileInputTest {

    @TempDir
    static Path shared;

    /** A tiny model (1 epoch on 8 ESC-10 clips) and its run folder, trained once for the class. */
    static Path runDir;
    static Path list;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        list = shared.resolve("list.csv");
        Files.writeString(list, listCsv(8, false));
        runDir = shared.resolve("run");
        CliRun t = run("train", "--data", list.toString(), "--model", "dcnn", "--epochs", "1", "--batch-size", "4",
                "--val-fold", "2", "--out", runDir.toString(), "--cache", shared.resolve("cache").toString());
        assertThat(t.exit()).as(t.err()).isZero();
    }

    /** {@code path,labels,fold}: {@code n} ESC-10 clips (half Dog, half Rain), fold 1 then 2; optionally all twice. */
    static String listCsv(int n, boolean twice) throws IOException {
        StringBuilder csv = new StringBuilder("path,labels,fold\n");
        List<Path> dogs;
        List<Path> rain;
        try (Stream<Path> d = Files.list(esc().resolve("001 - Dog bark"));
             Stream<Path> r = Files.list(esc().resolve("002 - Rain"))) {
            dogs = d.sorted().limit(n / 2).toList();
            rain = r.sorted().limit(n / 2).toList();
        }
        for (int copy = 0; copy < (twice ? 2 : 1); copy++) {
            for (int i = 0; i < n / 2; i++) {
                int fold = i < n / 4 ? 1 : 2;
                csv.append('"').append(dogs.get(i)).append("\",Dog,").append(fold).append('\n');
                csv.append('"').append(rain.get(i)).append("\",Rain,").append(fold).append('\n');
            }
        }
        return csv.toString();
    }

    static Path esc() {
        return CliRun.root().resolve("data/esc10");
    }

    /** A 16-bit mono PCM WAV of {@code n} samples at {@code sr} Hz. */
    static Path wav(Path file, int n, int sr) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(sr).putInt(2 * sr).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) 100);
        }
        return Files.write(file, b.array());
    }

    /** The run failed with exit code {@code exit} and printed exactly one line, which is returned. */
    static String oneLine(CliRun r, int exit) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("audiotag: ").doesNotContain("\tat ");
        return r.err().strip();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aClipListedTwiceIsRefusedNamingItAndBothLinesOrSkippedOnce(@TempDir Path dir) throws IOException {
        Path twice = Files.writeString(dir.resolve("twice.csv"), listCsv(8, true));
        String firstClip = Files.readAllLines(twice).get(1).split("\",")[0].substring(1);
        for (String cmd : List.of("train", "split")) {
            CliRun r = cmd.equals("train")
                    ? run("train", "--data", twice.toString(), "--model", "dcnn", "--out", dir.resolve("r").toString())
                    : run("split", "--data", twice.toString(), "--out", dir.resolve("s.csv").toString());
            assertThat(oneLine(r, 2)).isEqualTo("audiotag: " + twice + ":10: audio file " + firstClip
                    + " is listed twice (lines 2 and 10)");
        }
        assertThat(dir.resolve("r")).doesNotExist();
        // --skip-bad drops each repeat once: the split has 8 clips, as without the repeats
        CliRun skip = run("train", "--data", twice.toString(), "--model", "dcnn", "--epochs", "1", "--batch-size",
                "4", "--val-fold", "2", "--skip-bad", "--out", dir.resolve("r").toString(), "--cache",
                shared.resolve("cache").toString());
        assertThat(skip.exit()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("8 clips, 2 tags; 4 training, 4 validation (source fold 2)");
    }

    @Test
    void aValidationListSharingAFileWithTheTrainingDataIsRefused(@TempDir Path dir) throws IOException {
        List<String> rows = Files.readAllLines(list);
        Path train = Files.writeString(dir.resolve("train.csv"), String.join("\n", rows.subList(0, 7)) + "\n");
        Path val = Files.writeString(dir.resolve("val.csv"), rows.get(0) + "\n" + rows.get(7) + "\n" + rows.get(3)
                + "\n");
        String shared3 = rows.get(3).split("\",")[0].substring(1);
        CliRun r = run("train", "--data", train.toString(), "--val-csv", val.toString(), "--model", "dcnn",
                "--out", dir.resolve("r").toString());
        assertThat(oneLine(r, 2)).isEqualTo("audiotag: " + train + ":4: audio file " + shared3
                + " is also a validation clip (" + val + ":3); a file cannot be on both sides of the split");
        CliRun skip = run("train", "--data", train.toString(), "--val-csv", val.toString(), "--model", "dcnn",
                "--epochs", "1", "--batch-size", "4", "--skip-bad", "--out", dir.resolve("r").toString(), "--cache",
                shared.resolve("cache").toString());
        assertThat(skip.exit()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("; 5 training, 2 validation (validation list " + val + ")");
    }

    @Test
    void tagNamesTheFileThatDecodesToNothingOrToTooLittle(@TempDir Path dir) throws IOException {
        String model = runDir.resolve("model").toString();
        Path empty = wav(dir.resolve("empty.wav"), 0, 44100);
        assertThat(oneLine(run("tag", "--model", model, empty.toString()), 2))
                .isEqualTo("audiotag: " + empty + ": no audio: the file decodes to 0 samples");
        Path tooShort = wav(dir.resolve("short.wav"), 1, 96000);
        assertThat(oneLine(run("tag", "--model", model, tooShort.toString()), 2))
                .startsWith("audiotag: " + tooShort + ": ").contains("too short to resample");
        Path one = wav(dir.resolve("one.wav"), 1, 44100);
        CliRun ok = run("tag", "--model", model, one.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("one.wav ");
    }

    @Test
    void tagRefusesTwoFilesOfOneNameWhenWritingAScoresCsv(@TempDir Path dir) throws IOException {
        String model = runDir.resolve("model").toString();
        Path a = wav(Files.createDirectories(dir.resolve("a")).resolve("x.wav"), 4410, 44100);
        Path b = wav(Files.createDirectories(dir.resolve("b")).resolve("x.wav"), 4410, 44100);
        Path scores = dir.resolve("scores.csv");
        assertThat(oneLine(run("tag", "--model", model, a.toString(), b.toString(), "--scores-csv",
                scores.toString()), 2)).startsWith("audiotag: " + b + " has the same file name as " + a
                + "; the scores CSV (--scores-csv) names clips by file name alone");
        assertThat(oneLine(run("tag", "--model", model, a.toString(), a.toString(), "--scores-csv",
                scores.toString()), 2)).startsWith("audiotag: " + a + " is given twice;");
        assertThat(scores).doesNotExist();
        // printing tag lines only is fine: nothing has to tell the two apart afterwards
        CliRun print = run("tag", "--model", model, a.toString(), b.toString());
        assertThat(print.exit()).as(print.err()).isZero();
        assertThat(print.out().lines()).hasSize(2);
    }

    @Test
    void convertNamesTheInputWhenItsAudioCannotBeUsed(@TempDir Path dir) throws IOException {
        // 70000 interleaved raw channels: beyond the decoders' documented limit of 255 channels
        Path wide = Files.write(dir.resolve("wide.f32"), new byte[4 * 70_000]);
        Path out = dir.resolve("o.wav");
        assertThat(oneLine(run("convert", "--input", wide.toString(), "--raw-sr", "8000", "--raw-channels", "70000",
                "--output", out.toString()), 2)).isEqualTo("audiotag: " + wide
                + ": channels: must be in [1, 255], got 70000");
        // one sample cannot be resampled: the message names the input, not a bare "y: signal too short"
        Path tiny = Files.write(dir.resolve("tiny.f32"), new byte[4]);
        assertThat(oneLine(run("convert", "--input", tiny.toString(), "--raw-sr", "8000", "--sr", "4000",
                "--output", out.toString()), 2)).startsWith("audiotag: " + tiny + ": ")
                .contains("too short to resample");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCorruptStateOrCheckpointIsOneShortLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("run");
        CliRun.copyTree(runDir, copy);
        Path state = copy.resolve("state.properties");
        Files.writeString(state, Files.readString(state).replace("epochsDone=1", "epochsDone=x3"));
        CliRun r = run("train", "--data", list.toString(), "--model", "dcnn", "--epochs", "2", "--batch-size", "4",
                "--val-fold", "2", "--out", copy.toString(), "--cache", shared.resolve("cache").toString());
        assertThat(oneLine(r, 2)).isEqualTo("audiotag: " + state
                + ": malformed state: epochsDone 'x3' is not an integer; the run cannot be resumed");

        Files.writeString(state, Files.readString(state).replace("epochsDone=x3", "epochsDone=1"));
        Files.write(copy.resolve("ckpt/epoch-0000.index"), new byte[100]);
        r = run("train", "--data", list.toString(), "--model", "dcnn", "--epochs", "2", "--batch-size", "4",
                "--val-fold", "2", "--out", copy.toString(), "--cache", shared.resolve("cache").toString());
        String line = oneLine(r, 2);
        assertThat(line).startsWith("audiotag: " + copy.toAbsolutePath().resolve("ckpt/epoch-0000")
                + ": checkpoint is damaged").doesNotContain("ModelConfig").doesNotContain("[[");
        assertThat(line.length() - copy.toAbsolutePath().toString().length()).isLessThan(200);
    }

    @Test
    void trainOutAFileSaysItIsNotAFolderBeforeReadingTheData(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results.txt"), "mine");
        CliRun r = run("train", "--data", dir.resolve("missing.csv").toString(), "--model", "dcnn", "--out",
                file.toString());
        assertThat(oneLine(r, 2)).startsWith("audiotag: " + file + ": is not a folder; --out names the run folder");
        assertThat(file).hasContent("mine");
    }

    @Test
    void aFolderOrAMissingFileIsCalledWhatItIs(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("clip.wav"));
        String model = runDir.resolve("model").toString();
        String isDir = "audiotag: " + folder + ": is a directory";
        assertThat(oneLine(run("tag", "--model", model, folder.toString()), 2)).isEqualTo(isDir);
        assertThat(oneLine(run("convert", "--input", folder.toString(), "--output",
                dir.resolve("o.wav").toString()), 2)).isEqualTo(isDir);
        assertThat(oneLine(run("features", "--input", folder.toString(), "--output",
                dir.resolve("o.npy").toString()), 2)).isEqualTo(isDir);
        assertThat(oneLine(run("evaluate", "--truth", folder.toString(), "--scores", folder.toString()), 2))
                .isEqualTo(isDir);
        assertThat(oneLine(run("train", "--data", list.toString(), "--split", folder.toString(), "--model", "dcnn",
                "--out", dir.resolve("r").toString()), 2)).isEqualTo(isDir);
        Path missing = dir.resolve("gone.wav");
        assertThat(oneLine(run("tag", "--model", model, missing.toString()), 2))
                .isEqualTo("audiotag: " + missing + ": no such file");
    }

    /** Needs a user the permission bits apply to: skipped when the tests run as root. */
    @Test
    void anUnreadableFileIsPermissionDenied(@TempDir Path dir) throws IOException {
        Path wav = wav(dir.resolve("locked.wav"), 4410, 44100);
        Path csv = Files.writeString(dir.resolve("locked.csv"), Files.readString(list));
        Files.setPosixFilePermissions(wav, PosixFilePermissions.fromString("-w-------"));
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(wav), "permission bits are not enforced for this user (root)");
        assertThat(oneLine(run("tag", "--model", runDir.resolve("model").toString(), wav.toString()), 2))
                .isEqualTo("audiotag: " + wav + ": permission denied");
        assertThat(oneLine(run("split", "--data", csv.toString(), "--out", dir.resolve("s.csv").toString()), 2))
                .isEqualTo("audiotag: " + csv + ": permission denied");
    }

    @Test
    void aRunawayFieldIsCutAndNeverEchoedWhole(@TempDir Path dir) throws IOException {
        // a 5 MB path field (a 50 MB one takes the same path; 5 MB keeps the test light)
        String huge = "x".repeat(5_000_000);
        Path csv = Files.writeString(dir.resolve("huge.csv"), "path,labels\n\"" + huge + ".wav\",Dog\n");
        String line = oneLine(run("split", "--data", csv.toString(), "--out", dir.resolve("s.csv").toString()), 2);
        assertThat(line).startsWith("audiotag: " + csv + ":2: audio file ").contains("xxxx…xxxx")
                .endsWith(".wav does not exist").hasSizeLessThan(300);
        // a path with NUL and a terminal escape: reported, its control characters not printed
        Files.writeString(csv, "path,labels\n\"\u001b[31mred\u0000.wav\",Dog\n");
        line = oneLine(run("split", "--data", csv.toString(), "--out", dir.resolve("s.csv").toString()), 2);
        assertThat(line).isEqualTo("audiotag: " + csv + ":2: path '?[31mred?.wav' is not a valid path (Nul "
                + "character not allowed)");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        // a non-empty folder where the split file should go: the move onto it fails
        Path out = dir.resolve("split.csv");
        Files.createDirectories(out.resolve("keep"));
        String line = oneLine(run("split", "--data", list.toString(), "--out", out.toString()), 1);
        assertThat(line).startsWith("audiotag: " + out.toAbsolutePath() + ": cannot write: ");
        assertThat(names(dir)).containsExactly("split.csv");
        assertThat(names(out)).containsExactly("keep");
    }

    /** Needs a user the permission bits apply to: skipped when the tests run as root. */
    @Test
    void aReadOnlyFolderIsPermissionDeniedAndKeepsNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "permission bits are not enforced for this user (root)");
            Path out = ro.resolve("split.csv");
            String line = oneLine(run("split", "--data", list.toString(), "--out", out.toString()), 1);
            assertThat(line).isEqualTo("audiotag: " + out.toAbsolutePath() + ": cannot write: permission denied");
            assertThat(names(ro)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A sub-command that fails as told, to reach Main's handlers with what the commands cannot easily produce. */
    @CommandLine.Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        private final Throwable failure;

        Fail(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (Exception) failure;
        }
    }

    static CliRun failWith(Throwable t) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("fail", new Fail(t));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = Main.execute(cl, "fail");
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void mainReportsEveryFailureAsOneShortLine() {
        // the JDK's AccessDeniedException says only the path
        assertThat(oneLine(failWith(new AccessDeniedException("/data/a.wav")), 2))
                .isEqualTo("audiotag: /data/a.wav: permission denied");
        assertThat(oneLine(failWith(new java.nio.file.FileSystemException("/full/out.csv", null,
                "No space left on device")), 2)).isEqualTo("audiotag: /full/out.csv: No space left on device");
        // the toolkit's message for a failed atomic write (disk full) keeps the file
        assertThat(oneLine(failWith(new IOException("/full/out.csv: cannot write: No space left on device")), 2))
                .isEqualTo("audiotag: /full/out.csv: cannot write: No space left on device");
        assertThat(oneLine(failWith(new IllegalStateException("first line\n\tsecond line\r\nthird")), 2))
                .isEqualTo("audiotag: first line second line third");
        String huge = oneLine(failWith(new IOException("x.csv:2: path " + "y".repeat(1_000_000))), 2);
        assertThat(huge).startsWith("audiotag: x.csv:2: path yyyy").contains("…").hasSizeLessThan(120);
        String many = oneLine(failWith(new IOException("word ".repeat(1000))), 2);
        assertThat(many).hasSizeLessThan(Main.MESSAGE_LIMIT + 20).endsWith("…");
        assertThat(oneLine(failWith(new NullPointerException()), 2)).isEqualTo("audiotag: NullPointerException");
        // errors picocli lets through: one line, exit code 1
        assertThat(oneLine(failWith(new OutOfMemoryError("Java heap space")), 1))
                .startsWith("audiotag: out of memory (Java heap space); give Java more heap");
        assertThat(oneLine(failWith(new StackOverflowError()), 1)).startsWith("audiotag: stack overflow");
        assertThat(oneLine(failWith(new UnsatisfiedLinkError("no jnitensorflow")), 1))
                .isEqualTo("audiotag: cannot load a class or native library (UnsatisfiedLinkError: no jnitensorflow)");
    }
}
