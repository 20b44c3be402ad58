package org.audiotag.features;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.audiotag.features.internal.Checks;

/**
 * A complete, immutable and serialisable description of one feature extraction: what a trained model was fed, so
 * that a {@code Tagger} can rebuild exactly the same {@link FeatureExtractor}.
 *
 * <p>It fixes the expected sample rate, silence trimming, the fixed-length policy ({@link FixedLength.Policy}) and
 * target length, and for log-mel kinds every librosa parameter of {@code power_to_db(melspectrogram(...))}: those of
 * the mel spectrogram as one {@link MelConfig} ({@link #mel()}, validated with its limits), the dB ones here. Presets:
 * {@link #pipelineA()} (the original 128 x 128 image), {@link #pipelineC()} (the Kaggle-kernel variant),
 * {@link #modern()} (librosa 0.10 defaults) and {@link #rawWaveform()} (pipeline B, 88200 samples).
 *
 * <p>Text form ({@link #toText()}, {@link #parse(String)}): {@code key=value} pairs separated by {@code ;} in a fixed
 * order, e.g. {@code format=audiotag-features/1;kind=log_mel_image;sr=44100;...}; the same keys are used by
 * {@link #toProperties()} / {@link #fromProperties(Properties)}. Keys missing when parsing take the builder
 * defaults (those of {@link #modern()}); unknown keys and bad values are rejected naming the key. Two
 * configurations are equal when their text forms are.
 *
 * {@snippet :
 * FeatureConfig a = FeatureConfig.pipelineA();         // the original 128 x 128 log-mel image
 * int frames = a.framesPerClip();                      // 128: 2 s at 44.1 kHz, hop 692
 * String text = a.toText();                            // "format=audiotag-features/1;kind=log_mel_image;sr=44100;..."
 * FeatureConfig same = FeatureConfig.parse(text);      // equals(a)
 * // 64 HTK mels of 16 kHz audio, 25 ms windows every 10 ms, no top_db clamp
 * FeatureConfig speech = FeatureConfig.builder().sampleRate(16000).nSamples(32000).nMels(64).fMin(50).htk(true)
 *         .stft(StftConfig.builder().nFft(400).hopLength(160).build()).topDb(Decibels.NO_TOP_DB).build();
 * FeatureExtractor extractor = FeatureExtractor.of(speech);
 * }
 */
public final class FeatureConfig {
    /** The format tag written as the first key. */
    public static final String FORMAT = "audiotag-features/1";

    /** What the extractor returns. */
    public enum Kind {
        /** log-mel {@code (n_mels, frames)} in librosa layout, e.g. the 128 x 128 image. */
        LOG_MEL_IMAGE,
        /** log-mel transposed to {@code (frames, n_mels)}, the T x 128 sequence of recurrent / attention models. */
        LOG_MEL_SEQUENCE,
        /** the prepared waveform {@code (1, n_samples)}, optionally mu-law compressed (pipeline B). */
        RAW_WAVEFORM
    }

    private final Kind kind;
    private final int sampleRate;
    private final int nSamples;
    private final FixedLength.Policy lengthPolicy;
    private final boolean faithfulCrop;
    private final double trimTopDb;
    private final PadMode trimPadMode;
    private final MelConfig mel;
    private final DbRef ref;
    private final double amin;
    private final double topDb;
    private final double muLaw;

    private FeatureConfig(Builder b, MelConfig mel) {
        this.kind = b.kind;
        this.sampleRate = b.sampleRate;
        this.nSamples = b.nSamples;
        this.lengthPolicy = b.lengthPolicy;
        this.faithfulCrop = b.faithfulCrop;
        this.trimTopDb = b.trimTopDb;
        this.trimPadMode = b.trimPadMode;
        this.mel = mel;
        this.ref = b.ref;
        this.amin = b.amin;
        this.topDb = b.topDb;
        this.muLaw = b.muLaw;
    }

