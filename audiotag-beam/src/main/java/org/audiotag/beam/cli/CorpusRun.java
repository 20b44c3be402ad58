package org.audiotag.beam.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.audiotag.beam.CorpusCounts;
import org.joda.time.Duration;

/**
 * Runs a built pipeline to the end: while it runs, a progress line (files done of the total, files per second,
 * estimated time left) on standard error when that is a terminal ({@code System.console() != null}); at the end the
 * counts from Beam's metrics.
 */
final class CorpusRun {

    private CorpusRun() {
    }

    /** What a run did and how long it took. */
    record Outcome(CorpusCounts counts, double seconds) {
    }

    /**
     * Runs the pipeline and waits for it.
     *
     * @param p the pipeline
     * @param total number of files in the corpus (for the progress line)
     * @param err standard error
     * @return the counts and the wall-clock time
     * @throws CorpusException (exit code 1) if the pipeline fails
     */
    static Outcome run(Pipeline p, int total, PrintWriter err) {
        long t0 = System.nanoTime();
        boolean progress = System.console() != null;
        PipelineResult result;
        try {
            result = p.run();
            while (!result.getState().isTerminal()) {
                result.waitUntilFinish(Duration.millis(1000));
                if (progress && !result.getState().isTerminal()) {
                    printProgress(result, total, (System.nanoTime() - t0) / 1e9, err);
                }
            }
            result.waitUntilFinish();
        } catch (RuntimeException e) {
            Throwable c = e;
            while (c.getCause() != null && c instanceof Pipeline.PipelineExecutionException) {
                c = c.getCause();
            }
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            throw new CorpusException(1, "the corpus run failed: " + m, e);
        } finally {
            if (progress) {
                err.print("\r\033[K");
                err.flush();
            }
        }
        if (result.getState() != PipelineResult.State.DONE) {
            throw new CorpusException(1, "the corpus run ended in state " + result.getState(), null);
        }
        return new Outcome(counts(result), (System.nanoTime() - t0) / 1e9);
    }

    private static CorpusCounts counts(PipelineResult r) {
        try {
            return CorpusCounts.of(r);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void printProgress(PipelineResult r, int total, double seconds, PrintWriter err) {
        CorpusCounts c = counts(r);
        if (c == null) {
            return;
        }
        long n = c.done() + c.failed();
        double rate = n / Math.max(1e-9, seconds);
        String eta = rate > 0 ? clock((total - n) / rate) : "--:--";
        err.printf(Locale.ROOT, "\r\033[K%d/%d files (%d failed), %.1f files/s, ETA %s", n, total, c.failed(), rate,
                eta);
        err.flush();
    }

    private static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /**
     * Formats the final counts line, e.g. {@code read 318, tagged 317, failed 1 in 12.3 s (25.8 files/s)}.
     *
     * @param o the outcome
     * @param doneWord what "done" means for the command ({@code tagged}, {@code written})
     * @return the line
     */
    static String summary(Outcome o, String doneWord) {
        if (o.counts() == null) {
            return String.format(Locale.ROOT, "done in %.1f s (the runner reports no counts)", o.seconds());
        }
        CorpusCounts c = o.counts();
        return String.format(Locale.ROOT, "read %d, %s %d, failed %d in %.1f s (%.1f files/s)", c.read(), doneWord,
                c.done(), c.failed(), o.seconds(), c.read() / Math.max(1e-9, o.seconds()));
    }
}
