package org.audiotag.features;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the whole-clip features of one audio file in {@link TimeMajorFeatures} layout, e.g. decode + log-mel
 * (librosa {@code load}, {@code feature.melspectrogram} then {@code power_to_db}): {@link LogMelFeatures},
 * {@link WaveformFeatures}. Implementations must be thread-safe and deterministic: a feature cache calls them from
 * several threads and trusts {@link #cacheKey()} to identify the output.
 */
public interface FeatureFunction {

    /**
     * A stable text that changes whenever the output would change (all parameters, their values and an algorithm
     * version); it is hashed into cache keys and stored as provenance.
     *
     * @return the description
     */
    String cacheKey();

    /** @return values per frame of every output, e.g. {@code n_mels} */
    int bins();

    /**
     * @param file an audio file
     * @return its features, time-major, {@link TimeMajorFeatures#bins()} equal to {@link #bins()}
     * @throws IOException if the file cannot be decoded (the message names the file)
     */
    TimeMajorFeatures compute(Path file) throws IOException;
}
