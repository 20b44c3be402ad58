package org.audiotag.train.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *
 * <p>With {@link TrainingExamples#threads()} above 1, the examples of a batch are written by that many daemon worker
 * threads, and the next batch is written while the model trains on the current one. Every example depends only on
 * (seed, epoch, position), so the batches are the same whatever the threads and their scheduling. The workers live
 * for one epoch and are shut down before {@link #run} returns.
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
        boolean[] truth = trainLwlrap ? new boolean[order.length * numTags] : null;
        double[] scores = trainLwlrap ? new double[order.length * numTags] : null;
        float[] logits = trainLwlrap ? new float[bs * numTags] : null;
        double lossSum = 0;
        int lossCount = 0;
        int seen = 0;
        long t0 = System.nanoTime();
        try (Batches source = new Batches(order, epoch, model.exampleSize())) {
            for (int b = 0; b < batches; b++) {
                int n = Math.min(bs, order.length - b * bs);
                if (n < 2) {
                    continue; // batch norm needs 2 examples; the odd one is seen in other epochs
                }
                Batch batch = source.take(b);
                float loss = model.trainStep(batch.x, batch.y, n, (float) lr, logits);
                if (!Float.isFinite(loss)) {
                    String message = String.format(Locale.ROOT, "loss became %s at epoch %d batch %d (lr %s); "
                            + "stopped, the last good checkpoint is kept", loss, epoch + 1, b + 1,
                            String.format(Locale.ROOT, "%.4g", lr));
                    return new Outcome(Double.NaN, (System.nanoTime() - t0) / 1e9, seen, message, Double.NaN);
                }
                if (trainLwlrap) {
                    for (int k = 0; k < n * numTags; k++) {
                        truth[seen * numTags + k] = batch.y[k] > 0.5f;
                        scores[seen * numTags + k] = logits[k];
                    }
                }
                lossSum += loss * n;
                lossCount += n;
                seen += n;
                listener.onBatch(epoch, b, batches, loss);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double lwlrap = Double.NaN;
        if (trainLwlrap && seen > 0) {
            lwlrap = Lwlrap.compute(Predictions.ofFlat(seen, numTags, java.util.Arrays.copyOf(truth, seen * numTags),
                    java.util.Arrays.copyOf(scores, seen * numTags))).lwlrap();
        }
        return new Outcome(lossSum / Math.max(1, lossCount), seconds, seen, null, lwlrap);
    }

    /** The examples and targets of one batch. */
    private record Batch(float[] x, float[] y) {
    }

    /**
     * Writes the batches of one epoch: on the caller's thread with one thread, else on worker threads, the batch
     * after the one taken already being written while the caller trains.
     */
    private final class Batches implements AutoCloseable {
        private final int[] order;
        private final int epoch;
        private final int exampleSize;
        private final ExecutorService workers;
        private final List<Future<?>> pending = new ArrayList<>();
        private Batch next;
        private int nextIndex = -1;

        Batches(int[] order, int epoch, int exampleSize) {
            this.order = order;
            this.epoch = epoch;
            this.exampleSize = exampleSize;
            int threads = examples.threads();
            this.workers = threads < 2 ? null : Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "audiotag-training-examples");
                t.setDaemon(true);
                return t;
            });
        }

        /** Returns batch {@code b}, written, and starts writing the next writable batch. */
        Batch take(int b) {
            Batch batch;
            if (nextIndex == b) {
                batch = next;
                await();
            } else {
                cancel();
                batch = allocate(b);
                start(b, batch);
                await();
            }
            int following = b + 1;
            int n = Math.min(batchSize, order.length - following * batchSize);
            if (workers != null && n >= 2) {
                // a fresh buffer: batch b is still to be trained on while b + 1 is written
                next = allocate(following);
                nextIndex = following;
                start(following, next);
            } else {
                nextIndex = -1;
            }
            return batch;
        }

        private Batch allocate(int b) {
            int n = Math.min(batchSize, order.length - b * batchSize);
            return new Batch(new float[n * exampleSize], new float[n * numTags]);
        }

        private void start(int b, Batch batch) {
            int from = b * batchSize;
            int n = batch.y.length / numTags;
            for (int j = 0; j < n; j++) {
                int k = j;
                Runnable write = () -> examples.write(order[from + k], epoch, from + k, batch.x, k * exampleSize,
                        batch.y, k * numTags);
                if (workers == null) {
                    write.run();
                } else {
                    pending.add(workers.submit(write));
                }
            }
        }

        private void await() {
            try {
                for (Future<?> f : pending) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing training examples", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error er) {
                    throw er;
                }
                throw new IllegalStateException(c);
            } finally {
                pending.clear();
            }
        }

        private void cancel() {
            for (Future<?> f : pending) {
                f.cancel(true);
            }
            pending.clear();
        }

        @Override
        public void close() {
            cancel();
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }
}
