package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.audiotag.toolkit.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-folder rules: refuse foreign entries, resume only the same run, never delete what the run did not write. */
class RunFolderTest {

    static final String FP = "0123456789abcdef0123456789abcdef";
    static final String OTHER_FP = "fedcba9876543210fedcba9876543210";

    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    /** A claimed run with one committed epoch and an export of two files. */
    static RunFolder finishedRun(Path dir) throws IOException {
        RunFolder f = RunFolder.open(dir);
        f.claim(FP, Map.of("architecture", "dcnn"));
        Files.createDirectories(dir.resolve("ckpt"));
        Files.writeString(Path.of(f.checkpoint(0) + ".index"), "i");
        Files.writeString(Path.of(f.checkpoint(0) + ".data-00000-of-00001"), "d");
        f.writeState(new RunFolder.State(1, 0, 0.5, new double[] {1e-3, 0.5, 0}));
        f.publishModel(m -> {
            Files.createDirectories(m.resolve("variables"));
            Files.writeString(m.resolve("saved_model.pb"), "pb");
            Files.writeString(m.resolve("variables/variables.index"), "v");
        });
        return f;
    }

    @Test
    void aNewFolderIsCreatedClaimedAndResumedOnlyByTheSameRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/run");
        RunFolder f = RunFolder.open(dir);
        assertThat(dir).isDirectory();
        assertThat(f.holdsRun()).isFalse();
        assertThat(f.claim(FP, Map.of("architecture", "dcnn", "training", "epochs=3"))).isEmpty();
        assertThat(f.holdsRun()).isTrue();
        assertThat(Files.readString(dir.resolve(RunFolder.MARKER_FILE))).contains("format=audiotag-run/1")
                .contains("fingerprint=" + FP).contains("training=epochs\\=3");

        RunFolder.State s = new RunFolder.State(3, 1, 0.75, new double[] {5e-4, 0.75, 2});
        f.writeState(s);
        assertThat(Files.readString(dir.resolve(RunFolder.STATE_FILE))).contains("epochsDone=3")
                .contains("lastCheckpoint=epoch-0002").contains("bestEpoch=1").contains("schedule=5.0E-4,0.75,2.0");

        Optional<RunFolder.State> resumed = RunFolder.open(dir).claim(FP, Map.of());
        assertThat(resumed).contains(s);
        assertThat(resumed.get().schedule()).containsExactly(5e-4, 0.75, 2);
        assertThatThrownBy(() -> RunFolder.open(dir).claim(OTHER_FP, Map.of()))
                .isInstanceOf(RunFolderException.class).hasMessageContaining(dir.toString())
                .hasMessageContaining("different run");
        assertThatThrownBy(() -> f.claim("not hex", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunFolder.open(tmp.resolve("b")).writeState(s))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFolderThatIsNotARunIsRefusedNamingTheFolderAndTheFirstForeignEntry(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("model/README.txt"), "my notes");
        Files.writeString(dir.resolve("thesis.tex"), "\\section{}");
        assertThatThrownBy(() -> RunFolder.open(dir)).isInstanceOfSatisfying(RunFolderException.class, e -> {
            assertThat(e.folder()).isEqualTo(dir);
            assertThat(e.entry()).isEqualTo("model/README.txt");
            assertThat(e.getMessage()).startsWith(dir + ": is not an audiotag run folder")
                    .contains("'model/README.txt'").doesNotContain("\n");
        });
        // even the files of a run are foreign without the marker: the folder is not known to be audiotag's
        Path legacy = dir.resolve("legacy");
        Files.createDirectories(legacy);
        Files.writeString(legacy.resolve("state.properties"), "epochsDone=1\n");
        assertThatThrownBy(() -> RunFolder.open(legacy)).hasMessageContaining("'state.properties'");
        assertThat(tree(dir)).containsExactly("legacy", "legacy/state.properties", "model", "model/README.txt",
                "thesis.tex");
        Path file = dir.resolve("thesis.tex");
        assertThatThrownBy(() -> RunFolder.open(file)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("is not a folder");
        Files.createDirectories(dir.resolve("empty/sub"));
        assertThatThrownBy(() -> RunFolder.open(dir.resolve("empty"))).hasMessageContaining("'sub/'");
    }

    @Test
    void aFileAddedToTheModelOrCheckpointFolderOfARunIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        finishedRun(dir);
        RunFolder.open(dir); // the run alone is fine
        Files.writeString(dir.resolve("model/README.txt"), "how to use this model");
        assertThatThrownBy(() -> RunFolder.open(dir)).isInstanceOfSatisfying(RunFolderException.class,
                e -> assertThat(e.entry()).isEqualTo("model/README.txt"));
        Files.writeString(dir.resolve("ckpt/notes.txt"), "lr 1e-3 looked best");
        assertThatThrownBy(() -> RunFolder.open(dir)).isInstanceOfSatisfying(RunFolderException.class, e -> {
            assertThat(e.entry()).isEqualTo("ckpt/notes.txt");
            assertThat(e.getMessage()).contains("not part of the audiotag run").contains("never deletes");
        });
        Files.createDirectories(dir.resolve("model/variables/extra"));
        Files.delete(dir.resolve("ckpt/notes.txt"));
        Files.delete(dir.resolve("model/README.txt"));
        assertThatThrownBy(() -> RunFolder.open(dir)).hasMessageContaining("'model/variables/extra/'");
        Files.delete(dir.resolve("model/variables/extra"));
        Files.writeString(dir.resolve("todo.md"), "x");
        assertThatThrownBy(() -> RunFolder.open(dir)).hasMessageContaining("'todo.md'");
        assertThat(dir.resolve("todo.md")).exists();
    }

