package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;

/**
 * Computes mel spectrograms as {@code librosa.feature.melspectrogram}: {@code mel_basis @ |stft(y)|**power}, layout
 * {@code (n_mels, n_frames)} row-major, power (or magnitude) units, built from a {@link MelConfig}
 * ({@link #of(MelConfig)}).
 *
 * <p>Defaults as librosa 0.10 (those of {@link MelConfig}): {@code sr = 22050}, {@link StftConfig} defaults
 * ({@code n_fft 2048}, hop {@code n_fft/4}, Hann, centred, constant padding), {@code n_mels = 128}, {@code fmin = 0},
 * {@code fmax = sr/2}, Slaney scale and norm, {@code power = 2}. The filter bank is applied sparsely to each frame's
 * spectrum as soon as it is computed, so the full linear spectrogram is never stored. Immutable and thread-safe
 * (per-thread FFT plans and buffers, see {@link Stft}); two instances are equal when their configurations are.
 *
 * <p>Given an {@code AudioClip clip} at 22050 Hz:
 * {@snippet :
 * MelSpectrogram mel = MelSpectrogram.builder().build();      // librosa's defaults
 * FeatureMatrix s = mel.compute(clip.samples());              // (128, 1 + len(y) / 512), power
 * FeatureMatrix db = Decibels.powerToDb(s, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB);
 * // librosa.feature.melspectrogram(y=y, sr=22050, n_fft=1024, hop_length=256, n_mels=80, fmin=20, power=1.0)
 * MelSpectrogram small = MelSpectrogram.builder().stft(StftConfig.builder().nFft(1024).hopLength(256).build())
 *         .nMels(80).fMin(20).power(1.0).build();
 * DoubleMatrix exact = small.compute(clip.samplesAsDouble());   // float64 path
 * }
 */
public final class MelSpectrogram {
    private final MelConfig config;
    private final Stft stft;
    private final MelFilterBank bank;

    private MelSpectrogram(MelConfig config) {
        this.config = config;
        this.stft = Stft.of(config.stft());
        this.bank = MelFilterBank.of(config);
    }

    /**
     * The mel spectrogram a configuration describes (the filter bank is computed here, once).
     *
     * @param config the validated mel parameters
     * @return the mel spectrogram
     */
    public static MelSpectrogram of(MelConfig config) {
        return new MelSpectrogram(Objects.requireNonNull(config, "config"));
    }

    /**
     * Returns a builder with librosa's defaults, a convenience that builds a {@link MelConfig}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(MelConfig.builder());
    }

    /**
     * Returns a builder initialised with this configuration, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(config.toBuilder());
    }

    /**
     * Returns the mel parameters of this spectrogram.
     *
     * @return the configuration
     */
    public MelConfig config() {
        return config;
    }

    /**
     * Returns the sample rate the signal must have, {@code config().sampleRate()}.
     *
     * @return the rate in Hz
     */
    public double sampleRate() {
        return config.sampleRate();
    }

    /**
     * Returns the STFT parameters, {@code config().stft()}.
     *
     * @return the STFT parameters
     */
    public StftConfig stftConfig() {
        return config.stft();
    }

    /**
     * Returns the exponent applied to the STFT magnitude, {@code config().power()}.
     *
     * @return the exponent (1 magnitude, 2 power)
     */
    public double power() {
        return config.power();
    }

    /**
     * Returns the sparse mel filter bank applied to every frame.
     *
     * @return the filter bank, {@code (n_mels, 1 + n_fft/2)}
     */
    public MelFilterBank filterBank() {
        return bank;
    }

    /**
     * Returns the STFT that produces the frames' spectra.
     *
     * @return the STFT
     */
    public Stft stft() {
        return stft;
    }

    /**
     * Computes the mel spectrogram of a signal in double precision ({@code librosa.feature.melspectrogram(y=y)} on a
     * float64 signal).
     *
     * @param y mono signal at {@link #sampleRate()}, at least one sample, all finite
     * @return {@code (n_mels, n_frames)}
     * @throws IllegalArgumentException if {@code y} is empty, too short (without centring) or not finite
     */
    public DoubleMatrix compute(double[] y) {
        Checks.finiteSignal(y, "y");
        int nFrames = config.stft().frameCount(y.length);
        double[] out = new double[bank.nMels() * nFrames];
        stft.forEachFrame(y, config.power(), (t, spec) -> bank.applyColumn(spec, out, nFrames, t));
        return new DoubleMatrix(bank.nMels(), nFrames, out, true);
    }