    /**
     * Returns a builder with the {@link #modern()} defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind;
        b.sampleRate = sampleRate;
        b.nSamples = nSamples;
        b.lengthPolicy = lengthPolicy;
        b.faithfulCrop = faithfulCrop;
        b.trimTopDb = trimTopDb;
        b.trimPadMode = trimPadMode;
        b.setMel(mel);
        b.ref = ref;
        b.amin = amin;
        b.topDb = topDb;
        b.muLaw = muLaw;
        return b;
    }

    /**
     * Returns pipeline A of the original project (docs/ORIGINAL-PROJECT.md §1.3): 44.1 kHz, left zero-pad / first
     * 88200 samples, no trim, {@code n_fft 2560}, hop 692, Hann, centred with <b>reflect</b> padding (librosa 0.6),
     * 128 Slaney mels from 0 to 22050 Hz (norm slaney), power 2, {@code power_to_db(ref 1, amin 1e-10, top_db 80)}:
     * a 128 x 128 image.
     *
     * @return the preset
     */
    public static FeatureConfig pipelineA() {
        Builder b = builder().kind(Kind.LOG_MEL_IMAGE).sampleRate(44100).nSamples(88200)
                .lengthPolicy(FixedLength.Policy.LEFT_PAD_CROP_FIRST).trimTopDb(0).fMin(0).fMax(22050);
        b.stft.nFft(2560).hopLength(692).padMode(PadMode.REFLECT);
        return b.build();
    }

    /**
     * Returns pipeline C (docs/ORIGINAL-PROJECT.md §1.5, the Kaggle-kernel configuration): trim silence at 60 dB
     * (librosa 0.6 framing with reflect padding), centre-pad to 88200 samples, random 88200-sample crop of longer
     * clips when a random source is given (first 88200 otherwise, as at validation), {@code n_fft 2560}, hop 694,
     * reflect, 128 mels from 20 to 22050 Hz, power 2, {@code power_to_db(ref 1, top_db 80)}: 128 frames.
     *
     * @return the preset
     */
    public static FeatureConfig pipelineC() {
        Builder b = builder().kind(Kind.LOG_MEL_IMAGE).sampleRate(44100).nSamples(88200)
                .lengthPolicy(FixedLength.Policy.CENTRE_PAD_RANDOM_CROP).trimTopDb(60).trimPadMode(PadMode.REFLECT)
                .fMin(20).fMax(22050);
        b.stft.nFft(2560).hopLength(694).padMode(PadMode.REFLECT);
        return b.build();
    }

    /**
     * Returns a modern default with librosa 0.10 conventions: 44.1 kHz, no trim, centre-pad / random 2-s crop,
     * {@code n_fft 2048}, hop 692 (128 frames per 2 s), Hann, centred with constant (zero) padding, 128 Slaney mels
     * from 20 to 22050 Hz, power 2, {@code power_to_db(ref 1, amin 1e-10, top_db 80)}.
     *
     * @return the preset
     */
    public static FeatureConfig modern() {
        return builder().build();
    }

    /**
     * Returns pipeline B (docs/ORIGINAL-PROJECT.md §1.4): the raw 88200-sample waveform at 44.1 kHz, left zero-pad /
     * first-2-s crop, no mu-law (set {@link Builder#muLaw(double)} for the mu-law variant).
     *
     * @return the preset
     */
    public static FeatureConfig rawWaveform() {
        return builder().kind(Kind.RAW_WAVEFORM).lengthPolicy(FixedLength.Policy.LEFT_PAD_CROP_FIRST).build();
    }

    /**
     * Returns a copy with another output kind, e.g. the (frames, 128) sequence of the same log-mel.
     *
     * @param kind the output kind
     * @return the validated copy
     * @throws IllegalArgumentException if the copy is invalid (a mu-law setting with a log-mel kind)
     */
    public FeatureConfig withKind(Kind kind) {
        return toBuilder().kind(kind).build();
    }

    /**
     * Returns what the extractor returns ({@code kind}).
     *
     * @return the output kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the expected input sample rate ({@code sr}).
     *
     * @return the rate in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the target length of the fixed-length step ({@code n_samples}).
     *
     * @return the length in samples
     */
    public int nSamples() {
        return nSamples;
    }

    /**
     * Returns how clips are brought to {@link #nSamples()} ({@code length_policy}).
     *
     * @return the fixed-length policy
     */
    public FixedLength.Policy lengthPolicy() {
        return lengthPolicy;
    }

    /**
     * Returns whether random crops use the original's exclusive upper bound (docs/ORIGINAL-PROJECT.md §10.7).
     *
     * @return true to reproduce the original crop draws
     */
    public boolean faithfulCrop() {
        return faithfulCrop;
    }

    /**
     * Returns the silence-trimming threshold of {@link Trim} ({@code trim_top_db}).
     *
     * @return the threshold in dB below the loudest frame, 0 = no trimming
     */
    public double trimTopDb() {
        return trimTopDb;
    }

    /**
     * Returns the frame padding of the trimming energy ({@code trim_pad_mode}).
     *
     * @return the pad mode
     */
    public PadMode trimPadMode() {
        return trimPadMode;
    }

