package org.audiotag.models;

import java.util.Locale;
import java.util.Objects;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FixedLength;
import org.audiotag.features.LogMelFeatures;

/**
 * How a trained model turns a clip into tag scores, stored with every exported model so that it is always fed what
 * it was trained on: the whole-clip features ({@link #features()}, a {@link FeatureConfig}), the test-time windows
 * cut from them ({@link #window()} frames every {@link #windowHop()} frames), the input standardisation
 * {@code (x - normalizeMean) / normalizeStd} applied to every window value, and how the window probabilities are
 * combined ({@link #aggregation()}).
 *
 * <p>For log-mel models the features are kind {@code LOG_MEL_SEQUENCE} (time-major) with length policy {@code NONE}
 * and no trimming, e.g. {@code LogMelFeatures.from(FeatureConfig.pipelineA()).config()}, and a window is
 * {@code window} frames of {@code n_mels} values; for waveform models kind {@code RAW_WAVEFORM} (length policy
 * {@code NONE}) and a window is {@code window} samples. A model trained the original's way instead stores
 * fixed-length features ({@link #fixedLength()}: e.g. pipeline A's {@code left_pad_crop_first} to 88200 samples,
 * docs/ORIGINAL-PROJECT.md §1.3): the clip is prepared as {@code FeatureExtractor} prepares it and its features are
 * the one window. Immutable; validated once by {@link Builder#build()}.
 *
 * {@snippet :
 * // a log-mel model: pipeline A of the whole clip, 128-frame windows every 64 frames, mean over the windows
 * TaggingConfig logMel = TaggingConfig.builder()
 *         .features(LogMelFeatures.from(FeatureConfig.pipelineA()).config())
 *         .window(128).windowHop(64).aggregation(WindowAggregation.MEAN)
 *         .normalization(-26.7f, 22.3f)          // (x - mean) / std, the training set's dB statistics
 *         .build();
 * logMel.checkFits(InputKind.LOG_MEL_IMAGE, new int[] {128, 128, 1});   // throws if the model takes other windows
 * // a waveform model: 2-s windows of 44.1 kHz samples every second, maximum over the windows
 * TaggingConfig wave = TaggingConfig.builder().features(new WaveformFeatures(44100).config())
 *         .window(88200).windowHop(44100).aggregation(WindowAggregation.MAX).build();
 * }
 */
public final class TaggingConfig {

    private final FeatureConfig features;
    private final int window;
    private final int windowHop;
    private final WindowAggregation aggregation;
    private final float normalizeMean;
    private final float normalizeStd;

    private TaggingConfig(Builder b) {
        this.features = b.features;
        this.window = b.window;
        this.windowHop = b.windowHop;
        this.aggregation = b.aggregation;
        this.normalizeMean = b.normalizeMean;
        this.normalizeStd = b.normalizeStd;
    }

    /**
     * Returns a builder with window 128, hop 64, {@link WindowAggregation#MEAN} and no normalisation (mean 0, std 1);
     * the features must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().features(features).window(window).windowHop(windowHop).aggregation(aggregation)
                .normalization(normalizeMean, normalizeStd);
    }

    /**
     * Returns the whole-clip features the windows are cut from.
     *
     * @return the feature configuration ({@code LOG_MEL_SEQUENCE} or {@code RAW_WAVEFORM}, length policy none)
     */
    public FeatureConfig features() {
        return features;
    }

    /**
     * Returns the window length, the model's time axis.
     *
     * @return frames for log-mel features, samples for waveforms
     */
    public int window() {
        return window;
    }

    /**
     * Returns the step between sliding windows.
     *
     * @return the hop, in the unit of {@link #window()}
     */
    public int windowHop() {
        return windowHop;
    }

    /**
     * Returns how the window probabilities become the clip's.
     *
     * @return the aggregation
     */
    public WindowAggregation aggregation() {
        return aggregation;
    }

    /**
     * Returns the mean subtracted from every input value before the model.
     *
     * @return the mean, in the features' unit (dB)
     */
    public float normalizeMean() {
        return normalizeMean;
    }

