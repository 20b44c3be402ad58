package org.audiotag.style;

import java.util.Objects;

/**
 * Immutable parameters of {@link StyleTransfer} (optimisation-based style transfer, Gatys, Ecker &amp; Bethge 2016,
 * on spectrograms with the random shallow network of Ulyanov &amp; Lebedev's audio texture synthesis, 2016).
 *
 * <p>Defaults: 300 Adam iterations at learning rate 0.02 on the [0, 1]-normalised spectrogram, content weight 1,
 * style weight 10, total-variation weight 0.1, 512 random ReLU filters of width 11 frames spanning all mel bands,
 * initialisation from the content, seed 0. Each loss is divided by the energy of its target, so the weights are
 * relative. Validated by {@link Builder#build()}.
 */
public final class StyleTransferConfig {
    /** How the optimised spectrogram starts. */
    public enum Init {
        /** The content spectrogram itself (the usual choice for audio). */
        CONTENT,
        /** Uniform noise in [0, 1] from the seed. */
        NOISE
    }

    private final int iterations;
    private final double learningRate;
    private final double contentWeight;
    private final double styleWeight;
    private final double tvWeight;
    private final int filters;
    private final int kernelWidth;
    private final long seed;
    private final Init init;

    private StyleTransferConfig(Builder b) {
        this.iterations = b.iterations;
        this.learningRate = b.learningRate;
        this.contentWeight = b.contentWeight;
        this.styleWeight = b.styleWeight;
        this.tvWeight = b.tvWeight;
        this.filters = b.filters;
        this.kernelWidth = b.kernelWidth;
        this.seed = b.seed;
        this.init = b.init;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with this configuration */
    public Builder toBuilder() {
        return new Builder().iterations(iterations).learningRate(learningRate).contentWeight(contentWeight)
                .styleWeight(styleWeight).tvWeight(tvWeight).filters(filters).kernelWidth(kernelWidth).seed(seed)
                .init(init);
    }

    /** @return Adam iterations */
    public int iterations() {
        return iterations;
    }

    /** @return Adam learning rate (units of the [0, 1] spectrogram) */
    public double learningRate() {
        return learningRate;
    }

    /** @return weight of the content loss (feature MSE over the content's energy) */
    public double contentWeight() {
        return contentWeight;
    }

    /** @return weight of the style loss (Gram-matrix MSE over the style Gram's energy) */
    public double styleWeight() {
        return styleWeight;
    }

    /** @return weight of the total-variation loss (mean squared neighbour differences in time and frequency) */
    public double tvWeight() {
        return tvWeight;
    }

    /** @return number of random convolution filters */
    public int filters() {
        return filters;
    }

    /** @return filter width in frames */
    public int kernelWidth() {
        return kernelWidth;
    }

    /** @return seed of the random weights (and of the noise initialisation) */
    public long seed() {
        return seed;
    }

    /** @return the initialisation */
    public Init init() {
        return init;
    }

    @Override
    public String toString() {
        return "StyleTransferConfig{iterations=" + iterations + ", learningRate=" + learningRate + ", contentWeight="
                + contentWeight + ", styleWeight=" + styleWeight + ", tvWeight=" + tvWeight + ", filters=" + filters
                + ", kernelWidth=" + kernelWidth + ", seed=" + seed + ", init=" + init + "}";
    }

    /** Builder; {@link #build()} validates every parameter. */
    public static final class Builder {
        private int iterations = 300;
        private double learningRate = 0.02;
        private double contentWeight = 1.0;
        private double styleWeight = 10.0;
        private double tvWeight = 0.1;
        private int filters = 512;
        private int kernelWidth = 11;
        private long seed;
        private Init init = Init.CONTENT;

        private Builder() { }

        /**
         * @param iterations Adam iterations, 0..100000
         * @return this builder
         */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /**
         * @param learningRate Adam learning rate, in (0, 1]
         * @return this builder
         */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * @param contentWeight content-loss weight, &gt;= 0
         * @return this builder
         */
        public Builder contentWeight(double contentWeight) {
            this.contentWeight = contentWeight;
            return this;
        }

        /**
         * @param styleWeight style-loss weight, &gt;= 0
         * @return this builder
         */
        public Builder styleWeight(double styleWeight) {
            this.styleWeight = styleWeight;
            return this;
        }

        /**
         * @param tvWeight total-variation weight, &gt;= 0
         * @return this builder
         */
        public Builder tvWeight(double tvWeight) {
            this.tvWeight = tvWeight;
            return this;
        }

        /**
         * @param filters random filters, 1..8192
         * @return this builder
         */
        public Builder filters(int filters) {
            this.filters = filters;
            return this;
        }

        /**
         * @param kernelWidth filter width in frames, 1..255
         * @return this builder
         */
        public Builder kernelWidth(int kernelWidth) {
            this.kernelWidth = kernelWidth;
            return this;
        }

        /**
         * @param seed seed of the random weights and noise
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param init initialisation of the optimised spectrogram
         * @return this builder
         */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter and its allowed range
         */
        public StyleTransferConfig build() {
            if (iterations < 0 || iterations > 100_000) {
                throw new IllegalArgumentException("iterations must be in [0, 100000], got " + iterations);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
            }
            check("contentWeight", contentWeight);
            check("styleWeight", styleWeight);
            check("tvWeight", tvWeight);
            if (contentWeight + styleWeight + tvWeight <= 0) {
                throw new IllegalArgumentException("contentWeight + styleWeight + tvWeight must be > 0");
            }
            if (filters < 1 || filters > 8192) {
                throw new IllegalArgumentException("filters must be in [1, 8192], got " + filters);
            }
            if (kernelWidth < 1 || kernelWidth > 255) {
                throw new IllegalArgumentException("kernelWidth must be in [1, 255], got " + kernelWidth);
            }
            return new StyleTransferConfig(this);
        }

        private static void check(String name, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
            }
        }
    }
}
