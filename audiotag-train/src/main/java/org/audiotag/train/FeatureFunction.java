package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the features of one audio file, e.g. decode + log-mel (librosa {@code feature.melspectrogram} then
 * {@code power_to_db}). Implementations must be thread-safe and deterministic: {@link FeatureCache} calls them from
 * several threads and trusts {@link #cacheKey()} to identify the output.
 */
public interface FeatureFunction {

    /**
     * A stable text that changes whenever the output would change (all parameters, their values and an algorithm
     * version); it is hashed into the cache key and stored as provenance.
     *
     * @return the description
     */
    String cacheKey();

    /** @return values per frame of every output, e.g. {@code n_mels} */
    int bins();

    /**
     * @param file an audio file
     * @return its features, time-major, {@link Features#bins()} equal to {@link #bins()}
     * @throws IOException if the file cannot be decoded (the message names the file)
     */
    Features compute(Path file) throws IOException;
}
