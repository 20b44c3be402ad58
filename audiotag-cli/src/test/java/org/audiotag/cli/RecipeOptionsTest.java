package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Path;
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
}
