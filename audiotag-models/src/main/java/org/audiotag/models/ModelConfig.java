package org.audiotag.models;

import java.util.Arrays;

/**
 * Immutable options of an architecture build: input shape, number of tags, layer widths, seed, loss and optimiser
 * settings. Defaults are the original project's (80 tags, the architecture's input shape and widths, BCE with logits,
 * Adam with lr 1e-3, betas 0.9/0.999, eps 1e-8, no weight decay, no clipping; docs/ORIGINAL-PROJECT.md §5).
 * Validated by {@link Builder#build()} with messages naming the parameter and its range; the architecture-specific
 * checks (rank of the input shape, number of widths) happen in {@link Architecture#build(ModelConfig)}.
 *
 * {@snippet :
 * ModelConfig config = ModelConfig.builder()
 *         .numTags(10)                          // 10 sigmoid outputs (multi-label)
 *         .inputShape(256, 64, 1)               // 256 frames x 64 mels x 1 channel, time-major
 *         .widths(32, 64, 64, 128)              // DCNN: conv1, conv2, conv3, hidden
 *         .seed(42)                             // initial weights and dropout masks
 *         .learningRate(3e-4f).adam(0.9f, 0.999f, 1e-8f).weightDecay(1e-5f).clipNorm(5f)
 *         .labelSmoothing(0.05f)
 *         .build();
 * long parameters = Architecture.DCNN.parameterCount(config);
 * ModelConfig inferenceOnly = config.toBuilder().trainingGraph(false).build();   // no loss, no Adam
 * }
 */
public final class ModelConfig {

    private final int[] inputShape;
    private final int numTags;
    private final int[] widths;
    private final long seed;
    private final LossKind loss;
    private final float labelSmoothing;
    private final float[] classWeights;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float clipNorm;
    private final int mclnnOrder;
    private final int mclnnBandwidth;
    private final int mclnnOverlap;
    private final boolean trainingGraph;
    private final boolean forceCpu;

    private ModelConfig(Builder b) {
        this.inputShape = b.inputShape == null ? null : b.inputShape.clone();
        this.numTags = b.numTags;
        this.widths = b.widths == null ? null : b.widths.clone();
        this.seed = b.seed;
        this.loss = b.loss;
        this.labelSmoothing = b.labelSmoothing;
        this.classWeights = b.classWeights == null ? null : b.classWeights.clone();
        this.learningRate = b.learningRate;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
        this.clipNorm = b.clipNorm;
        this.mclnnOrder = b.mclnnOrder;
        this.mclnnBandwidth = b.mclnnBandwidth;
        this.mclnnOverlap = b.mclnnOverlap;
        this.trainingGraph = b.trainingGraph;
        this.forceCpu = b.forceCpu;
    }

    /**
     * Returns a builder with the original project's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the original project's configuration: 80 tags, the architecture's own input shape and widths, BCE,
     * Adam(1e-3, 0.9, 0.999, 1e-8), seed 0.
     *
     * @return the defaults
     */
    public static ModelConfig defaults() {
        return builder().build();
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inputShape = inputShape;
        b.numTags = numTags;
        b.widths = widths;
        b.seed = seed;
        b.loss = loss;
        b.labelSmoothing = labelSmoothing;
        b.classWeights = classWeights;
        b.learningRate = learningRate;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.weightDecay = weightDecay;
        b.clipNorm = clipNorm;
        b.mclnnOrder = mclnnOrder;
        b.mclnnBandwidth = mclnnBandwidth;
        b.mclnnOverlap = mclnnOverlap;
        b.trainingGraph = trainingGraph;
        b.forceCpu = forceCpu;
        return b;
    }

    /**
     * Returns the per-example input shape, time axis first, without the batch axis.
     *
     * @return a copy of the shape, or null for the architecture's default
     */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /**
     * Returns the number of output tags, the model's logits.
     *
     * @return {@code numTags}, {@code >= 1}
     */
    public int numTags() {
        return numTags;
    }

    /**
     * Returns the layer widths, whose meaning each {@link Architecture} constant documents.
     *
     * @return a copy of the widths, or null for the original widths
     */
    public int[] widths() {
        return widths == null ? null : widths.clone();
    }

    /**
     * Returns the seed of the weight initialisers and the dropout masks.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the training loss.
     *
     * @return the loss kind
     */
    public LossKind loss() {
        return loss;
    }

