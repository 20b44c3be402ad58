package org.audiotag.train.internal;

import java.util.Arrays;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.eval.TieRule;
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

    /** Computes a model's own loss on {@code n} windows and their targets. */
    @FunctionalInterface
    public interface LossScorer {
        /**
         * Returns the mean loss of {@code n} windows.
         *
         * @param x {@code n} windows, each of the model's example size
         * @param y {@code n × numTags} targets
         * @param n number of windows
         * @return the mean loss over the windows
         */
        float loss(float[] x, float[] y, int n);
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

    /**
     * Returns the model's own training loss (e.g. the original MCNN trainer's softmax cross-entropy) on the validation
     * windows, each window with its clip's target: the mean over all windows, computed in chunks of 64.
     *
     * @param model computes the loss of a chunk
     * @return the mean loss per window
     */
    public double modelLoss(LossScorer model) {
        int numTags = data.numTags();
        int ex = data.window() * data.bins();
        float[] x = new float[CHUNK * ex];
        float[] y = new float[CHUNK * numTags];
        int filled = 0;
        double sum = 0;
        long count = 0;
        for (int clip : data.validation()) {
            float[] t = data.dataset().target(clip);
            for (int s : windowStarts(clip)) {
                data.crop(clip, s, x, filled * ex);
                data.normalization().apply(x, filled * ex, ex);
                System.arraycopy(t, 0, y, filled * numTags, numTags);
                if (++filled == CHUNK) {
                    sum += (double) model.loss(x, y, filled) * filled;
                    count += filled;
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            sum += (double) model.loss(Arrays.copyOf(x, filled * ex), Arrays.copyOf(y, filled * numTags), filled)
                    * filled;
            count += filled;
        }
        return sum / count;
    }

    /**
     * Returns the original MCNN trainer's batch-averaged lwlrap of validation clip scores (docs/ORIGINAL-PROJECT.md
     * §3.2): the clips in a shuffled order (the original's validation loader shuffled), cut into batches, scored with
     * scikit-learn's tie rule per batch and averaged weighted by batch size.
     *
     * @param result the clip scores of a validation pass
     * @param batchSize clips per batch (64 in the original)
     * @param rng draws the order (e.g. from the run seed and the epoch)
     * @return the batch-averaged lwlrap
     */
    public static double batchAveragedLwlrap(ValidationResult result, int batchSize, java.util.SplittableRandom rng) {
        Predictions p = result.predictions();
        int n = p.nSamples();
        int c = p.nClasses();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        order = Seeds.shuffled(order, rng);
        boolean[] t = p.truthFlat();
        double[] sc = p.scoresFlat();
        boolean[] tt = new boolean[n * c];
        double[] ss = new double[n * c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t, order[i] * c, tt, i * c, c);
            System.arraycopy(sc, order[i] * c, ss, i * c, c);
        }
        return Lwlrap.batchAveraged(Predictions.ofFlat(n, c, tt, ss), batchSize, TieRule.SKLEARN);
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
