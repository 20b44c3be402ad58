package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;

/**
 * Immutable parameters of a mel spectrogram, named and defaulted as {@code librosa.feature.melspectrogram} (0.10):
 * {@code sr = 22050}, the STFT parameters as a {@link StftConfig} (librosa's {@code n_fft 2048}, hop {@code n_fft/4},
 * Hann, centred, constant padding), {@code n_mels = 128}, {@code fmin = 0}, {@code fmax = None} (= {@code sr / 2}),
 * {@code htk = False} (Slaney scale), {@code norm = 'slaney'} and {@code power = 2.0}. The filter bank these
 * describe is
 * {@code librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax, htk=htk, norm=norm)}
 * ({@link MelFilterBank#of(MelConfig)}).
 *
 * <p>This one value is shared by everything that needs mel parameters: {@link MelSpectrogram#of(MelConfig)},
 * {@link FeatureConfig#mel()}, the mel inversion of audiotag-style and the log-mel features of audiotag-train, so they
 * all accept exactly the same parameters. {@link Builder#build()} validates once, with these limits:
 * <ul>
 *   <li>{@code sr}: a finite number of Hz in [1, 768000];</li>
 *   <li>{@code stft}: any valid {@link StftConfig} (its own limits: {@code n_fft} in [1, 2^24], ...);</li>
 *   <li>{@code n_mels}: an integer in [1, 4096];</li>
 *   <li>{@code fmin}: a finite number of Hz in [0, sr/2);</li>
 *   <li>{@code fmax}: a finite number of Hz in (fmin, sr/2] (rounding of up to 1e-9 Hz above sr/2 tolerated), or NaN
 *       for librosa's {@code None}, which is stored as {@code sr / 2};</li>
 *   <li>{@code power}: a finite number &gt; 0 (1 magnitude, 2 power);</li>
 *   <li>{@code htk}, {@code norm}: any value ({@code norm} not null).</li>
 * </ul>
 * A violation throws {@link IllegalArgumentException} whose message names the parameter (librosa's name) and the
 * allowed range. Instances are compared by value.
 *
 * {@snippet :
 * // librosa.feature.melspectrogram(sr=44100, n_mels=64, fmax=8000), other parameters librosa's defaults
 * MelConfig cfg = MelConfig.builder().sampleRate(44100).nMels(64).fMax(8000).build();
 * MelSpectrogram mel = MelSpectrogram.of(cfg);
 * MelFilterBank bank = MelFilterBank.of(cfg);       // 64 x 1025 Slaney triangles, area-normalised
 * MelConfig htk = cfg.toBuilder().htk(true).norm(MelNorm.NONE).build();   // HTK scale, peak-1 triangles
 * MelConfig original = FeatureConfig.pipelineA().mel();   // sr 44100, n_fft 2560, hop 692, reflect, 128 mels
 * }
 */
public final class MelConfig {
    /** Lowest accepted sample rate in Hz. */
    public static final double MIN_SAMPLE_RATE = 1;
    /** Highest accepted sample rate in Hz. */
    public static final double MAX_SAMPLE_RATE = 768000;
    /** Highest accepted number of mel bands. */
    public static final int MAX_N_MELS = 4096;
    /** Slack above {@code sr / 2} accepted for {@code fmax} (rounding of a value written as text). */
    private static final double NYQUIST_SLACK = 1e-9;

    private final double sampleRate;
    private final StftConfig stft;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final boolean htk;
    private final MelNorm norm;
    private final double power;

    private MelConfig(Builder b, double fMax) {
        this.sampleRate = b.sampleRate;
        this.stft = b.stft;
        this.nMels = b.nMels;
        this.fMin = b.fMin;
        this.fMax = fMax;
        this.htk = b.htk;
        this.norm = b.norm;
        this.power = b.power;
    }

    /**
     * Returns a builder with librosa's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this configuration, {@code fmax} explicit as stored, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().sampleRate(sampleRate).stft(stft).nMels(nMels).fMin(fMin).fMax(fMax).htk(htk).norm(norm)
                .power(power);
    }

    /**
     * Returns {@code sr}, the sample rate of the signal.
     *
     * @return the rate in Hz
     */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the STFT parameters: {@code n_fft}, {@code hop_length}, {@code win_length}, window, centring, padding.
     *
     * @return the STFT parameters
     */
    public StftConfig stft() {
        return stft;
    }

    /**
     * Returns {@code n_mels}, the number of mel bands.
     *
     * @return the number of rows of the mel spectrogram
     */
    public int nMels() {
        return nMels;
    }

    /**
     * Returns {@code fmin}, the lowest band edge.
     *
     * @return the frequency in Hz
     */
    public double fMin() {
        return fMin;
    }

    /**
     * Returns {@code fmax}, the highest band edge ({@code sr / 2} when built with librosa's None).
     *
     * @return the frequency in Hz
     */
    public double fMax() {
        return fMax;
    }

