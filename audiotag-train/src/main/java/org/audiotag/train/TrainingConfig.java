package org.audiotag.train;

import java.util.Locale;
import java.util.Objects;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.data.RowPolicy;

/**
 * Immutable options of a training run, validated by {@link Builder#build()} (an {@link IllegalArgumentException}
 * naming the parameter and its allowed range). Defaults follow the original pipeline-A trainer (docs/ORIGINAL-PROJECT.md §5.1):
 * Adam lr 1e-3, batch 64, ReduceLROnPlateau(max, 0.5, 10) on validation lwlrap, early stopping after 20 epochs
 * without improvement — with the recommended fixes on: random 2-s crops (128 frames at hop 692, 44.1 kHz) at train
 * time, mean over 1-s-hop sliding windows at test time, global mean/std input normalisation, restoring the best
 * checkpoint at the end.
 */
public final class TrainingConfig {

    private final String architecture;
    private final int epochs;
    private final int batchSize;
    private final double lr;
    private final ScheduleKind schedule;
    private final double plateauFactor;
    private final int plateauPatience;
    private final int earlyStoppingPatience;
    private final double weightDecay;
    private final double clipNorm;
    private final long seed;
    private final int cropFrames;
    private final int windowHopFrames;
    private final WindowAggregation aggregation;
    private final boolean normalize;
    private final double mixProbability;
    private final boolean restoreBest;
    private final RowPolicy badAudioPolicy;
    private final int threads;

    private TrainingConfig(Builder b) {
        architecture = b.architecture;
        epochs = b.epochs;
        batchSize = b.batchSize;
        lr = b.lr;
        schedule = b.schedule;
        plateauFactor = b.plateauFactor;
        plateauPatience = b.plateauPatience;
        earlyStoppingPatience = b.earlyStoppingPatience;
        weightDecay = b.weightDecay;
        clipNorm = b.clipNorm;
        seed = b.seed;
        cropFrames = b.cropFrames;
        windowHopFrames = b.windowHopFrames;
        aggregation = b.aggregation;
        normalize = b.normalize;
        mixProbability = b.mixProbability;
        restoreBest = b.restoreBest;
        badAudioPolicy = b.badAudioPolicy;
        threads = b.threads;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.lr = lr;
        b.schedule = schedule;
        b.plateauFactor = plateauFactor;
        b.plateauPatience = plateauPatience;
        b.earlyStoppingPatience = earlyStoppingPatience;
        b.weightDecay = weightDecay;
        b.clipNorm = clipNorm;
        b.seed = seed;
        b.cropFrames = cropFrames;
        b.windowHopFrames = windowHopFrames;
        b.aggregation = aggregation;
        b.normalize = normalize;
        b.mixProbability = mixProbability;
        b.restoreBest = restoreBest;
        b.badAudioPolicy = badAudioPolicy;
        b.threads = threads;
        return b;
    }

    /** @return architecture name as the models module knows it (e.g. {@code "moddcnn"}) */
    public String architecture() {
        return architecture;
    }

    /** @return maximum number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return training batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return initial Adam learning rate */
    public double lr() {
        return lr;
    }

    /** @return the learning-rate schedule */
    public ScheduleKind schedule() {
        return schedule;
    }

    /** @return ReduceLROnPlateau factor */
    public double plateauFactor() {
        return plateauFactor;
    }

    /** @return ReduceLROnPlateau patience in epochs */
    public int plateauPatience() {
        return plateauPatience;
    }

    /** @return epochs without a strictly better validation lwlrap before stopping (0 = never stop early) */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /** @return L2 weight decay added to the gradients */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return maximum global gradient norm (0 = no clipping) */
    public double clipNorm() {
        return clipNorm;
    }

    /** @return the run seed; every random choice derives from (seed, epoch, index) */
    public long seed() {
        return seed;
    }

    /** @return frames of a training crop and of a test window (128 = 2 s at hop 692, 44.1 kHz) */
    public int cropFrames() {
        return cropFrames;
    }

    /** @return hop between test-time windows in frames */
    public int windowHopFrames() {
        return windowHopFrames;
    }

    /** @return how window scores are combined */
    public WindowAggregation aggregation() {
        return aggregation;
    }

    /** @return whether inputs are standardised by the training set's global mean and standard deviation */
    public boolean normalize() {
        return normalize;
    }

    /**
     * @return probability that a training example is mixed with another clip of the batch (labels = union,
     *     power-domain sum of the two log-mel spectrograms), 0 = off
     */
    public double mixProbability() {
        return mixProbability;
    }

    /** @return whether the best checkpoint (by validation lwlrap) is restored at the end */
    public boolean restoreBest() {
        return restoreBest;
    }

    /** @return what happens to unreadable audio files */
    public RowPolicy badAudioPolicy() {
        return badAudioPolicy;
    }