    /**
     * Returns the standard deviation every centred input value is divided by.
     *
     * @return the standard deviation, &gt; 0
     */
    public float normalizeStd() {
        return normalizeStd;
    }

    /**
     * Returns whether the features are a waveform (one value per frame) rather than a log-mel.
     *
     * @return true for {@code RAW_WAVEFORM} features
     */
    public boolean isWaveform() {
        return features.kind() == FeatureConfig.Kind.RAW_WAVEFORM;
    }

    /**
     * Returns whether the features are those of a fixed-length prepared clip (the original's pipelines,
     * docs/ORIGINAL-PROJECT.md §1.3-§1.5: trimming if configured, then {@link FeatureConfig#lengthPolicy()} to
     * {@link FeatureConfig#nSamples()} samples, e.g. the first 2 s left-padded) rather than of the whole clip; the
     * one window is then the whole prepared clip.
     *
     * @return true when the length policy is not {@code NONE}
     */
    public boolean fixedLength() {
        return features.lengthPolicy() != FixedLength.Policy.NONE;
    }

    /**
     * Returns the number of values per frame of the features.
     *
     * @return {@code n_mels} for log-mel features, 1 for a waveform
     */
    public int bins() {
        return isWaveform() ? 1 : features.nMels();
    }

    /**
     * Checks that a model takes windows of these features: a {@code RAW_WAVEFORM} model a waveform of {@link
     * #window()} samples, a log-mel model ({@code LOG_MEL_IMAGE} {@code (T, F, 1)} or {@code MEL_SEQUENCE}
     * {@code (T, F)}) time-major log-mels with {@code T = window} and {@code F = n_mels}.
     *
     * @param kind the model's input kind
     * @param inputShape its per-example input shape
     * @throws IllegalArgumentException naming the setting that does not fit
     */
    public void checkFits(InputKind kind, int[] inputShape) {
        Objects.requireNonNull(kind, "kind");
        boolean rawModel = kind == InputKind.RAW_WAVEFORM;
        if (rawModel != isWaveform()) {
            throw new IllegalArgumentException("features: kind " + features.kind().name().toLowerCase(Locale.ROOT)
                    + " does not fit a model whose input kind is " + kind);
        }
        if (inputShape.length < 1 || inputShape[0] != window) {
            throw new IllegalArgumentException("window: " + window + (rawModel ? " samples" : " frames")
                    + " but the model's input is " + java.util.Arrays.toString(inputShape));
        }
        if (!rawModel && (inputShape.length < 2 || inputShape[1] != features.nMels())) {
            throw new IllegalArgumentException("features: n_mels " + features.nMels() + " but the model's input is "
                    + java.util.Arrays.toString(inputShape) + " (time-major: frames, mel bands)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggingConfig t && t.features.equals(features) && t.window == window
                && t.windowHop == windowHop && t.aggregation == aggregation
                && Float.compare(t.normalizeMean, normalizeMean) == 0
                && Float.compare(t.normalizeStd, normalizeStd) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, window, windowHop, aggregation, normalizeMean, normalizeStd);
    }

    @Override
    public String toString() {
        return "TaggingConfig[window=" + window + ", windowHop=" + windowHop + ", aggregation=" + aggregation
                + ", normalize=(" + normalizeMean + ", " + normalizeStd + "), features=" + features.toText() + "]";
    }

    /** Mutable builder of {@link TaggingConfig}; {@link #build()} validates every setting. */
    public static final class Builder {
        private FeatureConfig features;
        private int window = 128;
        private int windowHop = 64;
        private WindowAggregation aggregation = WindowAggregation.MEAN;
        private float normalizeMean = 0f;
        private float normalizeStd = 1f;

        private Builder() {
        }

        /**
         * Sets the whole-clip features the windows are cut from (required).
         *
         * @param v the whole-clip features, e.g. {@link LogMelFeatures#config()}
         * @return this builder
         */
        public Builder features(FeatureConfig v) {
            features = v;
            return this;
        }

        /**
         * Sets the window length, the model's time axis (default 128).
         *
         * @param v window length in frames (log-mel) or samples (waveform), ≥ 1
         * @return this builder
         */
        public Builder window(int v) {
            window = v;
            return this;
        }

        /**
         * Sets the step between sliding windows (default 64).
         *
         * @param v hop between sliding windows, in [1, window]
         * @return this builder
         */
        public Builder windowHop(int v) {
            windowHop = v;
            return this;
        }

        /**
         * Sets how the window probabilities are combined (default {@link WindowAggregation#MEAN}).
         *
         * @param v how window probabilities are combined
         * @return this builder
         */
        public Builder aggregation(WindowAggregation v) {
            aggregation = v;
            return this;
        }

        /**
         * Sets the standardisation {@code (x - mean) / std} applied to every input value (default none).
         *
         * @param mean subtracted from every input value (finite)
         * @param std divides every centred value (finite, &gt; 0); {@code (0, 1)} = no normalisation
         * @return this builder
         */
        public Builder normalization(float mean, float std) {
            normalizeMean = mean;
            normalizeStd = std;
            return this;
        }

        /**
         * Validates every setting and builds the configuration: the features must be a {@code LOG_MEL_SEQUENCE}
         * that {@link LogMelFeatures#from} accepts or a {@code RAW_WAVEFORM} at 1 to 384 kHz, either whole-clip
         * (length policy none, no trimming) or fixed-length (any other length policy, trimming allowed, the window
         * equal to the prepared clip's frames or samples); {@code window >= 1}, {@code windowHop} in [1, window], a
         * finite mean and a finite positive standard deviation.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public TaggingConfig build() {
            if (features == null) {
                throw new IllegalArgumentException("features: required (e.g. LogMelFeatures.from(FeatureConfig"
                        + ".pipelineA()).config())");
            }
            switch (features.kind()) {
                case LOG_MEL_IMAGE:
                    throw new IllegalArgumentException("features: kind log_mel_image is the (n_mels, frames) image of "
                            + "a fixed-length clip; tagging needs the whole-clip time-major kind log_mel_sequence "
                            + "with length_policy none (LogMelFeatures.from(config).config())");
                case LOG_MEL_SEQUENCE:
                    try {
                        LogMelFeatures.from(features);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("features: " + e.getMessage(), e);
                    }
                    break;
                default:
                    if (features.sampleRate() < 1000 || features.sampleRate() > 384000) {
                        throw new IllegalArgumentException("features: sr " + features.sampleRate()
                                + " must be in [1000, 384000] Hz");
                    }
                    break;
            }
            boolean fixed = features.lengthPolicy() != FixedLength.Policy.NONE;
            if (!fixed && features.trimTopDb() != 0) {
                throw new IllegalArgumentException("features: trim_top_db must be 0 (no trimming) for whole-clip "
                        + "features (length_policy none), got " + features.trimTopDb());
            }
            if (fixed) {
                int clip = features.kind() == FeatureConfig.Kind.RAW_WAVEFORM ? features.nSamples()
                        : features.framesPerClip();
                if (window != clip) {
                    throw new IllegalArgumentException("window: " + window + " but the fixed-length features ("
                            + "length_policy " + features.lengthPolicy().name().toLowerCase(Locale.ROOT) + ", "
                            + "n_samples " + features.nSamples() + ") give " + clip + " per clip; the window must "
                            + "be the whole prepared clip");
                }
            }
            if (window < 1) {
                throw new IllegalArgumentException("window: " + window + " must be ≥ 1");
            }
            if (windowHop < 1 || windowHop > window) {
                throw new IllegalArgumentException("windowHop: " + windowHop + " must be in [1, window=" + window
                        + "]");
            }
            Objects.requireNonNull(aggregation, "aggregation");
            if (!Float.isFinite(normalizeMean)) {
                throw new IllegalArgumentException("normalizeMean: " + normalizeMean + " must be finite");
            }
            if (!(normalizeStd > 0) || !Float.isFinite(normalizeStd)) {
                throw new IllegalArgumentException("normalizeStd: " + normalizeStd + " must be finite and > 0");
            }
            return new TaggingConfig(this);
        }
    }
}
