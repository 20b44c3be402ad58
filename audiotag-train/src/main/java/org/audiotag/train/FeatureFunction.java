package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the features of one audio file.
 *
 * @deprecated moved to audiotag-features as {@link org.audiotag.features.FeatureFunction}, whose {@code compute}
 *     returns {@link org.audiotag.features.TimeMajorFeatures}; this interface cannot extend it (its {@code compute}
 *     returns the record {@link Features}). {@link FeatureCache} still accepts it through deprecated overloads.
 *     Will be removed in the next release.
 */
@Deprecated(forRemoval = true)
@SuppressWarnings("removal")
public interface FeatureFunction {

    /**
     * Returns a stable text that changes whenever the output would change; part of the {@link FeatureCache} key.
     *
     * @return the description
     */
    String cacheKey();

    /** Returns the number of values per frame of every output, e.g. {@code n_mels} (1 for waveforms). */
    int bins();

    /**
     * Computes the features of one audio file.
     *
     * @param file an audio file
     * @return its features, time-major, {@link Features#bins()} equal to {@link #bins()}
     * @throws IOException if the file cannot be decoded (the message names the file)
     */
    Features compute(Path file) throws IOException;
}