    /**
     * The mel spectrogram parameters: sample rate, STFT, {@code n_mels}, {@code fmin}, {@code fmax}, {@code htk},
     * {@code norm} and {@code power}, validated by {@link MelConfig} (also for {@link Kind#RAW_WAVEFORM}, where they
     * are not used).
     *
     * @return the mel parameters; {@code mel().sampleRate() == sampleRate()}
     */
    public MelConfig mel() {
        return mel;
    }

    /**
     * Returns the STFT parameters, {@code mel().stft()}.
     *
     * @return the STFT parameters
     */
    public StftConfig stft() {
        return mel.stft();
    }

    /**
     * Returns the number of mel bands, {@code mel().nMels()}.
     *
     * @return {@code n_mels}
     */
    public int nMels() {
        return mel.nMels();
    }

    /**
     * Returns the lowest mel band edge, {@code mel().fMin()}.
     *
     * @return {@code fmin} in Hz
     */
    public double fMin() {
        return mel.fMin();
    }

    /**
     * Returns the highest mel band edge, {@code mel().fMax()}.
     *
     * @return {@code fmax} in Hz ({@code sr / 2} for None)
     */
    public double fMax() {
        return mel.fMax();
    }

    /**
     * Returns whether the HTK mel scale is used instead of Slaney's, {@code mel().htk()}.
     *
     * @return {@code htk}
     */
    public boolean htk() {
        return mel.htk();
    }

    /**
     * Returns the mel filter normalisation, {@code mel().norm()}.
     *
     * @return {@code norm}
     */
    public MelNorm norm() {
        return mel.norm();
    }

    /**
     * Returns the magnitude exponent of the mel spectrogram, {@code mel().power()}.
     *
     * @return {@code power} (1 magnitude, 2 power)
     */
    public double power() {
        return mel.power();
    }

    /**
     * Returns the reference of {@code power_to_db} ({@code ref}).
     *
     * @return the dB reference
     */
    public DbRef ref() {
        return ref;
    }

    /**
     * Returns the floor applied before the logarithm ({@code amin}).
     *
     * @return {@code amin}, in power units
     */
    public double amin() {
        return amin;
    }

    /**
     * Returns the dynamic range kept below the maximum ({@code top_db}).
     *
     * @return the range in dB, or {@link Decibels#NO_TOP_DB}
     */
    public double topDb() {
        return topDb;
    }

    /**
     * Returns the mu-law parameter applied to the raw waveform ({@code mu_law}, see {@link MuLaw}).
     *
     * @return {@code mu}, 0 = none
     */
    public double muLaw() {
        return muLaw;
    }

    /**
     * Returns the number of frames of a log-mel of a clip prepared to {@link #nSamples()} samples (for policies that
     * fix the length): {@code stft().frameCount(nSamples())}.
     *
     * @return the frame count, e.g. 128 for the presets
     */
    public int framesPerClip() {
        return mel.stft().frameCount(nSamples);
    }

    /**
     * Returns the mel spectrogram these parameters describe, {@code MelSpectrogram.of(mel())}.
     *
     * @return a new mel spectrogram (its filter bank computed now)
     */
    public MelSpectrogram melSpectrogram() {
        return MelSpectrogram.of(mel);
    }

