package org.audiotag.models;

import java.util.Arrays;

/**
 * Immutable options of an architecture build: input shape, number of tags, layer widths, seed, loss and optimiser
 * settings. Defaults are the original project's (80 tags, the architecture's input shape and widths, BCE, Adam with
 * lr 1e-3, betas 0.9/0.999, eps 1e-8, no weight decay, no clipping). Validated by {@link Builder#build()}; the
 * architecture-specific checks (rank of the input shape, number of widths) happen in
 * {@link Architecture#build(ModelConfig)}.
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

    /** @return a builder with the original project's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults: 80 tags, original shapes and widths */
    public static ModelConfig defaults() {
        return builder().build();
    }

    /** @return a builder initialised with this configuration */
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

    /** @return per-example input shape (without batch), or null for the architecture's default (a copy) */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /** @return number of output tags (logits) */
    public int numTags() {
        return numTags;
    }

    /** @return layer widths as documented per {@link Architecture}, or null for the original widths (a copy) */
    public int[] widths() {
        return widths == null ? null : widths.clone();
    }

    /** @return seed of initialisers and dropout masks */
    public long seed() {
        return seed;
    }

    /** @return the training loss */
    public LossKind loss() {
        return loss;
    }

    /** @return binary label smoothing {@code s} (BCE only), 0 = none */
    public float labelSmoothing() {
        return labelSmoothing;
    }

    /** @return per-tag BCE weights, or null (a copy) */
    public float[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** @return default Adam learning rate (fed value overrides it) */
    public float learningRate() {
        return learningRate;
    }

    /** @return Adam beta1 */
    public float beta1() {
        return beta1;
    }

    /** @return Adam beta2 */
    public float beta2() {
        return beta2;
    }

    /** @return Adam epsilon */
    public float epsilon() {
        return epsilon;
    }

    /** @return L2 weight decay added to gradients */
    public float weightDecay() {
        return weightDecay;
    }

    /** @return maximum global gradient norm, 0 = no clipping */
    public float clipNorm() {
        return clipNorm;
    }

    /** @return MCLNN order n (kernel 2n+1 over time) */
    public int mclnnOrder() {
        return mclnnOrder;
    }

    /** @return MCLNN mask bandwidth */
    public int mclnnBandwidth() {
        return mclnnBandwidth;
    }

    /** @return MCLNN mask overlap */
    public int mclnnOverlap() {
        return mclnnOverlap;
    }

    /** @return whether the training path, loss and Adam ops are built (false: inference graph only) */
    public boolean trainingGraph() {
        return trainingGraph;
    }

    /** @return whether the session hides GPUs ({@code device_count {GPU: 0}}) */
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

    /** Mutable builder; {@link #build()} validates. */
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
         * @param shape per-example input shape without the batch axis (e.g. {@code 128, 128, 1}), or null for default
         * @return this
         */
        public Builder inputShape(int... shape) {
            this.inputShape = shape == null ? null : shape.clone();
            return this;
        }

        /**
         * @param n number of tags, {@code >= 1}
         * @return this
         */
        public Builder numTags(int n) {
            this.numTags = n;
            return this;
        }

        /**
         * @param w layer widths as documented per {@link Architecture}, or null for the original widths
         * @return this
         */
        public Builder widths(int... w) {
            this.widths = w == null ? null : w.clone();
            return this;
        }

        /**
         * @param s seed of initialisers and dropout
         * @return this
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param l loss kind
         * @return this
         */
        public Builder loss(LossKind l) {
            this.loss = l;
            return this;
        }

        /**
         * @param s binary label smoothing in [0, 1)
         * @return this
         */
        public Builder labelSmoothing(float s) {
            this.labelSmoothing = s;
            return this;
        }

        /**
         * @param w one weight per tag (all &gt; 0), or null
         * @return this
         */
        public Builder classWeights(float... w) {
            this.classWeights = w == null ? null : w.clone();
            return this;
        }

        /**
         * @param lr default learning rate, &gt; 0
         * @return this
         */
        public Builder learningRate(float lr) {
            this.learningRate = lr;
            return this;
        }

        /**
         * @param b1 Adam beta1 in [0, 1)
         * @param b2 Adam beta2 in [0, 1)
         * @param eps Adam epsilon &gt; 0
         * @return this
         */
        public Builder adam(float b1, float b2, float eps) {
            this.beta1 = b1;
            this.beta2 = b2;
            this.epsilon = eps;
            return this;
        }

        /**
         * @param wd L2 weight decay &gt;= 0
         * @return this
         */
        public Builder weightDecay(float wd) {
            this.weightDecay = wd;
            return this;
        }

        /**
         * @param norm maximum global gradient norm, 0 for none
         * @return this
         */
        public Builder clipNorm(float norm) {
            this.clipNorm = norm;
            return this;
        }

        /**
         * @param order     MCLNN order n &gt;= 0 (kernel 2n+1)
         * @param bandwidth mask bandwidth &gt;= 1
         * @param overlap   mask overlap in [0, bandwidth)
         * @return this
         */
        public Builder mclnn(int order, int bandwidth, int overlap) {
            this.mclnnOrder = order;
            this.mclnnBandwidth = bandwidth;
            this.mclnnOverlap = overlap;
            return this;
        }

        /**
         * @param t build the training path, loss and optimiser (default true)
         * @return this
         */
        public Builder trainingGraph(boolean t) {
            this.trainingGraph = t;
            return this;
        }

        /**
         * @param cpu hide GPUs from the session even with the GPU native build
         * @return this
         */
        public Builder forceCpu(boolean cpu) {
            this.forceCpu = cpu;
            return this;
        }

        /**
         * Validates and builds.
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
                throw new IllegalArgumentException("labelSmoothing and classWeights apply to BINARY_CROSS_ENTROPY only");
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
