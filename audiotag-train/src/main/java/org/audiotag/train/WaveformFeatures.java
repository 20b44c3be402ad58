package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.audiotag.features.AudioLoader;

/**
 * The raw-waveform {@link FeatureFunction} of pipeline B (docs/ORIGINAL-PROJECT.md §1.4): {@code librosa.load(sr)} mono float
 * samples in [-1, 1], stored as {@link Features} with one bin per frame (frame = sample). Used for the waveform
 * models and as the source of on-the-fly augmentation.
 */
public final class WaveformFeatures implements FeatureFunction {

    private final int sr;
    private final AudioLoader loader;

    /**
     * @param sr sample rate in Hz, [1000, 384000]
     */
    public WaveformFeatures(int sr) {
        if (sr < 1000 || sr > 384000) {
            throw new IllegalArgumentException("sr: " + sr + " must be in [1000, 384000] Hz");
        }
        this.sr = sr;
        this.loader = AudioLoader.atRate(sr);
    }

    /** @return the sample rate in Hz */
    public int sr() {
        return sr;
    }

    @Override
    public String cacheKey() {
        return String.format(Locale.ROOT, "waveform v1 sr=%d mono=mean res=kaiser_best", sr);
    }

    @Override
    public int bins() {
        return 1;
    }

    @Override
    public Features compute(Path file) throws IOException {
        float[] y = loader.load(file).samples();
        return new Features(y.length, 1, y);
    }
}
