package org.audiotag.features;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One librosa feature of a whole signal, computed in double precision in librosa's {@code (bins, frames)} layout:
 * the kind ({@code stft}, {@code mel}, {@code logmel}, {@code mfcc}) with its STFT, mel, power, {@code top_db} and
 * {@code n_mfcc} parameters. This is what {@code audiotag features} and {@code audiotag corpus features} compute:
 * <ul>
 *   <li>{@link Kind#STFT}: {@code np.abs(librosa.stft(y, n_fft, hop_length, win_length, window, center,
 *       pad_mode)) ** power}, shape {@code (1 + n_fft/2, frames)}, {@code power} default 1;</li>
 *   <li>{@link Kind#MEL}: {@code librosa.feature.melspectrogram(y=y, sr=sr, ..., n_mels, fmin, fmax, htk, norm,
 *       power)}, shape {@code (n_mels, frames)}, {@code power} default 2;</li>
 *   <li>{@link Kind#LOG_MEL}: {@code librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db)} of that mel
 *       spectrogram, in dB;</li>
 *   <li>{@link Kind#MFCC}: {@code librosa.feature.mfcc(S=logmel, n_mfcc, dct_type=2, norm='ortho', lifter=0)} of
 *       that log-mel, shape {@code (n_mfcc, frames)}.</li>
 * </ul>
 * The sample rate is the signal's and is given to {@link #compute(double[], int)}, so one value serves files of any
 * rate ({@code fmax} left at librosa's {@code None} follows each rate's Nyquist frequency).
 *
 * <p>{@link Builder#build()} validates once, naming librosa's parameter and the allowed range: {@code n_mels} in
 * [1, {@value MelConfig#MAX_N_MELS}]; {@code fmin} a finite number of Hz &gt;= 0; {@code fmax} NaN (librosa's
 * {@code None}, {@code sr/2}) or a finite number of Hz &gt; {@code fmin}; {@code power} NaN (the kind's default)
 * or a finite number &gt; 0; {@code top_db} a number &gt;= 0, or {@link Decibels#NO_TOP_DB} for {@code None};
 * {@code n_mfcc} in [1, {@code n_mels}]; the STFT parameters as {@link StftConfig}. A parameter the kind does not
 * use (the mel ones for {@code stft}, {@code top_db} for {@code stft} and {@code mel}, {@code n_mfcc} but for
 * {@code mfcc}) is kept as given and not checked. Limits that need the sample
 * rate ({@code fmin < sr/2}, {@code fmax <= sr/2}) are checked by {@link #compute(double[], int)} with the
 * messages of {@link MelConfig}. Instances are immutable, compared by value and {@link Serializable} (for
 * distributed pipelines; deserialisation validates again).
 *
 * {@snippet :
 * // librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13, n_mels=64, hop_length=1024)
 * LibrosaFeature mfcc = LibrosaFeature.builder().kind(LibrosaFeature.Kind.MFCC).nMfcc(13).nMels(64)
 *         .stft(StftConfig.builder().hopLength(1024).build()).build();
 * DoubleMatrix c = mfcc.compute(clip.samplesAsDouble(), clip.sampleRate());   // (13, frames)
 * }
 */
public final class LibrosaFeature implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The feature kinds, named on the command line as {@link #label()} says. */
    public enum Kind {
        /** {@code |librosa.stft(y)| ** power}. */
        STFT("stft"),
        /** {@code librosa.feature.melspectrogram}. */
        MEL("mel"),
        /** {@code librosa.power_to_db(melspectrogram, ref=1.0, amin=1e-10, top_db)}. */
        LOG_MEL("logmel"),
        /** {@code librosa.feature.mfcc} of that log-mel. */
        MFCC("mfcc");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * Returns the kind's name on the command line: {@code stft}, {@code mel}, {@code logmel} or {@code mfcc}.
         *
         * @return the lower-case name
         */
        public String label() {
            return label;
        }

        /**
         * Returns the kind a {@link #label()} names, ignoring case.
         *
         * @param label {@code stft}, {@code mel}, {@code logmel} or {@code mfcc}
         * @return the kind
         * @throws IllegalArgumentException naming the allowed labels otherwise
         */
        public static Kind parse(String label) {
            Objects.requireNonNull(label, "kind");
            for (Kind k : values()) {
                if (k.label.equals(label.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind must be one of stft, mel, logmel, mfcc, got '" + label + "'");
        }

        /**
         * Returns the default magnitude exponent of this kind: 1 for {@link #STFT}, 2 (power) for the mel kinds.
         *
         * @return {@code power}'s default
         */
        public double defaultPower() {
            return this == STFT ? 1.0 : 2.0;
        }
    }

    private final Kind kind;
    private final transient StftConfig stft;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final boolean htk;
    private final MelNorm norm;
    private final double power;
    private final double topDb;
    private final int nMfcc;

    private LibrosaFeature(Builder b) {
        this.kind = b.kind;
        this.stft = b.stft;
        this.nMels = b.nMels;
        this.fMin = b.fMin;
        this.fMax = b.fMax;
        this.htk = b.htk;
        this.norm = b.norm;
        this.power = Double.isNaN(b.power) ? b.kind.defaultPower() : b.power;
        this.topDb = b.topDb;
        this.nMfcc = b.nMfcc;
    }

    /**
     * Returns a builder with librosa's defaults: {@code logmel}, {@code n_fft=2048}, hop {@code n_fft/4}, Hann,
     * centred, constant padding, {@code n_mels=128}, {@code fmin=0}, {@code fmax=None}, Slaney scale and norm,
     * {@code power} by kind, {@code top_db=80}, {@code n_mfcc=20}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this feature, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().kind(kind).stft(stft).nMels(nMels).fMin(fMin).fMax(fMax).htk(htk).norm(norm)
                .power(power).topDb(topDb).nMfcc(nMfcc);
    }

    /**
     * Returns the feature kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the STFT parameters ({@code n_fft}, {@code hop_length}, {@code win_length}, window, centring, padding).
     *
     * @return the STFT parameters
     */
    public StftConfig stft() {
        return stft;
    }

    /**
     * Returns {@code n_mels}, the number of mel bands (unused by {@link Kind#STFT}).
     *
     * @return the number of mel bands
     */
    public int nMels() {
        return nMels;
    }

    /**
     * Returns {@code fmin}, the lowest mel band edge.
     *
     * @return the frequency in Hz
     */
    public double fMin() {
        return fMin;
    }

    /**
     * Returns {@code fmax}, the highest mel band edge, or NaN for librosa's {@code None} ({@code sr / 2}).
     *
     * @return the frequency in Hz, or NaN
     */
    public double fMax() {
        return fMax;
    }

    /**
     * Returns {@code htk}: true for the HTK mel scale, false for Slaney's.
     *
     * @return the mel scale flag
     */
    public boolean htk() {
        return htk;
    }

    /**
     * Returns {@code norm}, the mel filter normalisation.
     *
     * @return the normalisation
     */
    public MelNorm norm() {
        return norm;
    }

    /**
     * Returns {@code power}, the exponent of the STFT magnitude (the kind's default if none was set).
     *
     * @return the exponent, &gt; 0
     */
    public double power() {
        return power;
    }

    /**
     * Returns {@code top_db} of {@code power_to_db} ({@link Decibels#NO_TOP_DB} for {@code None}).
     *
     * @return the threshold in dB below the peak
     */
    public double topDb() {
        return topDb;
    }

    /**
     * Returns {@code n_mfcc}, the number of MFCCs (used by {@link Kind#MFCC} only).
     *
     * @return the number of coefficients
     */
    public int nMfcc() {
        return nMfcc;
    }

    /**
     * Returns the mel spectrogram this feature uses at a sample rate ({@code fmax=None} becomes {@code sr / 2}).
     *
     * @param sr the signal's sample rate in Hz
     * @return the mel spectrogram
     * @throws IllegalArgumentException if {@code sr}, {@code fmin} or {@code fmax} is out of range for that rate
     */
    public MelSpectrogram melSpectrogram(int sr) {
        return MelSpectrogram.builder().sampleRate(sr).stft(stft).nMels(nMels).fMin(fMin).fMax(fMax).htk(htk)
                .norm(norm).power(power).build();
    }

    /**
     * Computes the feature of a mono signal in double precision, in librosa's layout: {@code (1 + n_fft/2, frames)}
     * for {@link Kind#STFT}, {@code (n_mels, frames)} for the mel kinds, {@code (n_mfcc, frames)} for
     * {@link Kind#MFCC} (the formulas of the class description).
     *
     * @param y the signal, finite, not empty
     * @param sr its sample rate in Hz
     * @return the feature
     * @throws IllegalArgumentException if the signal is empty or not finite, or a mel parameter is out of range for
     *         {@code sr} (the message names it)
     */
    public DoubleMatrix compute(double[] y, int sr) {
        if (kind == Kind.STFT) {
            return Stft.of(stft).magnitude(y, power);
        }
        DoubleMatrix mel = melSpectrogram(sr).compute(y);
        if (kind == Kind.MEL) {
            return mel;
        }
        DoubleMatrix db = Decibels.powerToDb(mel, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, topDb);
        return kind == Kind.LOG_MEL ? db : Mfcc.of(nMfcc).fromLogMel(db);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LibrosaFeature f && f.kind == kind && f.stft.equals(stft) && f.nMels == nMels
                && Double.compare(f.fMin, fMin) == 0 && Double.compare(f.fMax, fMax) == 0 && f.htk == htk
                && f.norm == norm && Double.compare(f.power, power) == 0 && Double.compare(f.topDb, topDb) == 0
                && f.nMfcc == nMfcc;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, stft, nMels, fMin, fMax, htk, norm, power, topDb, nMfcc);
    }

    @Override
    public String toString() {
        return "LibrosaFeature[kind=" + kind.label() + ", " + stft + ", n_mels=" + nMels + ", fmin=" + fMin
                + ", fmax=" + (Double.isNaN(fMax) ? "None" : fMax) + ", htk=" + htk + ", norm="
                + norm.librosaName() + ", power=" + power + ", top_db="
                + (topDb == Decibels.NO_TOP_DB ? "None" : topDb) + ", n_mfcc=" + nMfcc + "]";
    }

    @Serial
    private Object writeReplace() {
        return new SerializedForm(this);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("LibrosaFeature is read through its serialized form");
    }

    /** The serialized form: the parameters as plain values, rebuilt and validated by the builder when read. */
    private static final class SerializedForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final Kind kind;
        private final int nFft;
        private final int hopLength;
        private final int winLength;
        private final Window window;
        private final boolean center;
        private final PadMode padMode;
        private final int nMels;
        private final double fMin;
        private final double fMax;
        private final boolean htk;
        private final MelNorm norm;
        private final double power;
        private final double topDb;
        private final int nMfcc;

        SerializedForm(LibrosaFeature f) {
            kind = f.kind;
            nFft = f.stft.nFft();
            hopLength = f.stft.hopLength();
            winLength = f.stft.winLength();
            window = f.stft.window();
            center = f.stft.center();
            padMode = f.stft.padMode();
            nMels = f.nMels;
            fMin = f.fMin;
            fMax = f.fMax;
            htk = f.htk;
            norm = f.norm;
            power = f.power;
            topDb = f.topDb;
            nMfcc = f.nMfcc;
        }

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return builder().kind(kind).stft(StftConfig.builder().nFft(nFft).hopLength(hopLength)
                                .winLength(winLength).window(window).center(center).padMode(padMode).build())
                        .nMels(nMels).fMin(fMin).fMax(fMax).htk(htk).norm(norm).power(power).topDb(topDb)
                        .nMfcc(nMfcc).build();
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid LibrosaFeature: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    /** Builder of {@link LibrosaFeature}; starts from librosa's defaults and validates in {@link #build()}. */
    public static final class Builder {
        private Kind kind = Kind.LOG_MEL;
        private StftConfig stft = StftConfig.builder().build();
        private int nMels = 128;
        private double fMin;
        private double fMax = Double.NaN;
        private boolean htk;
        private MelNorm norm = MelNorm.SLANEY;
        private double power = Double.NaN;
        private double topDb = Decibels.DEFAULT_TOP_DB;
        private int nMfcc = 20;

        private Builder() {
        }

        /**
         * Sets the feature kind.
         *
         * @param kind the kind (default {@link Kind#LOG_MEL})
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets the STFT parameters.
         *
         * @param stft the STFT parameters (default librosa's: {@code n_fft=2048}, hop {@code n_fft/4}, Hann,
         *        centred, constant padding)
         * @return this builder
         */
        public Builder stft(StftConfig stft) {
            this.stft = Objects.requireNonNull(stft, "stft");
            return this;
        }

        /**
         * Sets {@code n_mels}, the number of mel bands.
         *
         * @param nMels bands, in [1, 4096] (default 128)
         * @return this builder
         */
        public Builder nMels(int nMels) {
            this.nMels = nMels;
            return this;
        }

        /**
         * Sets {@code fmin}, the lowest mel band edge.
         *
         * @param fMin Hz, finite, &gt;= 0 and below {@code sr/2} (default 0)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /**
         * Sets {@code fmax}, the highest mel band edge.
         *
         * @param fMax Hz, finite, above {@code fmin} and at most {@code sr/2}; NaN for librosa's {@code None}
         *        ({@code sr/2}, the default)
         * @return this builder
         */
        public Builder fMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        /**
         * Sets {@code htk}: the HTK mel scale instead of Slaney's.
         *
         * @param htk true for HTK (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /**
         * Sets {@code norm}, the mel filter normalisation.
         *
         * @param norm {@link MelNorm#SLANEY} (default) or {@link MelNorm#NONE}
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        /**
         * Sets {@code power}, the exponent of the STFT magnitude.
         *
         * @param power finite, &gt; 0; NaN for the kind's default (1 for stft, 2 otherwise, the default)
         * @return this builder
         */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /**
         * Sets {@code top_db} of {@code power_to_db} (log-mel and MFCC kinds).
         *
         * @param topDb dB, &gt;= 0, or {@link Decibels#NO_TOP_DB} for {@code None} (default 80)
         * @return this builder
         */
        public Builder topDb(double topDb) {
            this.topDb = topDb;
            return this;
        }

        /**
         * Sets {@code n_mfcc}, the number of MFCCs (MFCC kind).
         *
         * @param nMfcc coefficients, in [1, n_mels] (default 20)
         * @return this builder
         */
        public Builder nMfcc(int nMfcc) {
            this.nMfcc = nMfcc;
            return this;
        }

        /**
         * Validates the parameters against the limits listed in {@link LibrosaFeature} and builds the feature.
         *
         * @return the feature
         * @throws IllegalArgumentException naming the offending parameter (librosa's name) and its allowed range
         */
        public LibrosaFeature build() {
            boolean mel = kind != Kind.STFT;
            if (mel && (nMels < 1 || nMels > MelConfig.MAX_N_MELS)) {
                throw new IllegalArgumentException("n_mels must be in [1, " + MelConfig.MAX_N_MELS + "], got "
                        + nMels);
            }
            if (mel && (!(fMin >= 0) || Double.isInfinite(fMin))) {
                throw new IllegalArgumentException("fmin must be a finite number of Hz >= 0, got " + fMin);
            }
            if (mel && !Double.isNaN(fMax) && (!(fMax > fMin) || Double.isInfinite(fMax))) {
                throw new IllegalArgumentException("fmax must be a finite number of Hz > fmin=" + fMin
                        + ", or NaN for None (sr/2), got " + fMax);
            }
            if (!Double.isNaN(power) && (!(power > 0) || Double.isInfinite(power))) {
                throw new IllegalArgumentException("power must be a finite number > 0, got " + power);
            }
            if ((kind == Kind.LOG_MEL || kind == Kind.MFCC) && !(topDb >= 0)) {
                throw new IllegalArgumentException("top_db must be >= 0 (or NO_TOP_DB for None), got " + topDb);
            }
            if (kind == Kind.MFCC && (nMfcc < 1 || nMfcc > nMels)) {
                throw new IllegalArgumentException("n_mfcc must be in [1, n_mels=" + nMels + "], got " + nMfcc);
            }
            return new LibrosaFeature(this);
        }
    }
}
