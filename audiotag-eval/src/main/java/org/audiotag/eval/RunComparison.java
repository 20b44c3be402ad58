package org.audiotag.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;

/**
 * A comparison table of several training runs, like the original project's results slide (docs/ORIGINAL-PROJECT.md §8:
 * model, lwlrap on the validation split, time of one training epoch in seconds), with mAP added. The best lwlrap is
 * set in bold in Markdown, as on the slide. Rows keep the order given.
 */
public final class RunComparison {
    /**
     * One run.
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
         * A run from its validation {@link Evaluation}: lwlrap and macro mAP.
         *
         * @param model the model / run name
         * @param evaluation the run's evaluation on the validation split
         * @param epochSeconds mean training-epoch time in seconds (NaN if unknown)
         * @return the run
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
     * @param runs the runs, in display order (copied)
     * @throws IllegalArgumentException if there is no run
     */
    public RunComparison(List<Run> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        this.runs = List.copyOf(runs);
    }

    /** @return the runs */
    public List<Run> runs() {
        return runs;
    }

    /** @return the run with the highest lwlrap (the first of equals), or the first run if none has one */
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
     * @return a Markdown table {@code | Model | lwlrap | mAP | Time/epoch (s) |}, metrics to 4 decimals, times to
     *     2, the best lwlrap row in bold, unknown values as "–"
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

    /** @return CSV with header {@code model,lwlrap,map,epoch_seconds}, full precision, unknown values empty */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("model,lwlrap,map,epoch_seconds\n");
        for (Run r : runs) {
            sb.append(Csv.line(r.model(), PerClassReport.csv(r.lwlrap()),
                    PerClassReport.csv(r.meanAveragePrecision()), PerClassReport.csv(r.epochSeconds())));
        }
        return sb.toString();
    }

    /**
     * Writes {@link #toMarkdown()} through a temporary file moved into place.
     *
     * @param file the target
     * @throws IOException if writing fails
     */
    public void writeMarkdown(Path file) throws IOException {
        AtomicFiles.writeString(file, toMarkdown());
    }

    /**
     * Writes {@link #toCsv()} through a temporary file moved into place.
     *
     * @param file the target
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
