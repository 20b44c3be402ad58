package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The raw-waveform feature function of the earlier API, delegating to audiotag-features.
 *
 * @deprecated moved to audiotag-features as {@link org.audiotag.features.WaveformFeatures} (use {@link
 *     #features()}); will be removed in the next release
 */
@Deprecated(forRemoval = true)
@SuppressWarnings("removal")
public final class WaveformFeatures implements FeatureFunction {

    private final org.audiotag.features.WaveformFeatures features;

    /**
     * Creates the function that decodes audio to mono samples at {@code sr} Hz (one value per frame).
     *
     * @param sr sample rate in Hz, [1000, 384000]
     */
    public WaveformFeatures(int sr) {
        this.features = new org.audiotag.features.WaveformFeatures(sr);
    }

    /** Returns the feature function of audiotag-features this name stands for. */
    public org.audiotag.features.WaveformFeatures features() {
        return features;
    }

    /** Returns the sample rate in Hz. */
    public int sr() {
        return features.sr();
    }

    @Override
    public String cacheKey() {
        return features.cacheKey();
    }

    @Override
    public int bins() {
        return 1;
    }

    @Override
    public Features compute(Path file) throws IOException {
        return Features.of(features.compute(file));
    }
}