    /**
     * Returns {@code htk}, whether the HTK mel scale is used instead of Slaney's (see {@link MelScale}).
     *
     * @return true for the HTK scale
     */
    public boolean htk() {
        return htk;
    }

    /**
     * Returns {@code norm}, the filter normalisation.
     *
     * @return the normalisation
     */
    public MelNorm norm() {
        return norm;
    }

    /**
     * Returns {@code power}, the exponent applied to the STFT magnitude.
     *
     * @return the exponent (1 magnitude, 2 power)
     */
    public double power() {
        return power;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MelConfig m && Double.compare(m.sampleRate, sampleRate) == 0 && m.stft.equals(stft)
                && m.nMels == nMels && Double.compare(m.fMin, fMin) == 0 && Double.compare(m.fMax, fMax) == 0
                && m.htk == htk && m.norm == norm && Double.compare(m.power, power) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleRate, stft, nMels, fMin, fMax, htk, norm, power);
    }

    /**
     * Returns every parameter with librosa's names.
     *
     * @return e.g. {@code MelConfig[sr=22050.0, StftConfig[...], n_mels=128, fmin=0.0, fmax=11025.0, htk=false,
     *     norm=slaney, power=2.0]}
     */
    @Override
    public String toString() {
        return "MelConfig[sr=" + sampleRate + ", " + stft + ", n_mels=" + nMels + ", fmin=" + fMin + ", fmax=" + fMax
                + ", htk=" + htk + ", norm=" + norm.librosaName() + ", power=" + power + "]";
    }

    /** Builder of {@link MelConfig}; starts from librosa's defaults and validates in {@link #build()}. */
    public static final class Builder {
        private double sampleRate = 22050;
        private StftConfig stft = StftConfig.builder().build();
        private int nMels = 128;
        private double fMin = 0;
        private double fMax = Double.NaN;
        private boolean htk;
        private MelNorm norm = MelNorm.SLANEY;
        private double power = 2.0;

        private Builder() {
        }

        /**
         * Sets {@code sr}, the sample rate of the signal.
         *
         * @param sr sample rate in Hz, in [1, 768000] (default 22050)
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            this.sampleRate = sr;
            return this;
        }

        /**
         * Sets the STFT parameters.
         *
         * @param config STFT parameters (default librosa's: n_fft 2048, hop 512, Hann, centred, constant padding)
         * @return this builder
         */
        public Builder stft(StftConfig config) {
            this.stft = Objects.requireNonNull(config, "stft");
            return this;
        }

        /**
         * Sets {@code n_mels}, the number of mel bands.
         *
         * @param nMels number of mel bands, in [1, 4096] (default 128)
         * @return this builder
         */
        public Builder nMels(int nMels) {
            this.nMels = nMels;
            return this;
        }

        /**
         * Sets {@code fmin}, the lowest band edge.
         *
         * @param fMin lowest band edge in Hz, in [0, sr/2) (default 0)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /**
         * Sets {@code fmax}, the highest band edge.
         *
         * @param fMax highest band edge in Hz, in (fmin, sr/2]; NaN for librosa's None = sr/2 (default)
         * @return this builder
         */
        public Builder fMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        /**
         * Sets {@code htk}, whether the HTK mel scale replaces Slaney's.
         *
         * @param htk HTK mel scale instead of Slaney (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /**
         * Sets {@code norm}, the filter normalisation.
         *
         * @param norm filter normalisation (default slaney)
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        /**
         * Sets {@code power}, the exponent of the STFT magnitude.
         *
         * @param power exponent of the STFT magnitude, finite and &gt; 0 (default 2)
         * @return this builder
         */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /**
         * Validates every parameter against the limits listed in {@link MelConfig} and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the offending parameter and its allowed range
         */
        public MelConfig build() {
            if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
                throw new IllegalArgumentException("sr must be in [1, 768000] Hz, got " + sampleRate);
            }
            if (nMels < 1 || nMels > MAX_N_MELS) {
                throw new IllegalArgumentException("n_mels must be in [1, " + MAX_N_MELS + "], got " + nMels);
            }
            double nyquist = sampleRate / 2.0;
            if (!(fMin >= 0 && fMin < nyquist)) {
                throw new IllegalArgumentException("fmin must be in [0, sr/2=" + nyquist + ") Hz, got " + fMin);
            }
            double top = Double.isNaN(fMax) ? nyquist : fMax;
            if (!(top > fMin && top <= nyquist + NYQUIST_SLACK)) {
                throw new IllegalArgumentException("fmax must be in (fmin=" + fMin + ", sr/2=" + nyquist
                        + "] Hz (or None for sr/2), got " + fMax);
            }
            Checks.positive(power, "power");
            return new MelConfig(this, top);
        }
    }
}
