package org.audiotag.train.internal;

import java.util.Arrays;
import org.audiotag.eval.Predictions;
import org.audiotag.models.WindowAggregation;
import org.audiotag.models.internal.Windows;

/**
 * Scores the validation clips the way an exported model tags a clip: each clip is cut into the test windows the
 * {@code Tagger} of audiotag-models cuts ({@link Windows#starts}: window length and hop of the run; only the first
 * window, left-padded, for {@link WindowAggregation#FIRST}), every window is normalised and scored, the window
 * probabilities are combined per tag (mean, max or first), and the clip scores are evaluated by audiotag-eval
 * ({@link ValidationResult}). Windows are scored in chunks of 64.
 */
public final class ValidationPass {

    /** Scores {@code n} windows laid out one after the other in {@code x}. */
    @FunctionalInterface
    public interface Scorer {
        /**
         * Returns the tag probabilities of {@code n} windows.
         *
         * @param x {@code n} windows, each of the model's example size
         * @param n number of windows
         * @return {@code n × numTags} tag probabilities, row-major
         */
        float[] predict(float[] x, int n);
    }

    private static final int CHUNK = 64;

    private final TrainingData data;
    private final WindowAggregation aggregation;

    /**
     * Creates the pass over a run's validation clips.
     *
     * @param data the run's data (validation clips, windows, normalisation)
     * @param aggregation how window scores become clip scores
     */
    public ValidationPass(TrainingData data, WindowAggregation aggregation) {
        this.data = data;
        this.aggregation = aggregation;
    }

    /**
     * Returns the starts of a clip's test windows (for a short clip, its placement in its one window).
     *
     * @param clip dataset index
     * @return the starts
     */
    public int[] windowStarts(int clip) {
        return Windows.starts(aggregation, data.frames(clip), data.window(), data.hop());
    }

    /**
     * Runs the pass.
     *
     * @param model scores windows
     * @return clip scores and metrics
     */
    public ValidationResult run(Scorer model) {
        int[] val = data.validation();
        int numTags = data.numTags();
        int ex = data.window() * data.bins();
        double[][] scores = new double[val.length][numTags];
        boolean[][] truth = new boolean[val.length][numTags];
        float[] x = new float[CHUNK * ex];
        int[] owner = new int[CHUNK];
        int filled = 0;
        int[] windows = new int[val.length];
        for (int v = 0; v < val.length; v++) {
            int clip = val[v];
            float[] t = data.dataset().target(clip);
            for (int k = 0; k < numTags; k++) {
                truth[v][k] = t[k] > 0.5f;
                if (aggregation == WindowAggregation.MAX) {
                    scores[v][k] = Double.NEGATIVE_INFINITY;
                }
            }
            int[] starts = windowStarts(clip);
            windows[v] = starts.length;
            for (int s : starts) {
                data.crop(clip, s, x, filled * ex);
                data.normalization().apply(x, filled * ex, ex);
                owner[filled++] = v;
                if (filled == CHUNK) {
                    accumulate(model, x, owner, filled, scores, ex, numTags);
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            accumulate(model, Arrays.copyOf(x, filled * ex), owner, filled, scores, ex, numTags);
        }
        double loss = 0;
        for (int v = 0; v < val.length; v++) {
            for (int k = 0; k < numTags; k++) {
                if (aggregation == WindowAggregation.MEAN) {
                    scores[v][k] /= windows[v];
                }
                double p = Math.min(Math.max(scores[v][k], 1e-7), 1 - 1e-7);
                loss -= truth[v][k] ? Math.log(p) : Math.log(1 - p);
            }
        }
        return ValidationResult.of(Predictions.of(truth, scores), loss / ((double) val.length * numTags));
    }

    private void accumulate(Scorer model, float[] x, int[] owner, int n, double[][] scores, int ex, int numTags) {
        float[] p = model.predict(x.length == n * ex ? x : Arrays.copyOf(x, n * ex), n);
        for (int i = 0; i < n; i++) {
            double[] s = scores[owner[i]];
            for (int k = 0; k < numTags; k++) {
                float v = p[i * numTags + k];
                s[k] = aggregation == WindowAggregation.MAX ? Math.max(s[k], v) : s[k] + v;
            }
        }
    }
}
