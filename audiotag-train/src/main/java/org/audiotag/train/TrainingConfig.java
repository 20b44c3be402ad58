package org.audiotag.train;

import java.util.Locale;
import java.util.Objects;
import org.audiotag.models.LossKind;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.data.RowPolicy;

/**
 * Immutable options of a training run, validated by {@link Builder#build()} (an {@link IllegalArgumentException}
 * naming the parameter and its allowed range). Defaults follow the original pipeline-A trainer
 * (docs/ORIGINAL-PROJECT.md §5.1): Adam lr 1e-3, batch 64, ReduceLROnPlateau(max, 0.5, 10) on validation lwlrap,
 * early stopping after 20 epochs without improvement, at most 1000 epochs — with the recommended fixes on
 * (docs/ORIGINAL-PROJECT.md §10.3-§10.5, §10.13): random 2-s crops (128 frames at hop 692, 44.1 kHz) at train
 * time, mean over 1-s-hop sliding windows at test time, global mean/std input normalisation, restoring the best
 * checkpoint at the end, every random choice drawn from the seed.
 *
 * <p>Build one, change a copy, and hand it to {@link Trainer#builder(TrainingConfig)}:
 * {@snippet :
 * TrainingConfig cfg = TrainingConfig.builder()
 *         .architecture("dcnn")                  // Architecture.byName of audiotag-models
 *         .epochs(40).batchSize(32).lr(1e-3)
 *         .schedule(ScheduleKind.COSINE)
 *         .earlyStoppingPatience(0)              // 0 = never stop early
 *         .seed(7)
 *         .build();                              // IllegalArgumentException naming a bad value
 * TrainingConfig longer = cfg.toBuilder().epochs(100).build();
 * }
 * Two configurations are equal when every option is; the text of {@link #toString()} (all options but
 * {@link #threads()}) is part of a run's identity in its {@link RunFolder}, so a run resumes only with the same
 * options.
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
    private final String recipe;
    private final LossKind loss;
    private final boolean trainLwlrap;
    private final int batchLwlrapSize;

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
        recipe = b.recipe;
        loss = b.loss;
        trainLwlrap = b.trainLwlrap;
        batchLwlrapSize = b.batchLwlrapSize;
    }

    /**
     * Starts a builder holding the defaults: architecture {@code moddcnn}, 1000 epochs, batch 64, lr 1e-3,
     * {@link ScheduleKind#PLATEAU} (factor 0.5, patience 10), early-stopping patience 20, no weight decay or
     * clipping, seed 42, 128-frame crops, 64-frame window hop, {@link WindowAggregation#MEAN}, normalisation on,
     * no mixing, restore the best epoch, {@link RowPolicy#FAIL}, one feature thread per processor, recipe
     * {@code custom}, BCE loss, no train lwlrap, no batch-averaged lwlrap.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this configuration's values, to derive a changed copy.
     *
     * @return a new builder
     */
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
        b.recipe = recipe;
        b.loss = loss;
        b.trainLwlrap = trainLwlrap;
        b.batchLwlrapSize = batchLwlrapSize;
        return b;
    }

    /**
     * Returns the architecture name as audiotag-models' {@code Architecture.byName} knows it (e.g. {@code "moddcnn"}).
     */
    public String architecture() {
        return architecture;
    }

    /**
     * Returns the maximum number of epochs (the original capped the mel models at 1000, the raw-audio models at 200).
     */
    public int epochs() {
        return epochs;
    }

    /** Returns the training batch size in examples (64 in the original). */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the initial Adam learning rate (1e-3 in the original, 1e-4 for SampleCNN). */
    public double lr() {
        return lr;
    }

    /** Returns the kind of learning-rate schedule, stepped once per epoch. */
    public ScheduleKind schedule() {
        return schedule;
    }

    /**
     * Returns the factor the learning rate is multiplied by when {@link ScheduleKind#PLATEAU} sees a plateau (0.5 in
     * the original).
     */
    public double plateauFactor() {
        return plateauFactor;
    }

    /**
     * Returns how many epochs without a relative lwlrap improvement of 1e-4 {@link ScheduleKind#PLATEAU} tolerates
     * before it lowers the rate (10 in the original, {@link LrSchedule#reduceOnPlateau}).
     */
    public int plateauPatience() {
        return plateauPatience;
    }

    /**
     * Returns the epochs without a strictly better validation lwlrap before the run stops early, 0 = never (20 in the
     * original).
     */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /** Returns the L2 weight decay added to the gradients (0 in the original). */
    public double weightDecay() {
        return weightDecay;
    }

    /** Returns the maximum global gradient norm, 0 = no clipping (the original clipped nothing). */
    public double clipNorm() {
        return clipNorm;
    }

    /**
     * Returns the run seed; every random choice (order, crops, mixing, augmentation, initial weights) derives from
     * (seed, epoch, index).
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the frames of a training crop and of a test window (128 = 2 s at hop 692 and 44.1 kHz, the original's
     * input length).
     */
    public int cropFrames() {
        return cropFrames;
    }

    /** Returns the hop between test-time windows in frames (64 = 1 s under pipeline A). */
    public int windowHopFrames() {
        return windowHopFrames;
    }

    /** Returns how the per-window tag probabilities of a validation or test clip are combined. */
    public WindowAggregation aggregation() {
        return aggregation;
    }

    /**
     * Returns whether inputs are standardised by the training set's global mean and standard deviation (the original
     * fed raw dB values).
     */
    public boolean normalize() {
        return normalize;
    }

    /**
     * Returns the probability that a training example is mixed with another training clip, 0 = off: the labels are
     * the union, the log-mels the power-domain sum (docs/ORIGINAL-PROJECT.md §6 mixed waveforms instead).
     */
    public double mixProbability() {
        return mixProbability;
    }

    /**
     * Returns whether the best epoch's checkpoint (by validation lwlrap) is restored before the final evaluation and
     * export.
     */
    public boolean restoreBest() {
        return restoreBest;
    }

    /** Returns what happens to audio files that cannot be decoded: fail the run, or leave the clip out. */
    public RowPolicy badAudioPolicy() {
        return badAudioPolicy;
    }

    /** Returns the number of worker threads that compute features into the cache. */
    public int threads() {
        return threads;
    }

    /**
     * Returns the name of the {@link Recipe} these options were made from ({@code seed2019}, {@code modern}), or
     * {@code custom} when none was named; recorded in the run's provenance.
     */
    public String recipe() {
        return recipe;
    }

    /**
     * Returns the training loss: sigmoid binary cross-entropy (the pipeline-A/B trainer's and the default), or the
     * original MCNN trainer's softmax cross-entropy with multi-hot targets (docs/ORIGINAL-PROJECT.md §3.3).
     */
    public LossKind loss() {
        return loss;
    }

    /**
     * Returns whether each epoch also records the lwlrap of the training predictions made during the training pass
     * (the original pipeline-A/B trainer's "train lwlrap", docs/ORIGINAL-PROJECT.md §5.1).
     */
    public boolean trainLwlrap() {
        return trainLwlrap;
    }

    /**
     * Returns the batch size of the batch-averaged validation lwlrap the original MCNN trainer printed
     * (docs/ORIGINAL-PROJECT.md §3.2: scikit-learn's ranking per shuffled batch of 64, averaged), recorded each epoch
     * beside the exact one; 0 = not computed.
     */
    public int batchLwlrapSize() {
        return batchLwlrapSize;
    }

    /**
     * Returns every option but {@link #threads()} as text; the options added after release 0.2 ({@code recipe},
     * {@code loss}, {@code trainLwlrap}, {@code batchLwlrapSize}) appear only when not at their defaults, so runs of
     * earlier releases keep their identity.
     */
    @Override
    public String toString() {
        String base = String.format(Locale.ROOT, "architecture=%s epochs=%d batchSize=%d lr=%s schedule=%s "
                + "plateauFactor=%s plateauPatience=%d earlyStoppingPatience=%d weightDecay=%s clipNorm=%s seed=%d "
                + "cropFrames=%d windowHopFrames=%d aggregation=%s normalize=%s mixProbability=%s restoreBest=%s "
                + "badAudioPolicy=%s", architecture, epochs, batchSize, lr, schedule, plateauFactor, plateauPatience,
                earlyStoppingPatience, weightDecay, clipNorm, seed, cropFrames, windowHopFrames, aggregation,
                normalize, mixProbability, restoreBest, badAudioPolicy);
        StringBuilder sb = new StringBuilder(base);
        if (!recipe.equals(Recipe.CUSTOM)) {
            sb.append(" recipe=").append(recipe);
        }
        if (loss != LossKind.BINARY_CROSS_ENTROPY) {
            sb.append(" loss=").append(loss);
        }
        if (trainLwlrap) {
            sb.append(" trainLwlrap=true");
        }
        if (batchLwlrapSize > 0) {
            sb.append(" batchLwlrapSize=").append(batchLwlrapSize);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.toString().equals(toString()) && c.threads == threads;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * Collects the options of a {@link TrainingConfig}; setters only record, {@link #build()} checks every value
     * once and names the first one out of range. Not thread-safe.
     */
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
        private String recipe = Recipe.CUSTOM;
        private LossKind loss = LossKind.BINARY_CROSS_ENTROPY;
        private boolean trainLwlrap;
        private int batchLwlrapSize;

        private Builder() {
        }

        /**
         * Records the name of the {@link Recipe} the options come from (default {@code custom}); {@link
         * Recipe#configFor} sets it. It changes no behaviour by itself.
         *
         * @param v a recipe name, non-blank, letters, digits and '-' only
         * @return this builder
         */
        public Builder recipe(String v) {
            recipe = v;
            return this;
        }

        /**
         * Sets the training loss (default {@link LossKind#BINARY_CROSS_ENTROPY}; {@link
         * LossKind#SOFTMAX_CROSS_ENTROPY} is the original MCNN trainer's, docs/ORIGINAL-PROJECT.md §3.3). The
         * validation loss of each epoch is then this loss on the validation windows.
         *
         * @param v the loss, not {@code null}
         * @return this builder
         */
        public Builder loss(LossKind v) {
            loss = v;
            return this;
        }

        /**
         * Sets whether each epoch records the lwlrap of the training pass's own predictions (default off;
         * docs/ORIGINAL-PROJECT.md §5.1).
         *
         * @param v whether to record it
         * @return this builder
         */
        public Builder trainLwlrap(boolean v) {
            trainLwlrap = v;
            return this;
        }

        /**
         * Sets the batch size of the batch-averaged validation lwlrap recorded beside the exact one (default 0 = not
         * computed; the original MCNN trainer used 64 on a shuffled loader, docs/ORIGINAL-PROJECT.md §3.2).
         *
         * @param v samples per batch, 0..4096
         * @return this builder
         */
        public Builder batchLwlrapSize(int v) {
            batchLwlrapSize = v;
            return this;
        }

        /**
         * Sets the architecture by its audiotag-models name: {@code dcnn}, {@code moddcnn}, {@code kaggle},
         * {@code gru}, {@code mcnn}, {@code samplecnn}, {@code rese2multi}, ... (default {@code moddcnn}).
         *
         * @param v a non-blank name; an unknown one fails when training starts
         * @return this builder
         */
        public Builder architecture(String v) {
            architecture = v;
            return this;
        }

        /**
         * Sets the maximum number of epochs (default 1000).
         *
         * @param v epochs, 1..100000
         * @return this builder
         */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /**
         * Sets the training batch size in examples (default 64).
         *
         * @param v examples per batch, 1..4096
         * @return this builder
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * Sets the initial Adam learning rate (default 1e-3).
         *
         * @param v the rate, in (0, 10)
         * @return this builder
         */
        public Builder lr(double v) {
            lr = v;
            return this;
        }

        /**
         * Sets the learning-rate schedule (default {@link ScheduleKind#PLATEAU}).
         *
         * @param v the schedule kind, not {@code null}
         * @return this builder
         */
        public Builder schedule(ScheduleKind v) {
            schedule = v;
            return this;
        }

        /**
         * Sets the factor {@link ScheduleKind#PLATEAU} multiplies the rate by on a plateau (default 0.5).
         *
         * @param v the factor, in (0, 1)
         * @return this builder
         */
        public Builder plateauFactor(double v) {
            plateauFactor = v;
            return this;
        }

        /**
         * Sets the epochs without improvement before {@link ScheduleKind#PLATEAU} lowers the rate (default 10).
         *
         * @param v epochs, 0..100000
         * @return this builder
         */
        public Builder plateauPatience(int v) {
            plateauPatience = v;
            return this;
        }

        /**
         * Sets the epochs without a strictly better validation lwlrap before the run stops (default 20).
         *
         * @param v epochs, 0..100000; 0 turns early stopping off
         * @return this builder
         */
        public Builder earlyStoppingPatience(int v) {
            earlyStoppingPatience = v;
            return this;
        }

        /**
         * Sets the L2 weight decay added to the gradients (default 0).
         *
         * @param v the decay, in [0, 1)
         * @return this builder
         */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /**
         * Sets the maximum global gradient norm (default 0 = no clipping).
         *
         * @param v the norm, finite and ≥ 0
         * @return this builder
         */
        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /**
         * Sets the run seed every random choice derives from (default 42).
         *
         * @param v any value
         * @return this builder
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * Sets the length of training crops and test windows in frames (default 128 = 2 s under pipeline A).
         *
         * @param v frames, 1..10000; raw-waveform models take {@code v × 2 / 128} seconds of samples instead
         *     (128 frames = 88200 samples at 44.1 kHz, the original's pipeline-B input)
         * @return this builder
         */
        public Builder cropFrames(int v) {
            cropFrames = v;
            return this;
        }

        /**
         * Sets the hop between test-time windows in frames (default 64 = 1 s under pipeline A).
         *
         * @param v frames, 1..{@code cropFrames}
         * @return this builder
         */
        public Builder windowHopFrames(int v) {
            windowHopFrames = v;
            return this;
        }

        /**
         * Sets how window probabilities are combined per clip (default {@link WindowAggregation#MEAN}; {@link
         * WindowAggregation#FIRST} is the original's first 2 s).
         *
         * @param v the aggregation, not {@code null}
         * @return this builder
         */
        public Builder aggregation(WindowAggregation v) {
            aggregation = v;
            return this;
        }

        /**
         * Sets how window probabilities are combined, given as the earlier train-side enum.
         *
         * @param v aggregation of the earlier API
         * @return this builder
         * @deprecated pass {@link WindowAggregation org.audiotag.models.WindowAggregation}
         */
        @Deprecated(forRemoval = true)
        @SuppressWarnings("removal")
        public Builder aggregation(org.audiotag.train.WindowAggregation v) {
            aggregation = v == null ? null : v.toModels();
            return this;
        }

        /**
         * Sets whether inputs are standardised by the training set's global mean and standard deviation (default on).
         *
         * @param v {@code false} feeds raw dB values, as the original did (docs/ORIGINAL-PROJECT.md §10.5)
         * @return this builder
         */
        public Builder normalize(boolean v) {
            normalize = v;
            return this;
        }

        /**
         * Sets the probability that a training example is mixed with another clip (default 0); an {@link AugmentSpec}
         * with {@code mix} overrides it.
         *
         * @param v the probability, in [0, 1]
         * @return this builder
         */
        public Builder mixProbability(double v) {
            mixProbability = v;
            return this;
        }

        /**
         * Sets whether the best epoch's checkpoint is restored at the end (default on; the original kept the last
         * weights).
         *
         * @param v whether to restore
         * @return this builder
         */
        public Builder restoreBest(boolean v) {
            restoreBest = v;
            return this;
        }

        /**
         * Sets what happens to audio that cannot be decoded (default {@link RowPolicy#FAIL}).
         *
         * @param v the policy, not {@code null}
         * @return this builder
         */
        public Builder badAudioPolicy(RowPolicy v) {
            badAudioPolicy = v;
            return this;
        }

        /**
         * Sets the number of threads that compute features (default: one per available processor).
         *
         * @param v threads, 1..256
         * @return this builder
         */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * Checks every option and builds the configuration.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException naming the first parameter out of range and its allowed range
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
            if (recipe == null || !recipe.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("recipe: '" + recipe + "' must be a name of letters, digits and "
                        + "'-'");
            }
            Objects.requireNonNull(loss, "loss");
            range("batchLwlrapSize", batchLwlrapSize, 0, 4096);
            return new TrainingConfig(this);
        }

        private static void range(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + ": " + v + " must be in [" + lo + ", " + hi + "]");
            }
        }
    }
}
