package org.audiotag.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.audiotag.features.io.AudioFormatException;

/**
 * The whole-clip log-mel {@link FeatureFunction} that models are trained on and tag with: {@code librosa.load(sr)},
 * {@code feature.melspectrogram(n_fft, hop_length, n_mels, fmin, fmax, power=2, center=True, pad_mode, htk=False,
 * norm='slaney')} then {@code power_to_db(ref=1, amin=1e-10, top_db)} of the whole clip, time-major
 * ({@link TimeMajorFeatures}: {@code nMels} bins of dB per frame, {@code 1 + floor(L / hopLength)} frames); crops and
 * test-time windows are taken later, on frames.
 *
 * <p>It is described by a {@link FeatureConfig} (the one description of features in audiotag): {@link
 * #from(FeatureConfig)} takes e.g. {@link FeatureConfig#pipelineA()} (docs/ORIGINAL-PROJECT.md §1.3: sr 44100,
 * n_fft 2560, hop 692, 128 mels from 0 to 22050 Hz, reflect padding, top_db 80) and {@link #config()} is the
 * equivalent whole-clip configuration: kind {@link FeatureConfig.Kind#LOG_MEL_SEQUENCE}, length policy {@link
 * FixedLength.Policy#NONE}, no trimming. The values are exactly those of {@link FeatureExtractor} with that
 * configuration, except that clips of at most {@code n_fft / 2} samples are first zero-extended to
 * {@code n_fft / 2 + 1} samples (reflect padding needs more samples than that; librosa would fail).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Given a {@code Path file} (a 5-s clip):
 * {@snippet :
 * LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
 * TimeMajorFeatures x = mel.compute(file);      // 319 frames x 128 mel bands, in dB
 * int frames = mel.framesFor(5.0);              // 1 + floor(5 * 44100 / 692) = 319
 * float db = x.get(0, 0);                       // frame 0, lowest mel band
 * FeatureConfig whole = mel.config();           // kind LOG_MEL_SEQUENCE, length policy NONE
 * Map<String, String> keys = mel.toMap();       // features.kind=logmel, features.sr=44100, ...
 * LogMelFeatures same = LogMelFeatures.fromMap(keys);   // equals(mel)
 * }
 */
public final class LogMelFeatures implements FeatureFunction {

    /** Version of the algorithm, part of the cache key. */
    public static final int VERSION = 1;

    private final FeatureConfig config;
    private final FeatureExtractor extractor;
    private final AudioLoader loader;

    private LogMelFeatures(FeatureConfig config) {
        this.config = config;
        this.extractor = FeatureExtractor.of(config);
        this.loader = AudioLoader.atRate(config.sampleRate());
    }

    /**
     * Returns the whole-clip log-mel of a feature configuration (its fixed-length and trim settings are not used:
     * crops and windows are taken on frames; see {@link #config()}).
     *
     * @param c a log-mel configuration with Slaney mels ({@code htk=false, norm=slaney}), power 2, {@code ref=1},
     *     {@code amin=1e-10}, a Hann window with {@code win_length = n_fft} and {@code center=True}
     * @return the feature function; its sample rate, FFT size, mel bands and frequency range may be anything
     *     {@link MelConfig} accepts (the limits of every mel spectrogram in audiotag)
     * @throws IllegalArgumentException naming the first setting that is not supported ({@code hop_length > n_fft},
     *     {@code top_db = 0} or one of the above)
     */
    public static LogMelFeatures from(FeatureConfig c) {
        Objects.requireNonNull(c, "config");
        if (c.kind() == FeatureConfig.Kind.RAW_WAVEFORM) {
            throw new IllegalArgumentException("kind: RAW_WAVEFORM is not a log-mel configuration");
        }
        if (c.htk() || c.norm() != MelNorm.SLANEY) {
            throw new IllegalArgumentException("htk/norm: only htk=false, norm=slaney are supported");
        }
        if (c.power() != 2.0) {
            throw new IllegalArgumentException("power: " + c.power() + ", only 2 is supported");
        }
        if (!c.ref().equals(DbRef.ONE) || c.amin() != Decibels.DEFAULT_AMIN_POWER) {
            throw new IllegalArgumentException("ref/amin: only ref=1, amin=1e-10 are supported");
        }
        StftConfig s = c.stft();
        if (s.winLength() != s.nFft() || !s.center() || s.window() != Window.HANN) {
            throw new IllegalArgumentException("stft: only a hann window with win_length = n_fft and center=True is "
                    + "supported");
        }
        // sr, n_fft, n_mels, fmin and fmax were validated with MelConfig's limits when c was built
        if (s.hopLength() < 1 || s.hopLength() > s.nFft()) {
            throw new IllegalArgumentException("hopLength: " + s.hopLength() + " must be in [1, nFft=" + s.nFft()
                    + "]");
        }
        if (!(c.topDb() > 0)) {
            throw new IllegalArgumentException("topDb: " + c.topDb() + " must be > 0 (or Infinity for none)");
        }
        return new LogMelFeatures(c.toBuilder().kind(FeatureConfig.Kind.LOG_MEL_SEQUENCE)
                .lengthPolicy(FixedLength.Policy.NONE).trimTopDb(0).faithfulCrop(false).build());
    }