    /** @return worker threads for feature computation */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "architecture=%s epochs=%d batchSize=%d lr=%s schedule=%s plateauFactor=%s "
                + "plateauPatience=%d earlyStoppingPatience=%d weightDecay=%s clipNorm=%s seed=%d cropFrames=%d "
                + "windowHopFrames=%d aggregation=%s normalize=%s mixProbability=%s restoreBest=%s "
                + "badAudioPolicy=%s", architecture, epochs, batchSize, lr, schedule, plateauFactor, plateauPatience,
                earlyStoppingPatience, weightDecay, clipNorm, seed, cropFrames, windowHopFrames, aggregation,
                normalize, mixProbability, restoreBest, badAudioPolicy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.toString().equals(toString()) && c.threads == threads;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String architecture = "moddcnn";
        private int epochs = 1000;
        private int batchSize = 64;
        private double lr = 1e-3;
        private ScheduleKind schedule = ScheduleKind.PLATEAU;
        private double plateauFactor = 0.5;
        private int plateauPatience = 10;
        private int earlyStoppingPatience = 20;
        private double weightDecay;
        private double clipNorm;
        private long seed = 42;
        private int cropFrames = 128;
        private int windowHopFrames = 64;
        private WindowAggregation aggregation = WindowAggregation.MEAN;
        private boolean normalize = true;
        private double mixProbability;
        private boolean restoreBest = true;
        private RowPolicy badAudioPolicy = RowPolicy.FAIL;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /**
         * @param v architecture name
         * @return this
         */
        public Builder architecture(String v) {
            architecture = v;
            return this;
        }

        /**
         * @param v maximum epochs, 1..100000
         * @return this
         */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /**
         * @param v batch size, 1..4096
         * @return this
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * @param v initial learning rate, (0, 10)
         * @return this
         */
        public Builder lr(double v) {
            lr = v;
            return this;
        }

        /**
         * @param v schedule
         * @return this
         */
        public Builder schedule(ScheduleKind v) {
            schedule = v;
            return this;
        }

        /**
         * @param v plateau factor, (0, 1)
         * @return this
         */
        public Builder plateauFactor(double v) {
            plateauFactor = v;
            return this;
        }

        /**
         * @param v plateau patience, ≥ 0
         * @return this
         */
        public Builder plateauPatience(int v) {
            plateauPatience = v;
            return this;
        }

        /**
         * @param v early-stopping patience, ≥ 0 (0 = off)
         * @return this
         */
        public Builder earlyStoppingPatience(int v) {
            earlyStoppingPatience = v;
            return this;
        }

        /**
         * @param v weight decay, [0, 1)
         * @return this
         */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /**
         * @param v global-norm clip, ≥ 0
         * @return this
         */
        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /**
         * @param v seed
         * @return this
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * @param v crop frames, 1..10000
         * @return this
         */
        public Builder cropFrames(int v) {
            cropFrames = v;
            return this;
        }

        /**
         * @param v window hop, 1..cropFrames
         * @return this
         */
        public Builder windowHopFrames(int v) {
            windowHopFrames = v;
            return this;
        }

        /**
         * @param v aggregation
         * @return this
         */
        public Builder aggregation(WindowAggregation v) {
            aggregation = v;
            return this;
        }

        /**
         * @param v aggregation of the earlier API
         * @return this
         * @deprecated pass {@link WindowAggregation org.audiotag.models.WindowAggregation}
         */
        @Deprecated(forRemoval = true)
        @SuppressWarnings("removal")
        public Builder aggregation(org.audiotag.train.WindowAggregation v) {
            aggregation = v == null ? null : v.toModels();
            return this;
        }

        /**
         * @param v normalise inputs
         * @return this
         */
        public Builder normalize(boolean v) {
            normalize = v;
            return this;
        }

        /**
         * @param v mixing probability, [0, 1]
         * @return this
         */
        public Builder mixProbability(double v) {
            mixProbability = v;
            return this;
        }

        /**
         * @param v restore the best checkpoint at the end
         * @return this
         */
        public Builder restoreBest(boolean v) {
            restoreBest = v;
            return this;
        }

        /**
         * @param v policy for unreadable audio
         * @return this
         */
        public Builder badAudioPolicy(RowPolicy v) {
            badAudioPolicy = v;
            return this;
        }

        /**
         * @param v feature threads, 1..256
         * @return this
         */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public TrainingConfig build() {
            if (architecture == null || architecture.isBlank()) {
                throw new IllegalArgumentException("architecture: must be a model name");
            }
            range("epochs", epochs, 1, 100000);
            range("batchSize", batchSize, 1, 4096);
            if (!(lr > 0 && lr < 10)) {
                throw new IllegalArgumentException("lr: " + lr + " must be in (0, 10)");
            }
            Objects.requireNonNull(schedule, "schedule");
            if (!(plateauFactor > 0 && plateauFactor < 1)) {
                throw new IllegalArgumentException("plateauFactor: " + plateauFactor + " must be in (0, 1)");
            }
            range("plateauPatience", plateauPatience, 0, 100000);
            range("earlyStoppingPatience", earlyStoppingPatience, 0, 100000);
            if (!(weightDecay >= 0 && weightDecay < 1)) {
                throw new IllegalArgumentException("weightDecay: " + weightDecay + " must be in [0, 1)");
            }
            if (!(clipNorm >= 0 && Double.isFinite(clipNorm))) {
                throw new IllegalArgumentException("clipNorm: " + clipNorm + " must be ≥ 0 (0 = off)");
            }
            range("cropFrames", cropFrames, 1, 10000);
            range("windowHopFrames", windowHopFrames, 1, cropFrames);
            Objects.requireNonNull(aggregation, "aggregation");
            if (!(mixProbability >= 0 && mixProbability <= 1)) {
                throw new IllegalArgumentException("mixProbability: " + mixProbability + " must be in [0, 1]");
            }
            Objects.requireNonNull(badAudioPolicy, "badAudioPolicy");
            range("threads", threads, 1, 256);
            return new TrainingConfig(this);
        }

        private static void range(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + ": " + v + " must be in [" + lo + ", " + hi + "]");
            }
        }
    }
}
