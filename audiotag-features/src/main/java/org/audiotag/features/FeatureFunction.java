package org.audiotag.features;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the whole-clip features of one audio file in {@link TimeMajorFeatures} layout, e.g. decode + log-mel
 * (librosa {@code load}, {@code feature.melspectrogram} then {@code power_to_db}): {@link LogMelFeatures},
 * {@link WaveformFeatures}. Implementations must be thread-safe and deterministic: a feature cache calls them from
 * several threads and trusts {@link #cacheKey()} to identify the output.
 *
 * <p>Given a {@code Path file}:
 * {@snippet :
 * FeatureFunction f = LogMelFeatures.from(FeatureConfig.pipelineA());
 * TimeMajorFeatures x = f.compute(file);      // (frames, 128 mels) of the whole clip
 * int bins = f.bins();                        // 128, x.bins()
 * String key = f.cacheKey();                  // "logmel v1 sr=44100 nFft=2560 hopLength=692 nMels=128 ..."
 * FeatureFunction samples = new WaveformFeatures(44100);    // bins() == 1
 * }
 */
public interface FeatureFunction {

    /**
     * A stable text that changes whenever the output would change (all parameters, their values and an algorithm
     * version); it is hashed into cache keys and stored as provenance.
     *
     * @return the description
     */
    String cacheKey();

    /**
     * Returns the number of values per frame of every output.
     *
     * @return the bins, e.g. {@code n_mels} for a log-mel, 1 for a waveform
     */
    int bins();

    /**
     * Decodes an audio file and computes its whole-clip features.
     *
     * @param file an audio file (WAV, FLAC or Ogg Vorbis)
     * @return its features, time-major, {@link TimeMajorFeatures#bins()} equal to {@link #bins()}
     * @throws IOException if the file cannot be decoded (the message names the file)
     */
    TimeMajorFeatures compute(Path file) throws IOException;
}
