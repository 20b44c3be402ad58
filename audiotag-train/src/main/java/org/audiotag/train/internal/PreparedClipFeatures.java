package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FeatureFunction;
import org.audiotag.features.FixedLength;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.io.AudioFormatException;

/**
 * The features of a clip prepared to a fixed length, exactly as {@link FeatureExtractor#extract(float[])} computes
 * them for a {@link FeatureConfig} (trimming if configured, the length policy to {@code n_samples} with the first
 * crop for random-crop policies, then the log-mel or the waveform), time-major: the original's pipelines A, B and C
 * (docs/ORIGINAL-PROJECT.md §1.3-§1.5) as a feature-cache function. A log-mel image configuration is computed as its
 * time-major sequence (the same values, transposed). Immutable and thread-safe.
 */
public final class PreparedClipFeatures implements FeatureFunction {

    /** Version of this function, part of the cache key. */
    private static final int VERSION = 1;

    private final FeatureConfig config;
    private final FeatureExtractor extractor;
    private final AudioLoader loader;

    /**
     * Creates the function of a fixed-length configuration.
     *
     * @param config the pipeline; its length policy must not be {@code NONE}
     * @throws IllegalArgumentException naming the length policy when it is {@code NONE}
     */
    public PreparedClipFeatures(FeatureConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.lengthPolicy() == FixedLength.Policy.NONE) {
            throw new IllegalArgumentException("lengthPolicy: none is the whole clip; a prepared clip needs a "
                    + "fixed-length policy (e.g. left_pad_crop_first of pipeline A)");
        }
        this.config = config.kind() == FeatureConfig.Kind.LOG_MEL_IMAGE
                ? config.withKind(FeatureConfig.Kind.LOG_MEL_SEQUENCE) : config;
        this.extractor = FeatureExtractor.of(this.config);
        this.loader = AudioLoader.atRate(config.sampleRate());
    }

    /** Returns the configuration computed: time-major ({@code LOG_MEL_SEQUENCE} or {@code RAW_WAVEFORM}). */
    public FeatureConfig config() {
        return config;
    }

    @Override
    public String cacheKey() {
        return "prepared v" + VERSION + " " + config.toText();
    }

    @Override
    public int bins() {
        return config.kind() == FeatureConfig.Kind.RAW_WAVEFORM ? 1 : config.nMels();
    }

    @Override
    public TimeMajorFeatures compute(Path file) throws IOException {
        float[] y = loader.load(file).samples();
        if (y.length == 0) {
            throw new AudioFormatException(file, "no audio: the file decodes to 0 samples");
        }
        try {
            return compute(y);
        } catch (IllegalArgumentException e) {
            throw new AudioFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * Computes the features of mono samples at the configuration's rate.
     *
     * @param y the samples, at least one, finite
     * @return the prepared clip's features, time-major
     * @throws IllegalArgumentException for empty or non-finite samples
     */
    public TimeMajorFeatures compute(float[] y) {
        return TimeMajorFeatures.of(config.kind(), extractor.extract(y));
    }

    @Override
    public String toString() {
        return cacheKey();
    }
}