    /**
     * Computes the mel spectrogram of a float32 signal with a single-precision FFT and accumulation, within
     * librosa's own float32 tolerance (the fast path behind {@link FeatureExtractor}).
     *
     * @param y mono signal at {@link #sampleRate()}, at least one sample, all finite
     * @return {@code (n_mels, n_frames)}
     * @throws IllegalArgumentException if {@code y} is null, empty, too short (without centring) or not finite
     */
    public FeatureMatrix compute(float[] y) {
        Checks.finiteSignal(y, "y");
        return computeChecked(y);
    }

    /** {@link #compute(float[])} for a signal already checked to be non-empty and finite. */
    FeatureMatrix computeChecked(float[] y) {
        int nFrames = config.stft().frameCount(y.length);
        float[] out = new float[bank.nMels() * nFrames];
        stft.forEachFrameBlock(y, (float) config.power(),
                (t0, count, block) -> bank.applyBlock(block, count, out, nFrames, t0));
        return new FeatureMatrix(bank.nMels(), nFrames, out, true);
    }

    /**
     * Applies the filter bank to a given spectrogram ({@code melspectrogram(S=...)}): {@code mel_basis @ S}.
     * {@code S} must already be {@code |STFT|**power}.
     *
     * @param s spectrogram {@code (1 + n_fft/2, frames)}
     * @return {@code (n_mels, frames)}
     * @throws IllegalArgumentException if {@code s} has another number of rows
     */
    public DoubleMatrix fromSpectrogram(DoubleMatrix s) {
        return bank.apply(Objects.requireNonNull(s, "S"));
    }

    /**
     * Applies the filter bank to a given float32 spectrogram, the float variant of
     * {@link #fromSpectrogram(DoubleMatrix)}.
     *
     * @param s spectrogram {@code (1 + n_fft/2, frames)}
     * @return {@code (n_mels, frames)}
     * @throws IllegalArgumentException if {@code s} has another number of rows
     */
    public FeatureMatrix fromSpectrogram(FeatureMatrix s) {
        return bank.apply(Objects.requireNonNull(s, "S"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MelSpectrogram m && m.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "MelSpectrogram[sr=" + config.sampleRate() + ", " + config.stft() + ", power=" + config.power() + ", "
                + bank + "]";
    }

    /**
     * Builder of {@link MelSpectrogram}: a convenience over {@link MelConfig.Builder} (same setters, defaults and
     * validation); {@link #build()} is {@code MelSpectrogram.of(config.build())}.
     */
    public static final class Builder {
        private final MelConfig.Builder config;

        private Builder(MelConfig.Builder config) {
            this.config = config;
        }

        /**
         * Sets {@code sr}, the sample rate of the signal.
         *
         * @param sr sample rate in Hz, in [1, 768000] (default 22050)
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            config.sampleRate(sr);
            return this;
        }

        /**
         * Sets the STFT parameters.
         *
         * @param stftConfig STFT parameters (default librosa's)
         * @return this builder
         */
        public Builder stft(StftConfig stftConfig) {
            config.stft(stftConfig);
            return this;
        }

        /**
         * Sets {@code n_mels}, the number of mel bands.
         *
         * @param nMels number of mel bands, in [1, 4096] (default 128)
         * @return this builder
         */
        public Builder nMels(int nMels) {
            config.nMels(nMels);
            return this;
        }

        /**
         * Sets {@code fmin}, the lowest band edge.
         *
         * @param fMin lowest band edge in Hz, in [0, sr/2) (default 0)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            config.fMin(fMin);
            return this;
        }

        /**
         * Sets {@code fmax}, the highest band edge.
         *
         * @param fMax highest band edge in Hz, in (fmin, sr/2] (default NaN meaning {@code sr / 2})
         * @return this builder
         */
        public Builder fMax(double fMax) {
            config.fMax(fMax);
            return this;
        }

        /**
         * Sets {@code htk}, whether the HTK mel scale replaces Slaney's.
         *
         * @param htk HTK mel scale instead of Slaney (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            config.htk(htk);
            return this;
        }

        /**
         * Sets {@code norm}, the filter normalisation.
         *
         * @param norm filter normalisation (default slaney)
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            config.norm(norm);
            return this;
        }

        /**
         * Sets {@code power}, the exponent of the STFT magnitude.
         *
         * @param power exponent of the magnitude, finite and &gt; 0 (default 2)
         * @return this builder
         */
        public Builder power(double power) {
            config.power(power);
            return this;
        }

        /**
         * Validates (through {@link MelConfig.Builder#build()}) and builds; the filter bank is computed here, once.
         *
         * @return the mel spectrogram
         * @throws IllegalArgumentException naming the offending parameter and its allowed range
         */
        public MelSpectrogram build() {
            return of(config.build());
        }
    }
}