    @Test
    void replacingTheModelNeverDeletesAFileTheRunDidNotWrite(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunFolder f = finishedRun(dir);
        // a second export replaces exactly the first one's files
        Path model = f.publishModel(m -> {
            Files.createDirectories(m);
            Files.writeString(m.resolve("saved_model.pb"), "pb2");
            Files.writeString(m.resolve("vocabulary.txt"), "Dog\n");
        });
        assertThat(model).isEqualTo(dir.resolve("model").toAbsolutePath());
        assertThat(tree(dir.resolve("model"))).containsExactly("saved_model.pb", "vocabulary.txt");
        assertThat(Files.readString(dir.resolve("model/saved_model.pb"))).isEqualTo("pb2");
        assertThat(tree(dir)).noneMatch(n -> n.startsWith("model.old-") || n.startsWith("model.tmp-"));
        RunFolder.open(dir); // the marker lists the new files

        // a file the user put into model/ during training stops the export: nothing is replaced or deleted
        Files.writeString(dir.resolve("model/README.txt"), "keep me");
        assertThatThrownBy(() -> f.publishModel(m -> {
            Files.createDirectories(m);
            Files.writeString(m.resolve("saved_model.pb"), "pb3");
        })).isInstanceOfSatisfying(RunFolderException.class,
                e -> assertThat(e.entry()).isEqualTo("model/README.txt"));
        assertThat(Files.readString(dir.resolve("model/README.txt"))).isEqualTo("keep me");
        assertThat(Files.readString(dir.resolve("model/saved_model.pb"))).isEqualTo("pb2");
        assertThat(tree(dir)).noneMatch(n -> n.startsWith("model.tmp-"));

        // a failing writer leaves the previous export in place and no temporary folder behind
        Files.delete(dir.resolve("model/README.txt"));
        assertThatThrownBy(() -> f.publishModel(m -> {
            Files.createDirectories(m);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(tree(dir.resolve("model"))).containsExactly("saved_model.pb", "vocabulary.txt");
        assertThat(tree(dir)).noneMatch(n -> n.startsWith("model.tmp-"));
    }

    @Test
    void pruningKeepsTheGivenEpochsAndOnlyDeletesCheckpointFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunFolder f = RunFolder.open(dir);
        f.claim(FP, Map.of());
        Path ckpt = dir.resolve("ckpt");
        Files.createDirectories(ckpt);
        for (int e = 0; e < 5; e++) {
            Files.writeString(Path.of(f.checkpoint(e) + ".index"), "i");
            Files.writeString(Path.of(f.checkpoint(e) + ".data-00000-of-00001"), "d");
        }
        Files.writeString(ckpt.resolve("epoch-0001.tmp-77-123.index"), "left over by a killed save");
        // TensorFlow's own temporary of that save (a save killed, or failed on a full disk)
        Files.writeString(ckpt.resolve("epoch-0003.tmp-77-123.data-00000-of-00001.tempstate9111254070214834369"),
                "partial");
        Files.writeString(ckpt.resolve("notes.txt"), "mine");
        Files.writeString(ckpt.resolve("epoch-0000-notes.txt"), "mine too");
        f.pruneCheckpoints(4, 2);
        assertThat(tree(ckpt)).containsExactly("epoch-0000-notes.txt", "epoch-0002.data-00000-of-00001",
                "epoch-0002.index", "epoch-0004.data-00000-of-00001", "epoch-0004.index", "notes.txt");
        f.pruneCheckpoints(4, 4);
        assertThat(tree(ckpt)).containsExactly("epoch-0000-notes.txt", "epoch-0004.data-00000-of-00001",
                "epoch-0004.index", "notes.txt");
    }

    @Test
    void callerEntriesAndLeftoversOfTheRunAreAllowedAndUntouched(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("demo");
        Files.createDirectories(dir.resolve("cache/abc"));
        Files.writeString(dir.resolve("1-100038-A-logmel.png"), "png");
        assertThatThrownBy(() -> RunFolder.open(dir)).hasMessageContaining("'1-100038-A-logmel.png'");
        RunFolder f = RunFolder.open(dir, "cache", "*-logmel.png");
        assertThat(f.callerEntries()).containsExactly("cache", "*-logmel.png");
        f.claim(FP, Map.of());
        Files.writeString(dir.resolve(".state.properties123456789.tmp"), "interrupted atomic write");
        Files.createDirectories(dir.resolve("model.tmp-123456"));
        // what an interrupted write of the toolkit leaves: its temporary file or folder, named as it names them
        List<String> temporaries = new java.util.ArrayList<>();
        AtomicFiles.writeString(dir.resolve("history.csv"), "epoch\n");
        AtomicFiles.write(dir.resolve("history.json"), out -> temporaries.addAll(hidden(dir)));
        AtomicFiles.writeDirectory(dir.resolve("model.tmp-654321"), t -> temporaries.addAll(hidden(dir)));
        assertThat(temporaries).hasSize(2);
        Files.writeString(dir.resolve(temporaries.get(0)), "interrupted atomic write");
        Files.createDirectories(dir.resolve(temporaries.get(1)).resolve("variables"));
        Files.createDirectories(dir.resolve("ckpt"));
        Files.writeString(dir.resolve("ckpt/epoch-0000.tmp-77-123.data-00000-of-00001.tempstate123"), "partial");
        RunFolder.open(dir, "cache", "*-logmel.png");
        assertThat(tree(dir)).contains(temporaries.get(0), temporaries.get(1) + "/variables");
        assertThatThrownBy(() -> RunFolder.open(dir, "cache")).hasMessageContaining("'1-100038-A-logmel.png'");
        assertThatThrownBy(() -> RunFolder.open(dir, "sub/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callerEntries");
    }

    /** The hidden entries of a folder that are not the run's older leftovers. */
    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.startsWith(".state.properties1")).sorted().toList();
        }
    }

