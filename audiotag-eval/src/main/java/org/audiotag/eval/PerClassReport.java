package org.audiotag.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * The per-class table of an {@link Evaluation}: class, support (samples labelled with it), AP, ROC-AUC, lwlrap
 * weight and lwlrap score, in class order; rendered as Markdown or CSV (RFC 4180). Undefined values (AP of a class
 * without positives, AUC of a class without negatives) are shown as empty CSV fields and "n/a" in Markdown.
 * {@snippet :
 * PerClassReport report = evaluation.perClassReport();
 * report.writeMarkdown(Path.of("per-class.md"));   // | class | support | AP | ROC-AUC | lwlrap weight | lwlrap score |
 * report.writeCsv(Path.of("per-class.csv"));       // class,support,ap,roc_auc,lwlrap_weight,lwlrap_score
 * PerClassReport.Row hardest = report.rows().stream()
 *         .filter(row -> row.support() > 0)
 *         .min(Comparator.comparingDouble(PerClassReport.Row::lwlrapScore))
 *         .orElseThrow();
 * }
 */
public final class PerClassReport {
    /**
     * One class's row of the table.
     *
     * @param className the class name
     * @param support number of samples labelled with the class, n_c
     * @param averagePrecision AP in [0, 1], NaN when undefined (no positive)
     * @param rocAuc ROC-AUC in [0, 1], NaN when undefined (no positive or no negative)
     * @param lwlrapWeight the lwlrap class weight n_c / P
     * @param lwlrapScore the per-class lwlrap in [0, 1] (0 when n_c = 0)
     */
    public record Row(String className, int support, double averagePrecision, double rocAuc, double lwlrapWeight,
            double lwlrapScore) {
    }

    private final List<Row> rows;

    /**
     * Creates a report from its rows; {@link Evaluation#perClassReport()} builds one from an evaluation.
     *
     * @param rows the rows, in display order (copied)
     */
    public PerClassReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Returns the rows in display order.
     *
     * @return an unmodifiable list
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Renders the table as Markdown: a header row, then one row per class, values to 4 decimals (weights to 5),
     * undefined values as "n/a", {@code |} in class names escaped.
     *
     * @return the table, lines ending in '\n'
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| class | support | AP | ROC-AUC | lwlrap weight | lwlrap score |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.className().replace("|", "\\|")).append(" | ").append(r.support())
                    .append(" | ").append(md(r.averagePrecision(), 4)).append(" | ").append(md(r.rocAuc(), 4))
                    .append(" | ").append(md(r.lwlrapWeight(), 5)).append(" | ").append(md(r.lwlrapScore(), 4))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Renders the table as RFC 4180 CSV with the header {@code class,support,ap,roc_auc,lwlrap_weight,lwlrap_score},
     * values at full double precision, undefined values as empty fields.
     *
     * @return the CSV text, lines ending in '\n'
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("class,support,ap,roc_auc,lwlrap_weight,lwlrap_score\n");
        for (Row r : rows) {
            sb.append(Csv.line(r.className(), r.support(), csv(r.averagePrecision()), csv(r.rocAuc()),
                    csv(r.lwlrapWeight()), csv(r.lwlrapScore())));
        }
        return sb.toString();
    }

    /**
     * Writes {@link #toCsv()} to a file as UTF-8, through a temporary file moved into place.
     *
     * @param file the target (created or replaced)
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    /**
     * Writes {@link #toMarkdown()} to a file as UTF-8, through a temporary file moved into place.
     *
     * @param file the target (created or replaced)
     * @throws IOException if writing fails
     */
    public void writeMarkdown(Path file) throws IOException {
        AtomicFiles.writeString(file, toMarkdown());
    }

    static String md(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String csv(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
