package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.audiotag.features.AudioClip;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.AudioFormatException;

/**
 * The whole-clip log-mel feature function of the earlier API, delegating to audiotag-features.
 *
 * @deprecated moved to audiotag-features as {@link org.audiotag.features.LogMelFeatures}, described by a {@link
 *     FeatureConfig}: {@code LogMelFeatures.pipelineA()} is {@code LogMelFeatures.from(FeatureConfig.pipelineA())}
 *     there. The classes are final, so this one is not a subtype: {@code Trainer} takes the new class (use {@link
 *     #features()}). Will be removed in the next release.
 */
@Deprecated(forRemoval = true)
@SuppressWarnings("removal")
public final class LogMelFeatures implements FeatureFunction {

    /** Version of the algorithm, part of the cache key. */
    public static final int VERSION = org.audiotag.features.LogMelFeatures.VERSION;

    private final org.audiotag.features.LogMelFeatures features;

    private LogMelFeatures(org.audiotag.features.LogMelFeatures features) {
        this.features = Objects.requireNonNull(features, "features");
    }

    /**
     * Wraps a feature function of audiotag-features under this earlier name.
     *
     * @param features the feature function of audiotag-features
     * @return the same function under the earlier name
     */
    public static LogMelFeatures of(org.audiotag.features.LogMelFeatures features) {
        return new LogMelFeatures(features);
    }

    /**
     * Returns pipeline A (docs/ORIGINAL-PROJECT.md §1.3): sr 44100, n_fft 2560, hop 692, 128 mels, fmin 0,
     * fmax 22050, top_db 80.
     */
    public static LogMelFeatures pipelineA() {
        return from(FeatureConfig.pipelineA());
    }

    /**
     * Returns the whole-clip log-mel with these librosa parameters and pipeline A's others (Hann window,
     * {@code center=True}, Slaney mels, power 2, {@code ref=1}).
     *
     * @param sr sample rate in Hz
     * @param nFft FFT size (= win_length)
     * @param hopLength hop in samples
     * @param nMels mel bands
     * @param fMin lowest mel frequency in Hz
     * @param fMax highest mel frequency in Hz
     * @param topDb dynamic range kept by {@code power_to_db}, in dB
     * @param padMode centre padding of the STFT
     * @return the configuration
     * @throws IllegalArgumentException naming the parameter out of range (sr, n_fft, n_mels, fmin and fmax with the
     *     limits of {@link org.audiotag.features.MelConfig})
     * @throws NullPointerException if {@code padMode} is null
     */
    public static LogMelFeatures of(int sr, int nFft, int hopLength, int nMels, double fMin, double fMax,
            double topDb, PadMode padMode) {
        Objects.requireNonNull(padMode, "padMode");
        // sr, n_fft, n_mels, fmin and fmax: the limits of audiotag-features' MelConfig, checked first by the build
        FeatureConfig c = FeatureConfig.pipelineA().toBuilder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(nFft).hopLength(hopLength).center(true).padMode(padMode).build())
                .nMels(nMels).fMin(fMin).fMax(fMax).topDb(topDb).nSamples(2 * sr).build();
        if (hopLength < 1 || hopLength > nFft) {
            throw new IllegalArgumentException("hopLength: " + hopLength + " must be in [1, nFft=" + nFft + "]");
        }
        return from(c);
    }

    /**
     * Returns the whole-clip log-mel of a feature configuration.
     *
     * @param c a log-mel configuration (see {@link org.audiotag.features.LogMelFeatures#from(FeatureConfig)})
     * @return the equivalent feature function
     * @throws IllegalArgumentException naming the first setting that is not supported
     */
    public static LogMelFeatures from(FeatureConfig c) {
        return new LogMelFeatures(org.audiotag.features.LogMelFeatures.from(c));
    }

    /**
     * Reads the configuration back from the key/values {@link #toMap()} wrote (a provenance file).
     *
     * @param m values written by {@link #toMap()}
     * @return the configuration
     * @throws IllegalArgumentException if a key is missing or a value is malformed or out of range
     */
    public static LogMelFeatures fromMap(Map<String, String> m) {
        return new LogMelFeatures(org.audiotag.features.LogMelFeatures.fromMap(m));
    }

    /** Returns the feature function of audiotag-features this name stands for. */
    public org.audiotag.features.LogMelFeatures features() {
        return features;
    }

    /**
     * Returns the same settings as a 2-s {@code LOG_MEL_IMAGE} configuration with pipeline A's length policy (the
     * whole-clip configuration is {@code features().config()}).
     *
     * @return the configuration
     */
    public FeatureConfig toFeatureConfig() {
        return features.config().toBuilder().kind(FeatureConfig.Kind.LOG_MEL_IMAGE)
                .lengthPolicy(FeatureConfig.pipelineA().lengthPolicy()).nSamples(2 * sr()).build();
    }

    /** Returns the sample rate in Hz that audio is decoded at. */
    public int sr() {
        return features.sr();
    }

    /** Returns the hop length in samples (692 under pipeline A). */
    public int hopLength() {
        return features.hopLength();
    }

    /** Returns the FFT size in samples, equal to the window length (2560 under pipeline A). */
    public int nFft() {
        return features.nFft();
    }

    /** Returns the number of mel bands (128 under pipeline A). */
    public int nMels() {
        return features.nMels();
    }

    /**
     * Returns the number of frames of a clip of the given duration: {@code 1 + floor(seconds · sr / hopLength)}.
     *
     * @param seconds a duration
     * @return the frames
     */
    public int framesFor(double seconds) {
        return features.framesFor(seconds);
    }

    @Override
    public int bins() {
        return features.bins();
    }

    @Override
    public String cacheKey() {
        return features.cacheKey();
    }

    @Override
    public Features compute(Path file) throws IOException {
        return Features.of(features.compute(file));
    }

    /**
     * Computes the log-mel of decoded audio.
     *
     * @param clip mono audio at {@link #sr()} Hz
     * @return time-major dB features
     * @throws AudioFormatException never for in-memory clips
     */
    public Features compute(AudioClip clip) throws AudioFormatException {
        return Features.of(features.compute(clip));
    }

    /**
     * Computes the log-mel of mono samples.
     *
     * @param samples mono samples at {@link #sr()} Hz
     * @return time-major dB features
     */
    public Features compute(float[] samples) {
        return Features.of(features.compute(samples));
    }

    /** Returns the parameters as text key/values, as provenance files store them ({@link #fromMap} reads them). */
    public Map<String, String> toMap() {
        return features.toMap();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogMelFeatures l && l.features.equals(features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }

    @Override
    public String toString() {
        return features.toString();
    }
}