    @Test
    void aMalformedMarkerOrStateIsReportedWithItsFile(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        RunFolder.open(dir).claim(FP, Map.of());
        Files.writeString(dir.resolve(RunFolder.STATE_FILE), "fingerprint=" + FP + "\nepochsDone=x\n");
        assertThatThrownBy(() -> RunFolder.open(dir).claim(FP, Map.of())).hasMessageContaining(
                RunFolder.STATE_FILE).hasMessageContaining("malformed state");
        // the file and the key, not Java's bare "For input string"
        Path state = dir.resolve(RunFolder.STATE_FILE);
        Files.writeString(state, "fingerprint=" + FP + "\nepochsDone=x3\nbestEpoch=0\nbestLwlrap=0.5\n");
        assertThatThrownBy(() -> RunFolder.open(dir).readState()).hasMessage(state
                + ": malformed state: epochsDone 'x3' is not an integer; the run cannot be resumed");
        Files.writeString(state, "fingerprint=" + FP + "\nepochsDone=2\nbestEpoch=0\n");
        assertThatThrownBy(() -> RunFolder.open(dir).readState()).hasMessage(state
                + ": malformed state: key 'bestLwlrap' is missing; the run cannot be resumed");
        Files.writeString(state, "fingerprint=" + FP + "\nepochsDone=2\nbestEpoch=0\nbestLwlrap=0.5\n"
                + "schedule=0.001,oops\n");
        assertThatThrownBy(() -> RunFolder.open(dir).readState()).hasMessage(state
                + ": malformed state: schedule 'oops' is not a number; the run cannot be resumed");
        Files.writeString(state, "fingerprint=" + FP + "\nepochsDone=0\nbestEpoch=0\nbestLwlrap=0.5\n");
        assertThatThrownBy(() -> RunFolder.open(dir).readState()).hasMessageStartingWith(state
                + ": malformed state: epochsDone: 0 must be");
        Files.writeString(dir.resolve(RunFolder.MARKER_FILE), "format=something-else\n");
        assertThatThrownBy(() -> RunFolder.open(dir)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("not an audiotag run marker");
        assertThatThrownBy(() -> new RunFolder.State(0, 0, 1, new double[0]))
                .hasMessageContaining("epochsDone");
        assertThatThrownBy(() -> new RunFolder.State(2, 2, 1, new double[0])).hasMessageContaining("bestEpoch");
    }
}
