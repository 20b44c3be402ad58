package org.audiotag.style;

import java.util.Objects;

/**
 * Immutable parameters of {@link StyleTransfer} (optimisation-based style transfer, Gatys, Ecker &amp; Bethge 2016,
 * on spectrograms with the random shallow network of Ulyanov &amp; Lebedev's audio texture synthesis, 2016), also
 * used by {@link FeedForwardStylizer} for its loss network and training (Johnson et al. 2016).
 *
 * <p>Defaults: 300 Adam iterations at learning rate 0.02 on the [0, 1]-normalised spectrogram, content weight 1,
 * style weight 10, total-variation weight 0.1, 512 random ReLU filters of width 11 frames spanning all mel bands,
 * initialisation from the content, seed 0. The content and style losses are each divided by the mean square of their
 * target (the content's features, the style's Gram matrix), so their weights are relative; the total-variation loss
 * is the plain mean of squared neighbour differences of the [0, 1] spectrogram. Validated once by
 * {@link Builder#build()}.
 *
 * <p>Every parameter, with the range {@link Builder#build()} enforces:
 * {@snippet :
 * StyleTransferConfig config = StyleTransferConfig.builder()
 *         .iterations(500).learningRate(0.02)              // Adam steps, 0..100000; rate in (0, 1]
 *         .contentWeight(1).styleWeight(30).tvWeight(0.1)  // each finite and >= 0, not all 0
 *         .filters(512).kernelWidth(11)                    // random ReLU filters 1..8192, width 1..255 frames
 *         .init(StyleTransferConfig.Init.CONTENT).seed(7)  // start from the content; seed of the random weights
 *         .build();                                        // IllegalArgumentException naming a bad parameter
 * StyleTransferConfig moreStyle = config.toBuilder().styleWeight(100).build();  // a changed copy
 * }
 */
public final class StyleTransferConfig {
    /** How the optimised spectrogram of {@link StyleTransfer} starts. */
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

    /**
     * Starts a builder with the defaults listed in the class description.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this configuration's values, to derive a changed copy.
     *
     * @return a builder initialised with this configuration
     */
    public Builder toBuilder() {
        return new Builder().iterations(iterations).learningRate(learningRate).contentWeight(contentWeight)
                .styleWeight(styleWeight).tvWeight(tvWeight).filters(filters).kernelWidth(kernelWidth).seed(seed)
                .init(init);
    }

    /**
     * Returns the number of Adam steps of {@link StyleTransfer}, or of training steps of {@link FeedForwardStylizer}.
     *
     * @return Adam iterations, 0..100000
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the Adam learning rate (beta1 0.9, beta2 0.999, eps 1e-8), in units of the [0, 1] spectrogram.
     *
     * @return Adam learning rate (units of the [0, 1] spectrogram), in (0, 1]
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the weight of the content loss mean((Phi(x) - Phi(c))^2) / mean(Phi(c)^2).
     *
     * @return weight of the content loss (feature MSE over the content's energy), &gt;= 0
     */
    public double contentWeight() {
        return contentWeight;
    }

    /**
     * Returns the weight of the style loss mean((G(x) - G(s))^2) / mean(G(s)^2), with the Gram matrix
     * G = Phi^T Phi / T of the features Phi (T frames, F filters).
     *
     * @return weight of the style loss (Gram-matrix MSE over the style Gram's energy), &gt;= 0
     */
    public double styleWeight() {
        return styleWeight;
    }

    /**
     * Returns the weight of the total-variation loss, which smooths the result.
     *
     * @return weight of the total-variation loss (mean squared neighbour differences in time and frequency), &gt;= 0
     */
    public double tvWeight() {
        return tvWeight;
    }

    /**
     * Returns the number of random convolution filters F of the feature network (its output channels).
     *
     * @return number of random convolution filters, 1..8192
     */
    public int filters() {
        return filters;
    }

    /**
     * Returns the width of each random filter along time; every filter spans all mel bands.
     *
     * @return filter width in frames, 1..255
     */
    public int kernelWidth() {
        return kernelWidth;
    }

    /**
     * Returns the seed of the random feature weights, of the noise initialisation and of the stylizer's training.
     *
     * @return seed of the random weights (and of the noise initialisation)
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns how the optimised spectrogram starts.
     *
     * @return the initialisation
     */
    public Init init() {
        return init;
    }

    @Override
    public String toString() {
        return "StyleTransferConfig{iterations=" + iterations + ", learningRate=" + learningRate + ", contentWeight="
                + contentWeight + ", styleWeight=" + styleWeight + ", tvWeight=" + tvWeight + ", filters=" + filters
                + ", kernelWidth=" + kernelWidth + ", seed=" + seed + ", init=" + init + "}";
    }

    /**
     * Builder of {@link StyleTransferConfig}, starting from the defaults; setters only record, {@link #build()}
     * validates every parameter.
     */
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
         * Sets the number of Adam steps (training steps for {@link FeedForwardStylizer}).
         *
         * @param iterations Adam iterations, 0..100000 (default 300; checked by {@link #build()})
         * @return this builder
         */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /**
         * Sets the Adam learning rate, in units of the [0, 1] spectrogram.
         *
         * @param learningRate Adam learning rate, in (0, 1] (default 0.02; checked by {@link #build()})
         * @return this builder
         */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the weight of the content loss (Gatys et al.'s alpha).
         *
         * @param contentWeight content-loss weight, finite and &gt;= 0 (default 1; checked by {@link #build()})
         * @return this builder
         */
        public Builder contentWeight(double contentWeight) {
            this.contentWeight = contentWeight;
            return this;
        }

        /**
         * Sets the weight of the Gram-matrix style loss (Gatys et al.'s beta).
         *
         * @param styleWeight style-loss weight, finite and &gt;= 0 (default 10; checked by {@link #build()})
         * @return this builder
         */
        public Builder styleWeight(double styleWeight) {
            this.styleWeight = styleWeight;
            return this;
        }

        /**
         * Sets the weight of the total-variation loss.
         *
         * @param tvWeight total-variation weight, finite and &gt;= 0 (default 0.1; checked by {@link #build()})
         * @return this builder
         */
        public Builder tvWeight(double tvWeight) {
            this.tvWeight = tvWeight;
            return this;
        }

        /**
         * Sets the number of random ReLU filters of the feature network.
         *
         * @param filters random filters, 1..8192 (default 512; checked by {@link #build()})
         * @return this builder
         */
        public Builder filters(int filters) {
            this.filters = filters;
            return this;
        }

        /**
         * Sets the width of each random filter along time.
         *
         * @param kernelWidth filter width in frames, 1..255 (default 11; checked by {@link #build()})
         * @return this builder
         */
        public Builder kernelWidth(int kernelWidth) {
            this.kernelWidth = kernelWidth;
            return this;
        }

        /**
         * Sets the seed of the random weights and noise; equal seeds give equal results.
         *
         * @param seed seed of the random weights and noise (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how the optimised spectrogram starts.
         *
         * @param init initialisation of the optimised spectrogram (default {@link Init#CONTENT})
         * @return this builder
         */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * Validates every parameter and builds the immutable configuration.
         *
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