    /**
     * Returns the equivalent whole-clip feature configuration, the one a {@code TaggingConfig} stores.
     *
     * @return the whole-clip configuration: kind {@code LOG_MEL_SEQUENCE}, length policy {@code NONE}, no trimming,
     *     the given configuration's other settings ({@code n_samples} is kept as a record of the training clip
     *     length; it does not change the output)
     */
    public FeatureConfig config() {
        return config;
    }

    /**
     * Returns the sample rate clips are loaded at ({@code sr}).
     *
     * @return the rate in Hz
     */
    public int sr() {
        return config.sampleRate();
    }

    /**
     * Returns the step between frames ({@code hop_length}).
     *
     * @return the hop in samples
     */
    public int hopLength() {
        return config.stft().hopLength();
    }

    /**
     * Returns the FFT and frame length ({@code n_fft}).
     *
     * @return the length in samples
     */
    public int nFft() {
        return config.stft().nFft();
    }

    /**
     * Returns the number of mel bands ({@code n_mels}), the bins of every frame.
     *
     * @return {@code n_mels}
     */
    public int nMels() {
        return config.nMels();
    }

    /**
     * Returns the number of frames of a clip of the given duration, {@code 1 + floor(seconds·sr / hopLength)} (the
     * centred STFT's frame count).
     *
     * @param seconds a duration in seconds, &gt;= 0
     * @return the frame count
     */
    public int framesFor(double seconds) {
        return 1 + (int) Math.floor(seconds * sr() / hopLength());
    }

    @Override
    public int bins() {
        return nMels();
    }

    @Override
    public String cacheKey() {
        return String.format(Locale.ROOT, "logmel v%d sr=%d nFft=%d hopLength=%d nMels=%d fMin=%s fMax=%s "
                + "topDb=%s center=true padMode=%s htk=false norm=slaney power=2 ref=1 amin=1e-10", VERSION, sr(),
                nFft(), hopLength(), nMels(), config.fMin(), config.fMax(), config.topDb(),
                config.stft().padMode().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public TimeMajorFeatures compute(Path file) throws IOException {
        return compute(loader.load(file));
    }

    /**
     * Computes the whole-clip log-mel of a clip already in memory.
     *
     * @param clip mono audio at {@link #sr()} Hz
     * @return time-major dB features
     * @throws IllegalArgumentException if the clip's rate is not {@link #sr()} or it holds NaN/infinite samples
     * @throws AudioFormatException never for in-memory clips (declared for symmetry with files)
     */
    public TimeMajorFeatures compute(AudioClip clip) throws AudioFormatException {
        if (clip.sampleRate() != sr()) {
            throw new IllegalArgumentException("clip: sample rate " + clip.sampleRate() + " Hz, features need "
                    + sr());
        }
        return compute(clip.samples());
    }

    /**
     * Computes the whole-clip log-mel of mono samples.
     *
     * @param samples mono samples at {@link #sr()} Hz, in [-1, 1]
     * @return time-major dB features
     * @throws IllegalArgumentException for an empty array or NaN/infinite samples
     */
    public TimeMajorFeatures compute(float[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: empty");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples: value " + samples[i] + " at index " + i
                        + " is not finite");
            }
        }
        float[] y = samples;
        if (y.length <= nFft() / 2) {
            // reflect padding needs more than n_fft/2 samples; zero-extend very short clips where librosa would fail
            y = Arrays.copyOf(samples, nFft() / 2 + 1);
        }
        FeatureMatrix m = extractor.extract(y);          // LOG_MEL_SEQUENCE: (frames, n_mels), a fresh matrix
        return new TimeMajorFeatures(m.rows(), m.cols(), m.raw());
    }