    /**
     * Returns the binary label smoothing {@code s} of the BCE loss: targets become {@code y (1 - s) + s / 2}.
     *
     * @return {@code s} in [0, 1), 0 = none
     */
    public float labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * Returns the per-tag weights multiplying each tag's BCE terms.
     *
     * @return a copy of the weights, or null for none
     */
    public float[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /**
     * Returns the default Adam learning rate; the rate fed to a training step overrides it.
     *
     * @return the learning rate
     */
    public float learningRate() {
        return learningRate;
    }

    /**
     * Returns Adam's first-moment decay {@code beta1}.
     *
     * @return {@code beta1} in [0, 1)
     */
    public float beta1() {
        return beta1;
    }

    /**
     * Returns Adam's second-moment decay {@code beta2}.
     *
     * @return {@code beta2} in [0, 1)
     */
    public float beta2() {
        return beta2;
    }

    /**
     * Returns Adam's denominator epsilon.
     *
     * @return {@code epsilon} &gt; 0
     */
    public float epsilon() {
        return epsilon;
    }

    /**
     * Returns the L2 weight decay added to the gradients (PyTorch Adam's {@code weight_decay}).
     *
     * @return the coefficient, 0 = none
     */
    public float weightDecay() {
        return weightDecay;
    }

    /**
     * Returns the maximum global gradient norm ({@code clip_grad_norm_}).
     *
     * @return the norm, 0 = no clipping
     */
    public float clipNorm() {
        return clipNorm;
    }

    /**
     * Returns the MCLNN order {@code n}: each layer sees {@code 2n+1} frames.
     *
     * @return the order
     */
    public int mclnnOrder() {
        return mclnnOrder;
    }

    /**
     * Returns the MCLNN mask bandwidth, the input features per band.
     *
     * @return the bandwidth
     */
    public int mclnnBandwidth() {
        return mclnnBandwidth;
    }

    /**
     * Returns the MCLNN mask overlap, the features shared by successive bands.
     *
     * @return the overlap
     */
    public int mclnnOverlap() {
        return mclnnOverlap;
    }

    /**
     * Returns whether the training path, loss and Adam ops are built.
     *
     * @return false for an inference graph only
     */
    public boolean trainingGraph() {
        return trainingGraph;
    }

    /**
     * Returns whether the model's session hides GPUs ({@code device_count {GPU: 0}}).
     *
     * @return true to run on the CPU
     */
    public boolean forceCpu() {
        return forceCpu;
    }

    @Override
    public String toString() {
        return "ModelConfig{inputShape=" + Arrays.toString(inputShape) + ", numTags=" + numTags + ", widths="
                + Arrays.toString(widths) + ", seed=" + seed + ", loss=" + loss + ", labelSmoothing=" + labelSmoothing
                + ", classWeights=" + (classWeights == null ? "none" : classWeights.length + " values")
                + ", learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ", weightDecay=" + weightDecay + ", clipNorm=" + clipNorm + ", mclnnOrder=" + mclnnOrder
                + ", mclnnBandwidth=" + mclnnBandwidth + ", mclnnOverlap=" + mclnnOverlap
                + ", trainingGraph=" + trainingGraph + ", forceCpu=" + forceCpu + "}";
    }

    /**
     * Mutable builder of {@link ModelConfig}, starting from the original project's defaults; {@link #build()}
     * validates.
     */
    public static final class Builder {
        private int[] inputShape;
        private int numTags = 80;
        private int[] widths;
        private long seed;
        private LossKind loss = LossKind.BINARY_CROSS_ENTROPY;
        private float labelSmoothing;
        private float[] classWeights;
        private float learningRate = 1e-3f;
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;
        private float weightDecay;
        private float clipNorm;
        private int mclnnOrder = 4;
        private int mclnnBandwidth = 64;
        private int mclnnOverlap = 32;
        private boolean trainingGraph = true;
        private boolean forceCpu;

        private Builder() {
        }

        /**
         * Sets the per-example input shape, time axis first (default: the architecture's).
         *
         * @param shape per-example input shape without the batch axis (e.g. {@code 128, 128, 1}), or null for default
         * @return this builder
         */
        public Builder inputShape(int... shape) {
            this.inputShape = shape == null ? null : shape.clone();
            return this;
        }

        /**
         * Sets the number of tags, the model's outputs (default 80).
         *
         * @param n number of tags, {@code >= 1}
         * @return this builder
         */
        public Builder numTags(int n) {
            this.numTags = n;
            return this;
        }

        /**
         * Sets the layer widths (default: the architecture's original widths).
         *
         * @param w layer widths as documented per {@link Architecture}, or null for the original widths
         * @return this builder
         */
        public Builder widths(int... w) {
            this.widths = w == null ? null : w.clone();
            return this;
        }

        /**
         * Sets the seed of the initialisers and dropout masks (default 0).
         *
         * @param s seed of initialisers and dropout
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Sets the training loss (default {@link LossKind#BINARY_CROSS_ENTROPY}).
         *
         * @param l loss kind
         * @return this builder
         */
        public Builder loss(LossKind l) {
            this.loss = l;
            return this;
        }

        /**
         * Sets the binary label smoothing of the BCE loss (default 0).
         *
         * @param s binary label smoothing in [0, 1)
         * @return this builder
         */
        public Builder labelSmoothing(float s) {
            this.labelSmoothing = s;
            return this;
        }

        /**
         * Sets per-tag weights of the BCE loss (default none).
         *
         * @param w one weight per tag (all &gt; 0), or null
         * @return this builder
         */
        public Builder classWeights(float... w) {
            this.classWeights = w == null ? null : w.clone();
            return this;
        }

        /**
         * Sets the default Adam learning rate (default 1e-3).
         *
         * @param lr default learning rate, &gt; 0
         * @return this builder
         */
        public Builder learningRate(float lr) {
            this.learningRate = lr;
            return this;
        }

        /**
         * Sets Adam's moment decays and epsilon (defaults 0.9, 0.999, 1e-8).
         *
         * @param b1 Adam beta1 in [0, 1)
         * @param b2 Adam beta2 in [0, 1)
         * @param eps Adam epsilon &gt; 0
         * @return this builder
         */
        public Builder adam(float b1, float b2, float eps) {
            this.beta1 = b1;
            this.beta2 = b2;
            this.epsilon = eps;
            return this;
        }

        /**
         * Sets the L2 weight decay added to the gradients (default 0).
         *
         * @param wd L2 weight decay &gt;= 0
         * @return this builder
         */
        public Builder weightDecay(float wd) {
            this.weightDecay = wd;
            return this;
        }

        /**
         * Sets the maximum global gradient norm (default 0: no clipping).
         *
         * @param norm maximum global gradient norm, 0 for none
         * @return this builder
         */
        public Builder clipNorm(float norm) {
            this.clipNorm = norm;
            return this;
        }

        /**
         * Sets the MCLNN order and band mask (defaults 4, 64, 32; MCNN architectures only).
         *
         * @param order     MCLNN order n &gt;= 0 (kernel 2n+1)
         * @param bandwidth mask bandwidth &gt;= 1
         * @param overlap   mask overlap in [0, bandwidth)
         * @return this builder
         */
        public Builder mclnn(int order, int bandwidth, int overlap) {
            this.mclnnOrder = order;
            this.mclnnBandwidth = bandwidth;
            this.mclnnOverlap = overlap;
            return this;
        }

        /**
         * Sets whether the training path, loss and optimiser are built.
         *
         * @param t build the training path, loss and optimiser (default true)
         * @return this builder
         */
        public Builder trainingGraph(boolean t) {
            this.trainingGraph = t;
            return this;
        }

        /**
         * Sets whether the session hides GPUs (default false).
         *
         * @param cpu hide GPUs from the session even with the GPU native build
         * @return this builder
         */
        public Builder forceCpu(boolean cpu) {
            this.forceCpu = cpu;
            return this;
        }

        /**
         * Validates every option and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter and its allowed range
         */
        public ModelConfig build() {
            if (numTags < 1) {
                throw new IllegalArgumentException("numTags must be >= 1, got " + numTags);
            }
            if (inputShape != null) {
                if (inputShape.length == 0) {
                    throw new IllegalArgumentException("inputShape must have at least one dimension");
                }
                for (int d : inputShape) {
                    if (d < 1) {
                        throw new IllegalArgumentException("inputShape dimensions must be >= 1, got "
                                + Arrays.toString(inputShape));
                    }
                }
            }
            if (widths != null) {
                for (int d : widths) {
                    if (d < 1) {
                        throw new IllegalArgumentException("widths must all be >= 1, got " + Arrays.toString(widths));
                    }
                }
            }
            if (loss == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            if (!(labelSmoothing >= 0f && labelSmoothing < 1f)) {
                throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
            }
            if (classWeights != null) {
                if (classWeights.length != numTags) {
                    throw new IllegalArgumentException("classWeights must have numTags = " + numTags
                            + " entries, got " + classWeights.length);
                }
                for (int i = 0; i < classWeights.length; i++) {
                    if (!(classWeights[i] > 0f) || !Float.isFinite(classWeights[i])) {
                        throw new IllegalArgumentException("classWeights[" + i + "] must be finite and > 0, got "
                                + classWeights[i]);
                    }
                }
            }
            if ((labelSmoothing > 0f || classWeights != null) && loss != LossKind.BINARY_CROSS_ENTROPY) {
                throw new IllegalArgumentException(
                        "labelSmoothing and classWeights apply to BINARY_CROSS_ENTROPY only");
            }
            if (!(learningRate > 0f) || !Float.isFinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
            }
            if (!(beta1 >= 0f && beta1 < 1f)) {
                throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
            }
            if (!(beta2 >= 0f && beta2 < 1f)) {
                throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
            }
            if (!(epsilon > 0f)) {
                throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
            }
            if (!(weightDecay >= 0f) || !Float.isFinite(weightDecay)) {
                throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
            }
            if (!(clipNorm >= 0f) || !Float.isFinite(clipNorm)) {
                throw new IllegalArgumentException("clipNorm must be finite and >= 0 (0 = off), got " + clipNorm);
            }
            if (mclnnOrder < 0) {
                throw new IllegalArgumentException("mclnnOrder must be >= 0, got " + mclnnOrder);
            }
            if (mclnnBandwidth < 1) {
                throw new IllegalArgumentException("mclnnBandwidth must be >= 1, got " + mclnnBandwidth);
            }
            if (mclnnOverlap < 0 || mclnnOverlap >= mclnnBandwidth) {
                throw new IllegalArgumentException("mclnnOverlap must be in [0, mclnnBandwidth - 1 = "
                        + (mclnnBandwidth - 1) + "], got " + mclnnOverlap);
            }
            return new ModelConfig(this);
        }
    }
}
