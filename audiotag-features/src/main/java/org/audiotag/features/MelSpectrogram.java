package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;

/**
 * Mel spectrogram as {@code librosa.feature.melspectrogram}: {@code mel_basis @ |stft(y)|**power}, layout
 * {@code (n_mels, n_frames)}, built from a {@link MelConfig} ({@link #of(MelConfig)}).
 *
 * <p>Defaults as librosa 0.10 (those of {@link MelConfig}): {@code sr = 22050}, {@link StftConfig} defaults
 * ({@code n_fft 2048}, hop {@code n_fft/4}, Hann, centred, constant padding), {@code n_mels = 128}, {@code fmin = 0},
 * {@code fmax = sr/2}, Slaney scale and norm, {@code power = 2}. The filter bank is applied sparsely to each frame's
 * spectrum as soon as it is computed, so the full linear spectrogram is never stored. Immutable and thread-safe
 * (per-thread FFT plans and buffers, see {@link Stft}); two instances are equal when their configurations are.
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

    /** @return a builder with librosa's defaults (a convenience that builds a {@link MelConfig}) */
    public static Builder builder() {
        return new Builder(MelConfig.builder());
    }

    /** @return a builder initialised with this configuration */
    public Builder toBuilder() {
        return new Builder(config.toBuilder());
    }

    /** @return the mel parameters */
    public MelConfig config() {
        return config;
    }

    /** @return sample rate in Hz */
    public double sampleRate() {
        return config.sampleRate();
    }

    /** @return the STFT parameters */
    public StftConfig stftConfig() {
        return config.stft();
    }

    /** @return exponent applied to the STFT magnitude (1 magnitude, 2 power) */
    public double power() {
        return config.power();
    }

    /** @return the (sparse) mel filter bank */
    public MelFilterBank filterBank() {
        return bank;
    }

    /** @return the STFT used */
    public Stft stft() {
        return stft;
    }

    /**
     * Mel spectrogram of a signal in double precision.
     *
     * @param y mono signal at {@link #sampleRate()}
     * @return {@code (n_mels, n_frames)}
     */
    public DoubleMatrix compute(double[] y) {
        Checks.finiteSignal(y, "y");
        int nFrames = config.stft().frameCount(y.length);
        double[] out = new double[bank.nMels() * nFrames];
        stft.forEachFrame(y, config.power(), (t, spec) -> bank.applyColumn(spec, out, nFrames, t));
        return new DoubleMatrix(bank.nMels(), nFrames, out, true);
    }

    /**
     * Float32 fast path: single-precision FFT and accumulation (within librosa's own float32 tolerance).
     *
     * @param y mono signal at {@link #sampleRate()}
     * @return {@code (n_mels, n_frames)}
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
     * Mel spectrogram of a given spectrogram ({@code melspectrogram(S=...)}): {@code mel_basis @ S}. {@code S} must
     * already be {@code |STFT|**power}.
     *
     * @param s spectrogram {@code (1 + n_fft/2, frames)}
     * @return {@code (n_mels, frames)}
     */
    public DoubleMatrix fromSpectrogram(DoubleMatrix s) {
        return bank.apply(Objects.requireNonNull(s, "S"));
    }

    /**
     * Float32 variant of {@link #fromSpectrogram(DoubleMatrix)}.
     *
     * @param s spectrogram {@code (1 + n_fft/2, frames)}
     * @return {@code (n_mels, frames)}
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
         * @param sr sample rate in Hz, in [1, 768000] (default 22050)
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            config.sampleRate(sr);
            return this;
        }

        /**
         * @param stftConfig STFT parameters (default librosa's)
         * @return this builder
         */
        public Builder stft(StftConfig stftConfig) {
            config.stft(stftConfig);
            return this;
        }

        /**
         * @param nMels number of mel bands, in [1, 4096] (default 128)
         * @return this builder
         */
        public Builder nMels(int nMels) {
            config.nMels(nMels);
            return this;
        }

        /**
         * @param fMin lowest band edge in Hz, in [0, sr/2) (default 0)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            config.fMin(fMin);
            return this;
        }

        /**
         * @param fMax highest band edge in Hz, in (fmin, sr/2] (default NaN meaning {@code sr / 2})
         * @return this builder
         */
        public Builder fMax(double fMax) {
            config.fMax(fMax);
            return this;
        }

        /**
         * @param htk HTK mel scale instead of Slaney (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            config.htk(htk);
            return this;
        }

        /**
         * @param norm filter normalisation (default slaney)
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            config.norm(norm);
            return this;
        }

        /**
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
