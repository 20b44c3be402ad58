package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag evaluate} on the ESC-10 fold-1 examples of audiotag-eval, and its exit code on bad input. */
class EvaluateCommandTest {
    static Path esc10() {
        return CliRun.root().resolve("audiotag-eval/src/test/resources/esc10");
    }

    @Test
    void textAndJsonGiveTheSameLwlrap(@TempDir Path dir) throws Exception {
        String truth = esc10().resolve("esc10_fold1_truth.csv").toString();
        String scores = esc10().resolve("esc10_fold1_scores.csv").toString();
        CliRun text = run("evaluate", "--truth", truth, "--scores", scores, "--per-class");
        assertThat(text.exit()).isZero();
        // expected values: src/test/resources/esc10/expected_values.py (independent numpy derivation)
        assertThat(text.out()).contains("lwlrap 0.64674000\n").contains("top1_accuracy 0.48101266\n")
                .contains("| Rooster | 7 |");
        Path csv = dir.resolve("per_class.csv");
        assertThat(run("evaluate", "--truth", truth, "--scores", scores, "--per-class-csv", csv.toString()).exit())
                .isZero();
        assertThat(Files.readAllLines(csv)).hasSize(11).first()
                .isEqualTo("class,support,ap,roc_auc,lwlrap_weight,lwlrap_score");
        CliRun json = run("evaluate", "--truth", truth, "--scores", scores, "--format", "json", "--tie-rule",
                "sklearn");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"lwlrap\": 0.62142354832228");
        CliRun boot = run("evaluate", "--truth", truth, "--scores", scores, "--bootstrap", "50", "--seed", "3");
        assertThat(boot.out()).containsPattern("lwlrap_ci 0\\.\\d{8} 0\\.\\d{8} \\(95%, 50 resamples\\)");
        assertThat(run("evaluate", "--truth", truth, "--scores", scores, "--bootstrap", "50", "--seed", "3").out())
                .isEqualTo(boot.out());
        // JSON carries the same intervals as members of the one object, after the metrics and per-class table
        CliRun bootJson = run("evaluate", "--truth", truth, "--scores", scores, "--bootstrap", "50", "--seed", "3",
                "--format", "json", "--per-class");
        assertThat(bootJson.exit()).isZero();
        String lower = boot.out().lines().filter(l -> l.startsWith("lwlrap_ci ")).findFirst().orElseThrow()
                .split(" ")[1];
        assertThat(bootJson.out()).containsPattern("(?s)\"per_class\": \\[.*\\],\n  \"lwlrap_ci\": \\{\n"
                + "    \"lower\": " + lower.substring(0, 8) + "\\d*,\n    \"upper\": 0\\.\\d+,\n    \"level\": 0\\.95,\n"
                + "    \"resamples\": 50\n  \\},\n  \"map_macro_ci\": \\{.*\\}\n\\}\n");
    }

    @Test
    void versionIsThePomVersion() {
        CliRun v = run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("audiotag " + org.audiotag.toolkit.Version.get() + System.lineSeparator())
                .doesNotContain("development");
    }

    @Test
    void badInputExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path truth = Files.writeString(dir.resolve("TRUTH.csv"), "fname,labels\n1-100032-A.ogg,Dog bark\n");
        Path scores = Files.writeString(dir.resolve("SCORES.csv"), "fname,Dog bark,Rain\n1-100032-A.ogg,0.5,inf\n");
        CliRun r = run("evaluate", "--truth", truth.toString(), "--scores", scores.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("audiotag: " + scores + ":2: score of class 'Rain' is 'inf' (scores must be"
                + " finite)" + System.lineSeparator());
        CliRun missing = run("evaluate", "--truth", dir.resolve("none.csv").toString(), "--scores", scores.toString());
        assertThat(missing.exit()).isEqualTo(2);
        CliRun noLabels = run("evaluate", "--truth",
                Files.writeString(dir.resolve("T2.csv"), "fname,labels\n1-100032-A.ogg,\n").toString(),
                "--scores", Files.writeString(dir.resolve("S2.csv"), "fname,a\n1-100032-A.ogg,1\n").toString());
        assertThat(noLabels.exit()).isEqualTo(2);
        assertThat(noLabels.err()).contains("has a label");
        assertThat(run("evaluate", "--truth", "x").exit()).isEqualTo(2);
    }
}
