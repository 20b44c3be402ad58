package org.audiotag.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The raw-waveform {@link FeatureFunction} of pipeline B (docs/ORIGINAL-PROJECT.md §1.4): {@code librosa.load(sr)}
 * mono float samples in [-1, 1] of the whole clip, as {@link TimeMajorFeatures} with one bin per frame (frame =
 * sample). Used for the waveform models and as the source of on-the-fly augmentation. Immutable and thread-safe.
 *
 * <p>Given a {@code Path file}:
 * {@snippet :
 * WaveformFeatures wave = new WaveformFeatures(44100);
 * TimeMajorFeatures x = wave.compute(file);     // one frame of one bin per sample at 44.1 kHz
 * float first = x.get(0, 0);                    // the first sample
 * FeatureConfig whole = wave.config();          // kind RAW_WAVEFORM, length policy NONE
 * }
 */
public final class WaveformFeatures implements FeatureFunction {

    private final int sr;
    private final AudioLoader loader;

    /**
     * Creates the waveform features of clips loaded at {@code sr} Hz (resampled with kaiser_best).
     *
     * @param sr sample rate in Hz, [1000, 384000]
     * @throws IllegalArgumentException if the rate is out of range
     */
    public WaveformFeatures(int sr) {
        if (sr < 1000 || sr > 384000) {
            throw new IllegalArgumentException("sr: " + sr + " must be in [1000, 384000] Hz");
        }
        this.sr = sr;
        this.loader = AudioLoader.atRate(sr);
    }

    /**
     * Returns the sample rate clips are loaded at.
     *
     * @return the rate in Hz
     */
    public int sr() {
        return sr;
    }

    /**
     * Returns the equivalent whole-clip feature configuration, the one a {@code TaggingConfig} stores.
     *
     * @return the whole-clip {@link FeatureConfig}: kind {@code RAW_WAVEFORM} at {@link #sr()}, length
     *     policy {@code NONE}, no trimming, no mu-law ({@code n_samples} = 2 s, which does not change the output)
     */
    public FeatureConfig config() {
        return FeatureConfig.builder().kind(FeatureConfig.Kind.RAW_WAVEFORM).sampleRate(sr).nSamples(2 * sr)
                .lengthPolicy(FixedLength.Policy.NONE).build();
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
    public TimeMajorFeatures compute(Path file) throws IOException {
        float[] y = loader.load(file).samples();
        return new TimeMajorFeatures(y.length, 1, y);
    }
}
