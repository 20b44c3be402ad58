package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --recipe} of {@code train} and {@code compare}: an unknown recipe and an option that contradicts the recipe
 * are one-line errors (exit code 2) naming both, before any data is read.
 */
class RecipeOptionsTest {

    private static Path esc() {
        return CliRun.root().resolve("data/esc10");
    }

    private static void assertOneLineError(CliRun r, String... parts) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> !l.isBlank())).singleElement().asString().startsWith("audiotag: ")
                .contains(parts);
    }

    @Test
    void anUnknownRecipeIsNamedWithTheKnownOnes(@TempDir Path dir) {
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--recipe", "seed2018",
                "--out", dir.resolve("run").toString()), "--recipe seed2018", "unknown recipe 'seed2018'",
                "seed2019, modern");
        assertOneLineError(run("compare", "--data", esc().toString(), "--recipe", "ancient", "--out",
                dir.resolve("cmp").toString()), "--recipe ancient", "unknown recipe 'ancient'");
    }

    @Test
    void optionsThatContradictTheRecipeAreErrorsNamingBoth(@TempDir Path dir) {
        String out = dir.resolve("run").toString();
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--recipe", "seed2019",
                "--aggregation", "MEAN", "--out", out), "--aggregation MEAN", "contradicts --recipe seed2019",
                "FIRST");
        // enum values take any case: the contradiction, not the spelling, is what the error names
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--recipe", "seed2019",
                "--aggregation", "mean", "--out", out), "contradicts --recipe seed2019", "FIRST");
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "samplecnn", "--recipe", "seed2019",
                "--pipeline", "A", "--out", out), "--pipeline A", "samplecnn");
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--recipe", "seed2019",
                "--pipeline", "C", "--out", out), "--pipeline C", "contradicts --recipe seed2019",
                "reads pipeline A");
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--recipe", "modern",
                "--pipeline", "A", "--out", out), "--pipeline A", "contradicts --recipe modern");
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--pipeline", "B", "--out",
                out), "--pipeline B", "dcnn reads log-mels");
        assertOneLineError(run("train", "--data", esc().toString(), "--model", "dcnn", "--pipeline", "D", "--out",
                out), "--pipeline D", "must be A");
    }

    @Test
    void compareWithARecipeTrainsTheStudysRowsAndWritesItsTableBesideTheSeedsFigures(@TempDir Path dir)
            throws Exception {
        List<String> dogs = List.of("1-100032-A.ogg", "1-110389-A.ogg", "1-30226-A.ogg", "1-30344-A.ogg");
        StringBuilder csv = new StringBuilder("path,labels,fold\n");
        try (var s = Files.list(esc().resolve("002 - Rain"))) {
            List<Path> rain = s.sorted().limit(4).toList();
            for (int i = 0; i < 4; i++) {
                csv.append('"').append(esc().resolve("001 - Dog bark/" + dogs.get(i))).append("\",Dog,")
                        .append(i < 3 ? 1 : 2).append('\n');
                csv.append('"').append(rain.get(i)).append("\",Rain,").append(i < 3 ? 1 : 2).append('\n');
            }
        }
        Path list = dir.resolve("list.csv");
        Files.writeString(list, csv);
        Path out = dir.resolve("cmp");
        CliRun r = run("compare", "--recipe", "seed2019", "--data", list.toString(), "--val-fold", "2", "--models",
                "dcnn", "--epochs", "1", "--batch-size", "3", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("recipe seed2019").contains("== DCNN (dcnn, none)");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows.get(0)).startsWith("model,architecture,augmentation,lwlrap,batch_lwlrap,epoch_time_ratio,")
                .contains("first_epoch_seconds").contains("epochs_run,best_epoch,seed_lwlrap,seed_epoch_time_ratio");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("DCNN,dcnn,none,0.").contains(",1.00,").endsWith(",1,1,0.6295,1.00");
        assertThat(Files.readString(out.resolve("dcnn/model/audiotag-model.properties")))
                .contains("training.recipe=seed2019");
    }
}
