package org.audiotag.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * A comparison table of several training runs, like the original project's results slide (docs/ORIGINAL-PROJECT.md
 * §8: model, lwlrap on the validation split, time of one training epoch in seconds), with mAP added. The best lwlrap
 * is set in bold in Markdown, as on the slide. Rows keep the order given.
 * {@snippet :
 * RunComparison table = new RunComparison(List.of(
 *         RunComparison.Run.of("DCNN", dcnnEvaluation, 41.5),
 *         new RunComparison.Run("ReSE-2-Multi", 0.712, Double.NaN, 95.0)));   // mAP unknown
 * String markdown = table.toMarkdown();   // | Model | lwlrap | mAP | Time/epoch (s) |, best lwlrap in bold
 * table.writeCsv(Path.of("compare.csv"));   // model,lwlrap,map,epoch_seconds
 * }
 */
public final class RunComparison {
    /**
     * One run's row: its name, validation metrics and epoch time.
     *
     * @param model the model / run name
     * @param lwlrap validation lwlrap, in [0, 1] (NaN if unknown)
     * @param meanAveragePrecision validation macro mAP, in [0, 1] (NaN if unknown)
     * @param epochSeconds mean wall-clock time of one training epoch, seconds (NaN if unknown)
     */
    public record Run(String model, double lwlrap, double meanAveragePrecision, double epochSeconds) {
        /**
         * Validates the run.
         *
         * @throws IllegalArgumentException if the model name is blank, a metric is outside [0, 1] or the epoch
         *     time is negative or infinite
         */
        public Run {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must be a non-blank name");
            }
            checkUnit("lwlrap", lwlrap, model);
            checkUnit("meanAveragePrecision", meanAveragePrecision, model);
            if (!Double.isNaN(epochSeconds) && !(epochSeconds >= 0 && epochSeconds < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("epochSeconds of run '" + model
                        + "' must be a finite value >= 0 (or NaN if unknown), got " + epochSeconds);
            }
        }

        /**
         * Creates a run from its validation {@link Evaluation}: its lwlrap and macro mAP.
         *
         * @param model the model / run name
         * @param evaluation the run's evaluation on the validation split
         * @param epochSeconds mean training-epoch time in seconds (NaN if unknown)
         * @return the run
         * @throws IllegalArgumentException if the model name is blank or the epoch time is negative or infinite
         */
        public static Run of(String model, Evaluation evaluation, double epochSeconds) {
            return new Run(model, evaluation.lwlrap().lwlrap(), evaluation.mapMacro(), epochSeconds);
        }

        private static void checkUnit(String what, double v, String model) {
            if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " of run '" + model + "' must be in [0, 1] (or NaN if"
                        + " unknown), got " + v);
            }
        }
    }

    private final List<Run> runs;

    /**
     * Creates a table of runs.
     *
     * @param runs the runs, in display order (copied)
     * @throws IllegalArgumentException if there is no run
     */
    public RunComparison(List<Run> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        this.runs = List.copyOf(runs);
    }

    /**
     * Returns the runs in display order.
     *
     * @return an unmodifiable list
     */
    public List<Run> runs() {
        return runs;
    }

    /**
     * Returns the run with the highest lwlrap, the one set in bold.
     *
     * @return that run (the first of equals), or the first run if no run has a known lwlrap
     */
    public Run best() {
        Run best = runs.get(0);
        for (Run r : runs) {
            if (!Double.isNaN(r.lwlrap()) && (Double.isNaN(best.lwlrap()) || r.lwlrap() > best.lwlrap())) {
                best = r;
            }
        }
        return best;
    }

    /**
     * Renders the table as Markdown with the header {@code | Model | lwlrap | mAP | Time/epoch (s) |}.
     *
     * @return the table: metrics to 4 decimals, times to 2, the best lwlrap row in bold, unknown values as "–",
     *     lines ending in '\n'
     */
    public String toMarkdown() {
        Run best = best();
        StringBuilder sb = new StringBuilder("| Model | lwlrap | mAP | Time/epoch (s) |\n|---|---:|---:|---:|\n");
        for (Run r : runs) {
            boolean b = r == best && !Double.isNaN(r.lwlrap());
            String name = r.model().replace("|", "\\|");
            String lw = fmt(r.lwlrap(), 4);
            sb.append("| ").append(b ? "**" + name + "**" : name).append(" | ")
                    .append(b ? "**" + lw + "**" : lw).append(" | ").append(fmt(r.meanAveragePrecision(), 4))
                    .append(" | ").append(fmt(r.epochSeconds(), 2)).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Renders the table as RFC 4180 CSV with the header {@code model,lwlrap,map,epoch_seconds}.
     *
     * @return the CSV text: values at full double precision, unknown values as empty fields
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("model,lwlrap,map,epoch_seconds\n");
        for (Run r : runs) {
            sb.append(Csv.line(r.model(), PerClassReport.csv(r.lwlrap()),
                    PerClassReport.csv(r.meanAveragePrecision()), PerClassReport.csv(r.epochSeconds())));
        }
        return sb.toString();
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

    /**
     * Writes {@link #toCsv()} to a file as UTF-8, through a temporary file moved into place.
     *
     * @param file the target (created or replaced)
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
