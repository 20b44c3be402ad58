package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelNorm;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.AudioFormatException;

/**
 * The log-mel {@link FeatureFunction} of the original pipeline A (docs/ORIGINAL-PROJECT.md §1.3): {@code librosa.load(sr=44100)},
 * {@code feature.melspectrogram(n_fft=2560, hop_length=692, n_mels=128, fmin=0, fmax=22050, power=2, center=True,
 * pad_mode='reflect', htk=False, norm='slaney')} then {@code power_to_db(ref=1, amin=1e-10, top_db=80)}, on the
 * whole clip (crops are taken later, on frames). Output: time-major, {@code nMels} bins of dB per frame,
 * {@code 1 + floor(L / hopLength)} frames. Immutable and thread-safe; the parameters round-trip through
 * {@link #toMap()} / {@link #fromMap(Map)} so an exported model carries its feature configuration.
 */
public final class LogMelFeatures implements FeatureFunction {

    /** Version of the algorithm, part of the cache key. */
    public static final int VERSION = 1;

    private final int sr;
    private final int nFft;
    private final int hopLength;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final double topDb;
    private final PadMode padMode;
    private final AudioLoader loader;
    private final MelSpectrogram mel;

    private LogMelFeatures(int sr, int nFft, int hopLength, int nMels, double fMin, double fMax, double topDb,
            PadMode padMode) {
        // sr, n_fft, n_mels, fmin and fmax: the limits of audiotag-features' MelConfig, as for FeatureConfig
        org.audiotag.features.MelConfig melConfig = org.audiotag.features.MelConfig.builder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(nFft).hopLength(hopLength).center(true)
                        .padMode(java.util.Objects.requireNonNull(padMode, "padMode")).build())
                .nMels(nMels).fMin(fMin).fMax(fMax).htk(false).norm(MelNorm.SLANEY).power(2.0).build();
        if (hopLength < 1 || hopLength > nFft) {
            throw new IllegalArgumentException("hopLength: " + hopLength + " must be in [1, nFft=" + nFft + "]");
        }
        if (!(topDb > 0)) {
            throw new IllegalArgumentException("topDb: " + topDb + " must be > 0 (or Infinity for none)");
        }
        this.sr = sr;
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.nMels = nMels;
        this.fMin = fMin;
        this.fMax = melConfig.fMax();
        this.topDb = topDb;
        this.padMode = java.util.Objects.requireNonNull(padMode, "padMode");
        this.loader = AudioLoader.atRate(sr);
        this.mel = MelSpectrogram.of(melConfig);
    }

    /** @return pipeline A: sr 44100, n_fft 2560, hop 692, 128 mels, fmin 0, fmax 22050, top_db 80 */
    public static LogMelFeatures pipelineA() {
        return new LogMelFeatures(44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT);
    }

    /**
     * @param sr sample rate in Hz
     * @param nFft FFT size (= win_length)
     * @param hopLength hop in samples
     * @param nMels mel bands
     * @param fMin lowest mel frequency in Hz
     * @param fMax highest mel frequency in Hz
     * @param topDb dynamic range kept by {@code power_to_db}
     * @param padMode centre padding of the STFT ({@code REFLECT} as librosa ≤ 0.9 and the original,
     *     {@code CONSTANT} as librosa ≥ 0.10)
     * @return the configuration
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public static LogMelFeatures of(int sr, int nFft, int hopLength, int nMels, double fMin, double fMax,
            double topDb, PadMode padMode) {
        return new LogMelFeatures(sr, nFft, hopLength, nMels, fMin, fMax, topDb, padMode);
    }

    /**
     * The whole-clip log-mel of an audiotag-features {@link FeatureConfig} (its fixed-length and trim settings are
     * not used: train crops frames itself).
     *
     * @param c a log-mel configuration with Slaney mels ({@code htk=false, norm=slaney}), power 2 and
     *     {@code ref=1}
     * @return the equivalent feature function
     * @throws IllegalArgumentException naming the first setting this class does not support
     */
    public static LogMelFeatures from(FeatureConfig c) {
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
        if (c.stft().winLength() != c.stft().nFft() || !c.stft().center()) {
            throw new IllegalArgumentException("stft: only win_length = n_fft with center=True is supported");
        }
        return new LogMelFeatures(c.sampleRate(), c.stft().nFft(), c.stft().hopLength(), c.nMels(), c.fMin(),
                c.fMax(), c.topDb(), c.stft().padMode());
    }

    /**
     * @return the same settings as an audiotag-features {@link FeatureConfig} (kind LOG_MEL_IMAGE, 2-s clips,
     *     pipeline A's length policy), e.g. for {@code FeatureExtractor.of(config)}
     */
    public FeatureConfig toFeatureConfig() {
        return FeatureConfig.pipelineA().toBuilder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(nFft).hopLength(hopLength).center(true).padMode(padMode).build())
                .nMels(nMels).fMin(fMin).fMax(fMax).topDb(topDb).nSamples(2 * sr).build();
    }

    /** @return sample rate in Hz */
    public int sr() {
        return sr;
    }

    /** @return hop length in samples */
    public int hopLength() {
        return hopLength;
    }

    /** @return FFT size */
    public int nFft() {
        return nFft;
    }

    /** @return the number of mel bands */
    public int nMels() {
        return nMels;
    }

    /**
     * @param seconds a duration
     * @return the frames of a clip of that duration: {@code 1 + floor(seconds·sr / hopLength)}
     */
    public int framesFor(double seconds) {
        return 1 + (int) Math.floor(seconds * sr / hopLength);
    }

    @Override
    public int bins() {
        return nMels;
    }

    @Override
    public String cacheKey() {
        return String.format(Locale.ROOT, "logmel v%d sr=%d nFft=%d hopLength=%d nMels=%d fMin=%s fMax=%s "
                + "topDb=%s center=true padMode=%s htk=false norm=slaney power=2 ref=1 amin=1e-10", VERSION, sr,
                nFft, hopLength, nMels, fMin, fMax, topDb, padMode.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Features compute(Path file) throws IOException {
        return compute(loader.load(file));
    }

    /**
     * Log-mel of a clip already in memory.
     *
     * @param clip mono audio at {@link #sr()} Hz
     * @return time-major dB features
     * @throws IllegalArgumentException if the clip's rate is not {@link #sr()} or it holds NaN/infinite samples
     * @throws AudioFormatException never for in-memory clips (declared for symmetry with files)
     */
    public Features compute(AudioClip clip) throws AudioFormatException {
        if (clip.sampleRate() != sr) {
            throw new IllegalArgumentException("clip: sample rate " + clip.sampleRate() + " Hz, features need " + sr);
        }
        return compute(clip.samples());
    }

    /**
     * Log-mel of raw samples.
     *
     * @param samples mono samples at {@link #sr()} Hz, in [-1, 1]
     * @return time-major dB features
     * @throws IllegalArgumentException for an empty array or NaN/infinite samples
     */
    public Features compute(float[] samples) {
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
        if (y.length <= nFft / 2) {
            // reflect padding needs more than n_fft/2 samples; zero-extend very short clips as librosa would fail
            y = java.util.Arrays.copyOf(samples, nFft / 2 + 1);
        }
        FeatureMatrix m = mel.compute(y);
        FeatureMatrix db = Decibels.powerToDb(m, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, topDb);
        return Features.fromBinMajor(db.rows(), db.cols(), db.toArray());
    }

    /** @return the parameters as text key/values (for provenance files) */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("features.kind", "logmel");
        m.put("features.version", Integer.toString(VERSION));
        m.put("features.sr", Integer.toString(sr));
        m.put("features.nFft", Integer.toString(nFft));
        m.put("features.hopLength", Integer.toString(hopLength));
        m.put("features.nMels", Integer.toString(nMels));
        m.put("features.fMin", Double.toString(fMin));
        m.put("features.fMax", Double.toString(fMax));
        m.put("features.topDb", Double.toString(topDb));
        m.put("features.padMode", padMode.name());
        m.put("features.config", toFeatureConfig().toText());
        return m;
    }

    /**
     * @param m values written by {@link #toMap()}
     * @return the configuration
     * @throws IllegalArgumentException if a key is missing or a value is malformed or out of range
     */
    public static LogMelFeatures fromMap(Map<String, String> m) {
        if (!"logmel".equals(m.get("features.kind"))) {
            throw new IllegalArgumentException("features.kind: '" + m.get("features.kind") + "', expected logmel");
        }
        try {
            return new LogMelFeatures(Integer.parseInt(req(m, "features.sr")), Integer.parseInt(req(m,
                    "features.nFft")), Integer.parseInt(req(m, "features.hopLength")), Integer.parseInt(req(m,
                    "features.nMels")), Double.parseDouble(req(m, "features.fMin")), Double.parseDouble(req(m,
                    "features.fMax")), Double.parseDouble(req(m, "features.topDb")),
                    PadMode.valueOf(m.getOrDefault("features.padMode", "REFLECT")));
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

    @Override
    public boolean equals(Object o) {
        return o instanceof LogMelFeatures l && l.cacheKey().equals(cacheKey());
    }

    @Override
    public int hashCode() {
        return cacheKey().hashCode();
    }

    @Override
    public String toString() {
        return cacheKey();
    }
}
