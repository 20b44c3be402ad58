package org.audiotag.train.internal;

import java.util.Locale;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.models.TagModel;
import org.audiotag.train.TrainingListener;

/**
 * One epoch of training: the training clips in the order {@code Seeds.shuffled(train, Seeds.of(seed, 1, epoch, -1))},
 * cut into batches (a last batch of one example is skipped, batch normalisation needs two), one Adam step per batch
 * at the epoch's learning rate. Stops at the first non-finite loss. On request it keeps the logits of every training
 * step (computed in the step, before its update) and scores them with lwlrap against the examples' targets, the
 * original trainer's "train lwlrap" (docs/ORIGINAL-PROJECT.md §5.1).
 */
public final class TrainingPass {

    /**
     * What an epoch of training did.
     *
     * @param meanLoss mean training loss per example
     * @param seconds wall-clock time of the pass
     * @param examples examples trained on
     * @param failure {@code null}, or the message of a non-finite loss (epoch, batch, learning rate)
     * @param trainLwlrap lwlrap of the training steps' predictions, NaN when not asked for
     */
    public record Outcome(double meanLoss, double seconds, int examples, String failure, double trainLwlrap) {
        /** Returns the training throughput in examples per second. */
        public double examplesPerSecond() {
            return examples / seconds;
        }
    }

    private final TrainingExamples examples;
    private final int[] train;
    private final int batchSize;
    private final int numTags;
    private final long seed;
    private final boolean trainLwlrap;

    /**
     * Creates the pass over a fixed set of training clips.
     *
     * @param examples writes the examples
     * @param train the training clips
     * @param batchSize examples per batch
     * @param numTags tags per target
     * @param seed the run seed
     */
    public TrainingPass(TrainingExamples examples, int[] train, int batchSize, int numTags, long seed) {
        this(examples, train, batchSize, numTags, seed, false);
    }

    /**
     * Creates the pass over a fixed set of training clips, optionally scoring the training predictions.
     *
     * @param examples writes the examples
     * @param train the training clips
     * @param batchSize examples per batch
     * @param numTags tags per target
     * @param seed the run seed
     * @param trainLwlrap whether to compute the lwlrap of the training steps' own predictions
     */
    public TrainingPass(TrainingExamples examples, int[] train, int batchSize, int numTags, long seed,
            boolean trainLwlrap) {
        this.trainLwlrap = trainLwlrap;
        this.examples = examples;
        this.train = train.clone();
        this.batchSize = batchSize;
        this.numTags = numTags;
        this.seed = seed;
    }

    /**
     * Trains one epoch.
     *
     * @param model the model
     * @param epoch 0-based epoch
     * @param lr learning rate
     * @param listener told after every batch
     * @return the outcome
     */
    public Outcome run(TagModel model, int epoch, double lr, TrainingListener listener) {
        int[] order = Seeds.shuffled(train, Seeds.of(seed, 1, epoch, -1));
        int bs = batchSize;
        int batches = (order.length + bs - 1) / bs;
        float[] x = new float[bs * model.exampleSize()];
        float[] y = new float[bs * numTags];
        boolean[] truth = trainLwlrap ? new boolean[order.length * numTags] : null;
        double[] scores = trainLwlrap ? new double[order.length * numTags] : null;
        float[] logits = trainLwlrap ? new float[bs * numTags] : null;
        double lossSum = 0;
        int lossCount = 0;
        int seen = 0;
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int from = b * bs;
            int n = Math.min(bs, order.length - from);
            if (n < 2) {
                continue; // batch norm needs 2 examples; the odd one is seen in other epochs
            }
            float[] xb = n == bs ? x : new float[n * model.exampleSize()];
            float[] yb = n == bs ? y : new float[n * numTags];
            for (int j = 0; j < n; j++) {
                examples.write(order[from + j], epoch, from + j, xb, j * model.exampleSize(), yb, j * numTags);
            }
            float loss = model.trainStep(xb, yb, n, (float) lr, logits);
            if (!Float.isFinite(loss)) {
                String message = String.format(Locale.ROOT, "loss became %s at epoch %d batch %d (lr %s); "
                        + "stopped, the last good checkpoint is kept", loss, epoch + 1, b + 1,
                        String.format(Locale.ROOT, "%.4g", lr));
                return new Outcome(Double.NaN, (System.nanoTime() - t0) / 1e9, seen, message, Double.NaN);
            }
            if (trainLwlrap) {
                for (int k = 0; k < n * numTags; k++) {
                    truth[seen * numTags + k] = yb[k] > 0.5f;
                    scores[seen * numTags + k] = logits[k];
                }
            }
            lossSum += loss * n;
            lossCount += n;
            seen += n;
            listener.onBatch(epoch, b, batches, loss);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double lwlrap = Double.NaN;
        if (trainLwlrap && seen > 0) {
            lwlrap = Lwlrap.compute(Predictions.ofFlat(seen, numTags, java.util.Arrays.copyOf(truth, seen * numTags),
                    java.util.Arrays.copyOf(scores, seen * numTags))).lwlrap();
        }
        return new Outcome(lossSum / Math.max(1, lossCount), seconds, seen, null, lwlrap);
    }
}
