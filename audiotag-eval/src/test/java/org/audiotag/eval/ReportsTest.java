package org.audiotag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-class and run-comparison tables, text and JSON rendering. */
class ReportsTest {

    static Evaluation small() {
        // class "a,b": AP 1 (its positive has the top score); "c": AP 1/2; "d": no positive
        Predictions p = Predictions.of(new boolean[][] {{true, false, false}, {false, true, false}},
                new double[][] {{0.9, 0.8, 0.1}, {0.2, 0.1, 0.3}});
        return Evaluation.of(p, List.of("a,b", "c", "d"), TieRule.REFERENCE);
    }

    @Test
    void perClassTableAsCsvAndMarkdown(@TempDir Path dir) throws Exception {
        Evaluation e = small();
        PerClassReport r = e.perClassReport();
        assertThat(r.rows()).hasSize(3);
        // class c: its positive (sample 1) has score 0.1, below 0.2 of the negative -> AP 1/2, AUC 0;
        // lwlrap: sample 1 ranks c 3rd -> 1/3; weights 1/2, 1/2, 0
        assertThat(r.toCsv()).isEqualTo("class,support,ap,roc_auc,lwlrap_weight,lwlrap_score\n"
                + "\"a,b\",1,1.0,1.0,0.5,1.0\n"
                + "c,1,0.5,0.0,0.5,0.3333333333333333\n"
                + "d,0,,,0.0,0.0\n");
        assertThat(r.toMarkdown()).contains("| a,b | 1 | 1.0000 | 1.0000 | 0.50000 | 1.0000 |")
                .contains("| d | 0 | n/a | n/a | 0.00000 | 0.0000 |");
        Path csv = dir.resolve("per_class.csv");
        r.writeCsv(csv);
        assertThat(Files.readString(csv)).isEqualTo(r.toCsv());
        r.writeMarkdown(dir.resolve("per_class.md"));
        assertThat(Files.readString(dir.resolve("per_class.md"))).isEqualTo(r.toMarkdown());
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("per_class.csv",
                    "per_class.md");
        }
    }

    @Test
    void textAndJsonCarryTheSameNumbers() {
        Evaluation e = small();
        String text = e.toText(false);
        assertThat(text).contains("lwlrap 0.66666667\n").contains("samples 2\n").contains("tie_rule reference\n")
                .contains("top1_accuracy 0.50000000\n");
        String json = e.toJson(true);
        assertThat(json).contains("\"lwlrap\": 0.6666666666666666,").contains("\"class\": \"a,b\"")
                .contains("\"ap\": null");
        assertThat(e.toText(true)).contains("| class | support | AP |");
        ConfidenceInterval lw = new ConfidenceInterval(0.6, 0.5, 0.75, 0.95, 100);
        ConfidenceInterval map = new ConfidenceInterval(0.6, 0.25, Double.NaN, 0.95, 100);
        String withCi = e.toJson(true, lw, map);
        assertThat(withCi).startsWith(json.substring(0, json.lastIndexOf("\n}"))).endsWith("""
                ,
                  "lwlrap_ci": {
                    "lower": 0.5,
                    "upper": 0.75,
                    "level": 0.95,
                    "resamples": 100
                  },
                  "map_macro_ci": {
                    "lower": 0.25,
                    "upper": null,
                    "level": 0.95,
                    "resamples": 100
                  }
                }
                """);
        assertThat(e.toJson(false, null, null)).isEqualTo(e.toJson(false));
    }

    @Test
    void runComparisonLikeTheResultsSlide(@TempDir Path dir) throws Exception {
        // the original project's slide numbers (docs/ORIGINAL-PROJECT.md §8); mAP was not reported there
        RunComparison rc = new RunComparison(List.of(
                new RunComparison.Run("DCNN", 0.62952, Double.NaN, 0.990),
                new RunComparison.Run("Kaggle", 0.78757, Double.NaN, 15.073),
                new RunComparison.Run("GRU", 0.46393, Double.NaN, 2.143)));
        assertThat(rc.best().model()).isEqualTo("Kaggle");
        assertThat(rc.toMarkdown()).isEqualTo("| Model | lwlrap | mAP | Time/epoch (s) |\n|---|---:|---:|---:|\n"
                + "| DCNN | 0.6295 | – | 0.99 |\n"
                + "| **Kaggle** | **0.7876** | – | 15.07 |\n"
                + "| GRU | 0.4639 | – | 2.14 |\n");
        assertThat(rc.toCsv()).startsWith("model,lwlrap,map,epoch_seconds\nDCNN,0.62952,,0.99\n");
        rc.writeCsv(dir.resolve("runs.csv"));
        assertThat(Files.readString(dir.resolve("runs.csv"))).isEqualTo(rc.toCsv());
        Evaluation e = small();
        RunComparison.Run fromEval = RunComparison.Run.of("small", e, 1.25);
        assertThat(fromEval.lwlrap()).isEqualTo(e.lwlrap().lwlrap());
        assertThat(fromEval.meanAveragePrecision()).isEqualTo(0.75); // mean of AP 1 and 1/2
        assertThat(new RunComparison(List.of(fromEval)).toMarkdown())
                .contains("| **small** | **0.6667** | 0.7500 | 1.25 |");
        assertThatThrownBy(() -> new RunComparison.Run("x", 1.5, 0, 0)).hasMessageContaining("lwlrap of run 'x'");
        assertThatThrownBy(() -> new RunComparison.Run(" ", 0.5, 0, 0)).hasMessageContaining("model must be");
        assertThatThrownBy(() -> new RunComparison.Run("x", 0.5, 0, -1)).hasMessageContaining("epochSeconds");
        assertThatThrownBy(() -> new RunComparison(List.of())).hasMessageContaining("runs must not be empty");
    }
}