    /**
     * Returns the parameters as text key/values for provenance files: {@code features.kind=logmel}, {@code
     * features.version}, {@code features.sr}, {@code .nFft}, {@code .hopLength}, {@code .nMels}, {@code .fMin},
     * {@code .fMax}, {@code .topDb}, {@code .padMode} and {@code features.config} ({@link #config()} as text).
     *
     * @return the key/values, in that order
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("features.kind", "logmel");
        m.put("features.version", Integer.toString(VERSION));
        m.put("features.sr", Integer.toString(sr()));
        m.put("features.nFft", Integer.toString(nFft()));
        m.put("features.hopLength", Integer.toString(hopLength()));
        m.put("features.nMels", Integer.toString(nMels()));
        m.put("features.fMin", Double.toString(config.fMin()));
        m.put("features.fMax", Double.toString(config.fMax()));
        m.put("features.topDb", Double.toString(config.topDb()));
        m.put("features.padMode", config.stft().padMode().name());
        m.put("features.config", config.toText());
        return m;
    }

    /**
     * Reads the parameters written by {@link #toMap()} (also by earlier releases, whose {@code features.config} was
     * the 2-s image configuration: the explicit keys are used).
     *
     * @param m the key/values
     * @return the feature function
     * @throws IllegalArgumentException if a key is missing or a value is malformed or out of range
     */
    public static LogMelFeatures fromMap(Map<String, String> m) {
        if (!"logmel".equals(m.get("features.kind"))) {
            throw new IllegalArgumentException("features.kind: '" + m.get("features.kind") + "', expected logmel");
        }
        try {
            int sr = Integer.parseInt(req(m, "features.sr"));
            FeatureConfig.Builder b = FeatureConfig.pipelineA().toBuilder().sampleRate(sr).nSamples(2 * sr)
                    .stft(StftConfig.builder().nFft(Integer.parseInt(req(m, "features.nFft")))
                            .hopLength(Integer.parseInt(req(m, "features.hopLength"))).center(true)
                            .padMode(PadMode.valueOf(m.getOrDefault("features.padMode", "REFLECT"))).build())
                    .nMels(Integer.parseInt(req(m, "features.nMels")))
                    .fMin(Double.parseDouble(req(m, "features.fMin")))
                    .fMax(Double.parseDouble(req(m, "features.fMax")))
                    .topDb(Double.parseDouble(req(m, "features.topDb")));
            return from(b.build());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("features: malformed number: " + e.getMessage(), e);
        }
    }

    private static String req(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException(k + ": missing");
        }
        return v;
    }

    /**
     * Returns whether {@code o} computes the same features, i.e. has an equal {@link #cacheKey()}.
     *
     * @param o another object
     * @return true for a log-mel with the same parameters
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogMelFeatures l && l.cacheKey().equals(cacheKey());
    }

    @Override
    public int hashCode() {
        return cacheKey().hashCode();
    }

    /**
     * Returns the cache key, {@link #cacheKey()}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return cacheKey();
    }
}
