package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code tag} (scores CSV read back by {@code evaluate}) and their bad-argument handling. */
class TrainingCommandsTest {

    static Path esc() {
        return CliRun.root().resolve("data/esc10");
    }

    @Test
    void trainTagAndEvaluateATinyModel(@TempDir Path dir) throws Exception {
        List<String> dogs = List.of("1-100032-A.ogg", "1-110389-A.ogg", "1-30226-A.ogg", "1-30344-A.ogg");
        StringBuilder csv = new StringBuilder("path,labels,fold\n");
        try (var s = Files.list(esc().resolve("002 - Rain"))) {
            List<Path> rain = s.sorted().limit(4).toList();
            for (int i = 0; i < 4; i++) {
                csv.append('"').append(esc().resolve("001 - Dog bark/" + dogs.get(i))).append("\",Dog,")
                        .append(i < 2 ? 1 : 2).append('\n');
                csv.append('"').append(rain.get(i)).append("\",Rain,").append(i < 2 ? 1 : 2).append('\n');
            }
        }
        Path list = dir.resolve("list.csv");
        Files.writeString(list, csv);
        Path runDir = dir.resolve("run");
        CliRun t = run("train", "--data", list.toString(), "--model", "dcnn", "--epochs", "1", "--batch-size", "4",
                "--val-fold", "2", "--out", runDir.toString(), "--cache", dir.resolve("cache").toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("4 training, 4 validation (source fold 2)").contains("epoch   1");
        assertThat(runDir.resolve("model/saved_model.pb")).exists();

        // files of the user in the run folder are never deleted: the same command is refused with one line
        Files.writeString(runDir.resolve("model/README.txt"), "notes");
        Files.writeString(runDir.resolve("ckpt/notes.txt"), "notes");
        CliRun again = run("train", "--data", list.toString(), "--model", "dcnn", "--epochs", "1", "--batch-size",
                "4", "--val-fold", "2", "--out", runDir.toString(), "--cache", dir.resolve("cache").toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err().lines().filter(l -> l.startsWith("audiotag: "))).singleElement().asString()
                .contains(runDir.toString()).contains("'ckpt/notes.txt'");
        assertThat(runDir.resolve("model/README.txt")).hasContent("notes");
        assertThat(runDir.resolve("ckpt/notes.txt")).hasContent("notes");
        Files.delete(runDir.resolve("model/README.txt"));
        Files.delete(runDir.resolve("ckpt/notes.txt"));

        Path a = esc().resolve("001 - Dog bark/" + dogs.get(3));
        Path b = esc().resolve("001 - Dog bark/" + dogs.get(2));
        Path scores = dir.resolve("scores.csv");
        CliRun tag = run("tag", "--model", runDir.resolve("model").toString(), a.toString(), b.toString(),
                "--scores-csv", scores.toString(), "--top-k", "2");
        assertThat(tag.exit()).as(tag.err()).isZero();
        List<String> lines = tag.out().lines().filter(l -> l.endsWith("")).toList();
        assertThat(lines.get(0)).startsWith(dogs.get(3) + " ").matches(".* (Dog|Rain):0\\.\\d{4} (Dog|Rain):0\\.\\d{4}");
        assertThat(Files.readAllLines(scores).get(0)).isEqualTo("fname,Dog,Rain");
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, "fname,labels\n" + dogs.get(3) + ",Dog\n" + dogs.get(2) + ",Dog\n");
        CliRun ev = run("evaluate", "--truth", truth.toString(), "--scores", scores.toString());
        assertThat(ev.exit()).as(ev.err()).isZero();
        assertThat(ev.out()).contains("lwlrap");
    }

    @Test
    void badArgumentsEndWithExitCode2AndANamedProblem(@TempDir Path dir) throws Exception {
        CliRun noModel = run("tag", "--model", dir.resolve("nowhere").toString(), "x.wav");
        assertThat(noModel.exit()).isEqualTo(2);
        assertThat(noModel.err()).contains("nowhere");
        CliRun badArch = run("train", "--data", esc().toString(), "--model", "nosuch", "--out", dir.toString());
        assertThat(badArch.exit()).isEqualTo(2);
        assertThat(badArch.err()).contains("unknown architecture 'nosuch'");
        CliRun badAug = run("train", "--data", esc().toString(), "--model", "dcnn", "--augment", "wobble",
                "--out", dir.toString());
        assertThat(badAug.exit()).isEqualTo(2);
        assertThat(badAug.err()).contains("wobble");
        CliRun badFold = run("train", "--data", esc().toString(), "--model", "dcnn", "--val-fold", "4",
                "--out", dir.toString());
        assertThat(badFold.exit()).isEqualTo(2);
        assertThat(badFold.err()).contains("[1, 2, 3, 5]");
        Path notARun = dir.resolve("thesis");
        Files.createDirectories(notARun);
        Files.writeString(notARun.resolve("thesis.tex"), "\\section{}");
        CliRun foreign = run("train", "--data", esc().toString(), "--model", "dcnn", "--out", notARun.toString());
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).startsWith("audiotag: " + notARun + ": is not an audiotag run folder")
                .contains("'thesis.tex'").hasLineCount(1);
        assertThat(notARun.resolve("thesis.tex")).exists();
        CliRun badData = run("train", "--data", dir.resolve("missing.csv").toString(), "--model", "dcnn",
                "--out", dir.toString());
        assertThat(badData.exit()).isEqualTo(2);
        assertThat(badData.err()).contains("missing.csv");
    }

    @Test
    void splitWritesAStratifiedSplitThatReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("split.csv");
        CliRun r = run("split", "--data", esc().toString(), "--out", out.toString(), "--seed", "7");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("fold 0: 3[0-4] clips, 3[0-4] labels \\(validation\\)");
        assertThat(Files.readAllLines(out)).hasSize(319).first().isEqualTo("path,fold");
        CliRun k = run("split", "--data", esc().toString(), "--out", out.toString(), "--folds", "4");
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("fold 3:");
        CliRun bad = run("split", "--data", esc().toString(), "--out", out.toString(), "--test-size", "1.5");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("testSize");
    }
}
