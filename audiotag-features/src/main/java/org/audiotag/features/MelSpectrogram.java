package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;

/**
 * Mel spectrogram as {@code librosa.feature.melspectrogram}: {@code mel_basis @ |stft(y)|**power}, layout
 * {@code (n_mels, n_frames)}.
 *
 * <p>Defaults as librosa 0.10: {@code sr = 22050}, {@link StftConfig} defaults ({@code n_fft 2048}, hop
 * {@code n_fft/4}, Hann, centred, constant padding), {@code n_mels = 128}, {@code fmin = 0}, {@code fmax = sr/2},
 * Slaney scale and norm, {@code power = 2}. The filter bank is applied sparsely to each frame's spectrum as soon as
 * it is computed, so the full linear spectrogram is never stored. Immutable and thread-safe (per-thread FFT plans
 * and buffers, see {@link Stft}).
 */
public final class MelSpectrogram {
    private final double sampleRate;
    private final StftConfig stftConfig;
    private final double power;
    private final Stft stft;
    private final MelFilterBank bank;

    private MelSpectrogram(Builder b) {
        this.sampleRate = b.sampleRate;
        this.stftConfig = b.stft;
        this.power = b.power;
        this.stft = Stft.of(b.stft);
        double fMax = Double.isNaN(b.fMax) ? b.sampleRate / 2.0 : b.fMax;
        this.bank = MelFilterBank.of(b.sampleRate, b.stft.nFft(), b.nMels, b.fMin, fMax, b.htk, b.norm);
    }

    /** @return a builder with librosa's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with this configuration */
    public Builder toBuilder() {
        return new Builder().sampleRate(sampleRate).stft(stftConfig).nMels(bank.nMels()).fMin(bank.fMin())
                .fMax(bank.fMax()).htk(bank.htk()).norm(bank.norm()).power(power);
    }

    /** @return sample rate in Hz */
    public double sampleRate() {
        return sampleRate;
    }

    /** @return the STFT parameters */
    public StftConfig stftConfig() {
        return stftConfig;
    }

    /** @return exponent applied to the STFT magnitude (1 magnitude, 2 power) */
    public double power() {
        return power;
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
        int nFrames = stftConfig.frameCount(y.length);
        double[] out = new double[bank.nMels() * nFrames];
        stft.forEachFrame(y, power, (t, spec) -> bank.applyColumn(spec, out, nFrames, t));
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
        int nFrames = stftConfig.frameCount(y.length);
        float[] out = new float[bank.nMels() * nFrames];
        stft.forEachFrameBlock(y, (float) power, (t0, count, block) -> bank.applyBlock(block, count, out, nFrames, t0));
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
    public String toString() {
        return "MelSpectrogram[sr=" + sampleRate + ", " + stftConfig + ", power=" + power + ", " + bank + "]";
    }

    /** Builder of {@link MelSpectrogram}; starts from librosa's defaults. */
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
         * @param sr sample rate in Hz, &gt; 0 (default 22050)
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            this.sampleRate = sr;
            return this;
        }

        /**
         * @param config STFT parameters (default librosa's)
         * @return this builder
         */
        public Builder stft(StftConfig config) {
            this.stft = Objects.requireNonNull(config, "stft");
            return this;
        }

        /**
         * @param nMels number of mel bands, 1..4096 (default 128)
         * @return this builder
         */
        public Builder nMels(int nMels) {
            this.nMels = nMels;
            return this;
        }

        /**
         * @param fMin lowest band edge in Hz (default 0)
         * @return this builder
         */
        public Builder fMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /**
         * @param fMax highest band edge in Hz (default NaN meaning {@code sr / 2})
         * @return this builder
         */
        public Builder fMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        /**
         * @param htk HTK mel scale instead of Slaney (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            this.htk = htk;
            return this;
        }

        /**
         * @param norm filter normalisation (default slaney)
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        /**
         * @param power exponent of the magnitude, &gt; 0 (default 2)
         * @return this builder
         */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /**
         * Validates and builds (the filter bank is computed here, once).
         *
         * @return the mel spectrogram
         * @throws IllegalArgumentException naming the offending parameter
         */
        public MelSpectrogram build() {
            Stft.checkPower(power);
            Checks.positive(sampleRate, "sr");
            return new MelSpectrogram(this);
        }
    }
}