    /** Returns the ordered key/value pairs of the text form. */
    private Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("kind", kind.name().toLowerCase(Locale.ROOT));
        m.put("sr", Integer.toString(sampleRate));
        m.put("n_samples", Integer.toString(nSamples));
        m.put("length_policy", lengthPolicy.name().toLowerCase(Locale.ROOT));
        m.put("faithful_crop", Boolean.toString(faithfulCrop));
        m.put("trim_top_db", Double.toString(trimTopDb));
        m.put("trim_pad_mode", trimPadMode.librosaName());
        StftConfig stft = mel.stft();
        m.put("n_fft", Integer.toString(stft.nFft()));
        m.put("hop_length", Integer.toString(stft.hopLength()));
        m.put("win_length", Integer.toString(stft.winLength()));
        m.put("window", stft.window().librosaName());
        m.put("center", Boolean.toString(stft.center()));
        m.put("pad_mode", stft.padMode().librosaName());
        m.put("n_mels", Integer.toString(mel.nMels()));
        m.put("fmin", Double.toString(mel.fMin()));
        m.put("fmax", Double.toString(mel.fMax()));
        m.put("htk", Boolean.toString(mel.htk()));
        m.put("norm", mel.norm().librosaName());
        m.put("power", Double.toString(mel.power()));
        m.put("ref", ref.toString());
        m.put("amin", Double.toString(amin));
        m.put("top_db", topDb == Decibels.NO_TOP_DB ? "none" : Double.toString(topDb));
        m.put("mu_law", Double.toString(muLaw));
        return m;
    }

    /**
     * Returns the one-line text form {@code key=value;key=value;...}, stable across runs and suitable as a cache key.
     *
     * @return the text form, read back by {@link #parse(String)}
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries().entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /**
     * Returns the configuration as properties with the keys of the text form.
     *
     * @return new properties, read back by {@link #fromProperties(Properties)}
     */
    public Properties toProperties() {
        Properties p = new Properties();
        entries().forEach(p::setProperty);
        return p;
    }

    /**
     * Parses the text form ({@code ;} or newline separated {@code key=value} pairs; blank lines and {@code #}
     * comments ignored).
     *
     * @param text the text
     * @return the validated configuration
     * @throws IllegalArgumentException naming the unknown key, the bad value, or the invalid parameter
     */
    public static FeatureConfig parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split("[;\\n\\r]+")) {
            String p = part.trim();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("feature config entry '" + p + "' is not key=value");
            }
            m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return fromMap(m);
    }

    /**
     * Reads a configuration from properties written by {@link #toProperties()}.
     *
     * @param props properties written by {@link #toProperties()}
     * @return the validated configuration
     * @throws IllegalArgumentException naming the unknown key, the bad value, or the invalid parameter
     */
    public static FeatureConfig fromProperties(Properties props) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : props.stringPropertyNames()) {
            m.put(k, props.getProperty(k).trim());
        }
        return fromMap(m);
    }

    private static FeatureConfig fromMap(Map<String, String> m) {
        Builder b = builder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            try {
                switch (k) {
                    case "format":
                        if (!v.equals(FORMAT)) {
                            throw new IllegalArgumentException("unsupported format '" + v + "', expected " + FORMAT);
                        }
                        break;
                    case "kind":
                        b.kind(Kind.valueOf(v.toUpperCase(Locale.ROOT)));
                        break;
                    case "sr":
                        b.sampleRate(Integer.parseInt(v));
                        break;
                    case "n_samples":
                        b.nSamples(Integer.parseInt(v));
                        break;
                    case "length_policy":
                        b.lengthPolicy(FixedLength.Policy.valueOf(v.toUpperCase(Locale.ROOT)));
                        break;
                    case "faithful_crop":
                        b.faithfulCrop(bool(v));
                        break;
                    case "trim_top_db":
                        b.trimTopDb(Double.parseDouble(v));
                        break;
                    case "trim_pad_mode":
                        b.trimPadMode(PadMode.parse(v));
                        break;
                    case "n_fft":
                        b.stft.nFft(Integer.parseInt(v));
                        break;
                    case "hop_length":
                        b.stft.hopLength(Integer.parseInt(v));
                        break;
                    case "win_length":
                        b.stft.winLength(Integer.parseInt(v));
                        break;
                    case "window":
                        b.stft.window(Window.parse(v));
                        break;
                    case "center":
                        b.stft.center(bool(v));
                        break;
                    case "pad_mode":
                        b.stft.padMode(PadMode.parse(v));
                        break;
                    case "n_mels":
                        b.nMels(Integer.parseInt(v));
                        break;
                    case "fmin":
                        b.fMin(Double.parseDouble(v));
                        break;
                    case "fmax":
                        b.fMax(v.equalsIgnoreCase("none") ? Double.NaN : Double.parseDouble(v));
                        break;
                    case "htk":
                        b.htk(bool(v));
                        break;
                    case "norm":
                        b.norm(MelNorm.parse(v));
                        break;
                    case "power":
                        b.power(Double.parseDouble(v));
                        break;
                    case "ref":
                        b.ref(DbRef.parse(v));
                        break;
                    case "amin":
                        b.amin(Double.parseDouble(v));
                        break;
                    case "top_db":
                        b.topDb(v.equalsIgnoreCase("none") ? Decibels.NO_TOP_DB : Double.parseDouble(v));
                        break;
                    case "mu_law":
                        b.muLaw(Double.parseDouble(v));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown key");
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("feature config key '" + k + "' = '" + v + "': " + ex.getMessage(),
                        ex);
            }
        }
        return b.build();
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureConfig f && f.toText().equals(toText());
    }

    @Override
    public int hashCode() {
        return toText().hashCode();
    }

    /**
     * Returns the text form, {@link #toText()}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return toText();
    }

    /**
     * Builder of {@link FeatureConfig}; starts from {@link FeatureConfig#modern()} and validates in {@link #build()}.
     * The mel setters ({@link #stft}, {@link #nMels}, {@link #fMin}, {@link #fMax}, {@link #htk}, {@link #norm},
     * {@link #power}) take the values of a {@link MelConfig.Builder} and are checked with its limits.
     */
    public static final class Builder {
        private Kind kind = Kind.LOG_MEL_IMAGE;
        private int sampleRate = 44100;
        private int nSamples = 88200;
        private FixedLength.Policy lengthPolicy = FixedLength.Policy.CENTRE_PAD_RANDOM_CROP;
        private boolean faithfulCrop;
        private double trimTopDb;
        private PadMode trimPadMode = PadMode.CONSTANT;
        private StftConfig.Builder stft = StftConfig.builder().nFft(2048).hopLength(692);
        private int nMels = 128;
        private double fMin = 20;
        private double fMax = Double.NaN;
        private boolean htk;
        private MelNorm norm = MelNorm.SLANEY;
        private double power = 2.0;
        private DbRef ref = DbRef.ONE;
        private double amin = Decibels.DEFAULT_AMIN_POWER;
        private double topDb = Decibels.DEFAULT_TOP_DB;
        private double muLaw;

        private Builder() {
        }

        /**
         * Sets what the extractor returns ({@code kind}, default {@link Kind#LOG_MEL_IMAGE}).
         *
         * @param kind output kind
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets the expected input sample rate ({@code sr}, default 44100 Hz).
         *
         * @param sr expected input sample rate in Hz, in [1, 768000] (as {@link MelConfig})
         * @return this builder
         */
        public Builder sampleRate(int sr) {
            this.sampleRate = sr;
            return this;
        }

        /**
         * Sets the target length of the fixed-length step ({@code n_samples}).
         *
         * @param nSamples target length of the fixed-length step, &gt;= 1 (default 88200 = 2 s at 44.1 kHz)
         * @return this builder
         */
        public Builder nSamples(int nSamples) {
            this.nSamples = nSamples;
            return this;
        }

        /**
         * Sets how clips are brought to the target length ({@code length_policy}, default
         * {@link FixedLength.Policy#CENTRE_PAD_RANDOM_CROP}).
         *
         * @param policy fixed-length policy
         * @return this builder
         */
        public Builder lengthPolicy(FixedLength.Policy policy) {
            this.lengthPolicy = Objects.requireNonNull(policy, "length_policy");
            return this;
        }

        /**
         * Sets whether random crops reproduce the original's exclusive upper bound ({@code faithful_crop}, default
         * false; docs/ORIGINAL-PROJECT.md §10.7).
         *
         * @param faithful reproduce the original random crop's exclusive upper bound
         * @return this builder
         */
        public Builder faithfulCrop(boolean faithful) {
            this.faithfulCrop = faithful;
            return this;
        }

        /**
         * Sets the silence-trimming threshold of {@link Trim} ({@code trim_top_db}, default 0: no trimming).
         *
         * @param topDb silence-trimming threshold in dB (&gt; 0), or 0 for no trimming
         * @return this builder
         */
        public Builder trimTopDb(double topDb) {
            this.trimTopDb = topDb;
            return this;
        }

        /**
         * Sets the frame padding of the trimming energy ({@code trim_pad_mode}, default constant as librosa 0.10;
         * reflect as librosa 0.6).
         *
         * @param mode frame padding of the trimming energy
         * @return this builder
         */
        public Builder trimPadMode(PadMode mode) {
            this.trimPadMode = Objects.requireNonNull(mode, "trim_pad_mode");
            return this;
        }

        /**
         * Sets every mel parameter at once: {@code sr} (which must be a whole number of Hz here), the STFT,
         * {@code n_mels}, {@code fmin}, {@code fmax}, {@code htk}, {@code norm} and {@code power}.
         *
         * @param config mel parameters, e.g. those of a {@link MelSpectrogram#config()}
         * @return this builder
         * @throws IllegalArgumentException if {@code config.sampleRate()} is not a whole number of Hz
         */
        public Builder mel(MelConfig config) {
            Objects.requireNonNull(config, "mel");
            double sr = config.sampleRate();
            if (sr != Math.rint(sr)) {
                throw new IllegalArgumentException("sr must be a whole number of Hz in a feature config, got " + sr);
            }
            this.sampleRate = (int) sr;
            setMel(config);
            return this;
        }

        /** Copies the mel parameters other than the sample rate. */
        private void setMel(MelConfig config) {
            this.stft = config.stft().toBuilder();
            this.nMels = config.nMels();
            this.fMin = config.fMin();
            this.fMax = config.fMax();
            this.htk = config.htk();
            this.norm = config.norm();
            this.power = config.power();
        }

        /**
         * Sets the STFT parameters (default {@code n_fft 2048}, hop 692, Hann, centred, constant padding).
         *
         * @param config STFT parameters
         * @return this builder
         */
        public Builder stft(StftConfig config) {
            this.stft = Objects.requireNonNull(config, "stft").toBuilder();
            return this;
        }

        /**
         * Sets the number of mel bands ({@code n_mels}, default 128).
         *
         * @param nMels number of mel bands, in [1, 4096]
         * @return this builder
         */
        public Builder nMels(int nMels) {
            this.nMels = nMels;
            return this;
        }

        /**
         * Sets the lowest mel band edge ({@code fmin}, default 20 Hz).
         *
         * @param fMin lowest mel edge in Hz, in [0, sr/2)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /**
         * Sets the highest mel band edge ({@code fmax}, default None = {@code sr / 2}).
         *
         * @param fMax highest mel edge in Hz, in (fmin, sr/2]; NaN for {@code sr / 2}
         * @return this builder
         */
        public Builder fMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        /**
         * Sets whether the HTK mel scale is used instead of Slaney's ({@code htk}, default false).
         *
         * @param htk HTK mel scale
         * @return this builder
         */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /**
         * Sets the mel filter normalisation ({@code norm}, default slaney).
         *
         * @param norm mel filter normalisation
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        /**
         * Sets the magnitude exponent of the mel spectrogram ({@code power}, default 2: power).
         *
         * @param power magnitude exponent, finite and &gt; 0
         * @return this builder
         */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /**
         * Sets the reference of {@code power_to_db} ({@code ref}, default 1.0).
         *
         * @param ref dB reference
         * @return this builder
         */
        public Builder ref(DbRef ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        /**
         * Sets the floor applied before the logarithm ({@code amin}, default 1e-10).
         *
         * @param amin dB floor, &gt; 0
         * @return this builder
         */
        public Builder amin(double amin) {
            this.amin = amin;
            return this;
        }

        /**
         * Sets the dynamic range kept below the maximum ({@code top_db}, default 80 dB).
         *
         * @param topDb dB range kept, &gt;= 0, or {@link Decibels#NO_TOP_DB}
         * @return this builder
         */
        public Builder topDb(double topDb) {
            this.topDb = topDb;
            return this;
        }

        /**
         * Sets the mu-law compression of the raw waveform ({@code mu_law}, default 0: none; see {@link MuLaw}).
         *
         * @param mu mu-law parameter for {@link Kind#RAW_WAVEFORM} (&gt; 0), or 0 for none
         * @return this builder
         */
        public Builder muLaw(double mu) {
            this.muLaw = mu;
            return this;
        }

        /**
         * Validates every parameter (the mel parameters through {@link MelConfig.Builder#build()}, with its limits)
         * and returns the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the offending parameter and its allowed range
         */
        public FeatureConfig build() {
            MelConfig mel = MelConfig.builder().sampleRate(sampleRate).stft(stft.build()).nMels(nMels).fMin(fMin)
                    .fMax(fMax).htk(htk).norm(norm).power(power).build();
            if (nSamples < 1) {
                throw new IllegalArgumentException("n_samples must be >= 1, got " + nSamples);
            }
            if (!(trimTopDb >= 0) || Double.isInfinite(trimTopDb)) {
                throw new IllegalArgumentException("trim_top_db must be a finite number >= 0 (0 = off), got "
                        + trimTopDb);
            }
            if (!(muLaw >= 0) || Double.isInfinite(muLaw)) {
                throw new IllegalArgumentException("mu_law must be a finite number >= 0 (0 = off), got " + muLaw);
            }
            if (muLaw > 0 && kind != Kind.RAW_WAVEFORM) {
                throw new IllegalArgumentException("mu_law applies to kind raw_waveform only, not " + kind);
            }
            Checks.positive(amin, "amin");
            if (!(topDb >= 0)) {
                throw new IllegalArgumentException("top_db must be >= 0 or none, got " + topDb);
            }
            return new FeatureConfig(this, mel);
        }
    }
}
