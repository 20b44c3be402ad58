package org.audiotag.style;

import java.util.Objects;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelConfig;
import org.audiotag.features.MelFilterBank;
import org.audiotag.features.MelNorm;
import org.audiotag.features.Stft;
import org.audiotag.features.StftConfig;

/**
 * Mel spectrogram to audio, as {@code librosa.feature.inverse.mel_to_audio}: {@link MelInverter} (NNLS
 * {@code mel_to_stft} with the mel basis {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)}),
 * then {@link GriffinLim} with the same STFT parameters. The mel parameters are one {@link MelConfig}
 * ({@link Builder#mel(MelConfig)}, e.g. the one the spectrogram was computed with, or set one by one), validated with
 * its limits; as in librosa, the number of mel bands is that of the spectrogram being inverted (its rows), so
 * {@link MelConfig#nMels()} is only the default. Defaults are librosa's: sr 22050, n_fft 2048, hop 512, Hann,
 * centred, constant padding, power 2, fmin 0, fmax sr/2, Slaney scale and norm, 32 iterations, momentum 0.99,
 * random initial phase (seeded here). Also reports the two quality measures of the librosa fixture
 * {@code mel_to_audio_odd44099_random_init}. Instances are immutable and thread-safe.
 *
 * <p>The mel power spectrogram of a real clip back to audio, written as a 16-bit WAV; {@code ogg} is a sound file
 * (e.g. {@code data/esc10/001 - Dog bark/1-100032-A.ogg}), {@code wav} the file to write:
 * {@snippet :
 * MelSpectrogram melSpec = MelSpectrogram.builder().sampleRate(22050).nMels(128).build();
 * AudioClip clip = AudioLoader.atRate(22050).load(ogg);
 * DoubleMatrix mel = melSpec.compute(clip.samplesAsDouble());                 // (128, frames) mel power
 * MelToAudio melToAudio = MelToAudio.builder().mel(melSpec.config()).seed(0).build();
 * MelToAudio.Result r = melToAudio.invert(mel.toArray(), mel.rows(), mel.cols(), clip.length());
 * float[] audio = AudioClip.of(r.audio(), (int) r.sampleRate(), "inverted").samples();
 * WavWriter.write(wav, audio, (int) r.sampleRate(), WavWriter.Encoding.PCM_16);  // 22050 Hz, clipped to [-1, 1)
 * double error = r.melResidual();                                             // ||mel(audio) - M|| / ||M||
 * }
 * A log-mel image in dB (e.g. {@code SpectrogramImage.read(png)} of a PNG written as in {@link SpectrogramImage})
 * goes back the same way with {@link #invertDb(SpectrogramImage, int)}.
 */
public final class MelToAudio {
    private final MelConfig mel;
    private final int blockFrames;
    private final GriffinLim griffinLim;

    /**
     * The reconstruction and its quality.
     *
     * @param audio the signal (nominally in [-1, 1] when M came from such a signal)
     * @param sampleRate its sample rate in Hz
     * @param magnitude the NNLS STFT magnitude X = mel_to_stft(M), (n_bins, n_frames) row-major
     * @param nFrames number of frames
     * @param nnlsIterations NNLS solver iterations summed over blocks
     * @param spectralConvergence || |stft(y)| - X ||_F / ||X||_F, how well Griffin-Lim matched the NNLS magnitude
     *     (0 = exactly)
     * @param melResidual || mel_basis |stft(y)|^power - M ||_F / ||M||_F, how well the audio's mel spectrogram
     *     matches the input (0 = exactly)
     */
    public record Result(double[] audio, double sampleRate, double[] magnitude, int nFrames, int nnlsIterations,
                         double spectralConvergence, double melResidual) { }

    private MelToAudio(Builder b, MelConfig mel) {
        this.mel = mel;
        this.blockFrames = b.blockFrames;
        this.griffinLim = GriffinLim.builder(mel.stft()).nIter(b.nIter).momentum(b.momentum).init(b.init)
                .seed(b.seed).build();
    }

    /**
     * Starts a builder with librosa's defaults ({@code mel_to_audio(M)} with no other argument, plus seed 0).
     *
     * @return a builder with librosa's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the validated mel parameters; their {@code nMels()} is only the default, replaced by the rows of each
     * spectrogram inverted.
     *
     * @return the mel parameters (sample rate, STFT, default n_mels, fmin, fmax, htk, norm, power)
     */
    public MelConfig mel() {
        return mel;
    }

    /**
     * Returns the STFT parameters shared by the mel basis and Griffin-Lim.
     *
     * @return the STFT parameters ({@code mel().stft()})
     */
    public StftConfig stftConfig() {
        return mel.stft();
    }

    /**
     * Returns the sample rate of the mel basis and of the audio produced, in Hz.
     *
     * @return the sample rate in Hz ({@code mel().sampleRate()})
     */
    public double sampleRate() {
        return mel.sampleRate();
    }

    /**
     * Returns the mel filter bank used for a spectrogram with a given number of mel bands.
     *
     * @param nMels number of mel bands, in [1, 4096]
     * @return {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)}
     * @throws IllegalArgumentException if {@code nMels} is out of range
     */
    public MelFilterBank filterBank(int nMels) {
        return MelFilterBank.of(melFor(nMels));
    }

    /** The mel parameters with the number of bands of the spectrogram at hand. */
    private MelConfig melFor(int nMels) {
        return nMels == mel.nMels() ? mel : mel.toBuilder().nMels(nMels).build();
    }

    /**
     * Inverts a log-mel image to audio. The values are dB of the mel power, 10 log10 (mel of |STFT|^2) with
     * ref = 1 (librosa {@code power_to_db(S, ref=1)} for power 2, {@code amplitude_to_db(S, ref=1)} for power 1), so
     * the mel spectrogram is 10^(dB x power / 20); then {@link #invert(double[], int, int, int)}. Values clipped by
     * {@code top_db} stay at the clip level.
     *
     * @param image the log-mel spectrogram (n_mels, n_frames) in dB, e.g. read back from a PNG
     * @param length output samples, &gt;= 1 (its STFT must have n_frames frames: centred,
     *     {@code 1 + length / hop_length})
     * @return the reconstruction with its quality measures
     * @throws IllegalArgumentException if n_mels is out of range or length does not give n_frames frames
     */
    public Result invertDb(SpectrogramImage image, int length) {
        Objects.requireNonNull(image, "image");
        double[] db = image.db();
        double power = mel.power();
        double[] values = new double[db.length];
        for (int i = 0; i < db.length; i++) {
            values[i] = Math.pow(10.0, db[i] * power / 20.0);
        }
        return invert(values, image.nBins(), image.nFrames(), length);
    }

    /**
     * Inverts a mel spectrogram to audio with librosa's default length (hop x (n_frames - 1) when centred).
     *
     * @param mel (n_mels, n_frames) row-major mel spectrogram (|STFT|^power through the filter bank), finite and
     *     &gt;= 0
     * @param nMels number of mel bands, in [1, 4096]
     * @param nFrames number of frames, &gt;= 1
     * @return the reconstruction with its quality measures
     * @throws IllegalArgumentException on a shape mismatch or a negative / non-finite value
     */
    public Result invert(double[] mel, int nMels, int nFrames) {
        StftConfig stft = this.mel.stft();
        int len = stft.center() ? stft.hopLength() * (nFrames - 1) : stft.nFft() + stft.hopLength() * (nFrames - 1);
        return invert(mel, nMels, nFrames, len);
    }

    /**
     * Inverts a mel spectrogram to audio of a given length.
     *
     * @param mel (n_mels, n_frames) row-major mel spectrogram (|STFT|^power through the filter bank), finite and
     *     &gt;= 0
     * @param nMels number of mel bands, in [1, 4096]
     * @param nFrames number of frames, &gt;= 1
     * @param length output samples, &gt;= 1 (its STFT must have n_frames frames: centred,
     *     {@code 1 + length / hop_length})
     * @return the reconstruction with its quality measures
     * @throws IllegalArgumentException on a shape mismatch, a negative / non-finite value, or a length that does not
     *     give n_frames frames
     */
    public Result invert(double[] mel, int nMels, int nFrames, int length) {
        Objects.requireNonNull(mel, "mel");
        if (nMels < 1 || nFrames < 1 || mel.length != (long) nMels * nFrames) {
            throw new IllegalArgumentException("mel: " + mel.length + " values do not make (n_mels=" + nMels
                    + ", n_frames=" + nFrames + ")");
        }
        MelConfig config = melFor(nMels);
        double power = config.power();
        MelFilterBank fb = MelFilterBank.of(config);
        MelInverter inverter = MelInverter.builder(fb).power(power).blockFrames(blockFrames).build();
        MelInverter.Inversion inv = inverter.melToStft(mel, nFrames);
        double[] x = inv.values();
        double[] y = griffinLim.reconstruct(x, nFrames, length);
        double[] mag = Stft.of(config.stft()).magnitude(y, 1.0).toArray();
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < x.length; i++) {
            double d = mag[i] - x[i];
            num += d * d;
            den += x[i] * x[i];
        }
        double sc = den == 0.0 ? 0.0 : Math.sqrt(num / den);
        double[] pw = new double[mag.length];
        for (int i = 0; i < mag.length; i++) {
            pw[i] = power == 2.0 ? mag[i] * mag[i] : power == 1.0 ? mag[i] : Math.pow(mag[i], power);
        }
        double[] melBack = fb.apply(DoubleMatrix.of(fb.nBins(), nFrames, pw)).toArray();
        num = 0.0;
        den = 0.0;
        for (int i = 0; i < mel.length; i++) {
            double d = melBack[i] - mel[i];
            num += d * d;
            den += mel[i] * mel[i];
        }
        double residual = den == 0.0 ? 0.0 : Math.sqrt(num / den);
        return new Result(y, config.sampleRate(), x, nFrames, inv.iterations(), sc, residual);
    }

    /**
     * Builder of {@link MelToAudio}. The mel parameters ({@link #mel(MelConfig)} or the setters from
     * {@link #sampleRate(double)} to {@link #power(double)}) go to a {@link MelConfig} validated once by
     * {@link #build()}; the Griffin-Lim and NNLS settings are checked by their setters.
     */
    public static final class Builder {
        private MelConfig.Builder mel = MelConfig.builder();
        private int nIter = 32;
        private double momentum = 0.99;
        private GriffinLim.Init init = GriffinLim.Init.RANDOM;
        private long seed;
        private int blockFrames = 256;

        private Builder() { }

        /**
         * Sets every mel parameter at once (replacing earlier mel settings).
         *
         * @param config the mel parameters, e.g. {@code MelSpectrogram.config()} or {@code FeatureConfig.mel()}
         * @return this builder
         */
        public Builder mel(MelConfig config) {
            this.mel = Objects.requireNonNull(config, "mel").toBuilder();
            return this;
        }

        /**
         * Sets the sample rate of the spectrogram and the audio, librosa's {@code sr}.
         *
         * @param sr sample rate in Hz, in [1, 768000] (default 22050; checked by {@link #build()})
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            mel.sampleRate(sr);
            return this;
        }

        /**
         * Sets the sample rate in Hz; the old name of {@link #sampleRate(double)}.
         *
         * @param sr sample rate in Hz
         * @return this builder
         * @deprecated renamed {@link #sampleRate(double)}, as in {@code MelSpectrogram.Builder}; kept for one release
         */
        @Deprecated(since = "0.1.0", forRemoval = true)
        public Builder sr(double sr) {
            return sampleRate(sr);
        }

        /**
         * Sets the STFT parameters shared by the mel basis (n_fft) and Griffin-Lim (all of them).
         *
         * @param stft STFT parameters (default librosa's: n_fft 2048, hop 512, Hann, centre, constant padding)
         * @return this builder
         */
        public Builder stft(StftConfig stft) {
            mel.stft(stft);
            return this;
        }

        /**
         * Sets the lowest mel band edge, librosa's {@code fmin}.
         *
         * @param fMin lowest mel band edge in Hz, in [0, sr/2) (default 0; checked by {@link #build()})
         * @return this builder
         */
        public Builder fMin(double fMin) {
            mel.fMin(fMin);
            return this;
        }

        /**
         * Sets the highest mel band edge, librosa's {@code fmax}.
         *
         * @param fMax highest mel band edge in Hz, in (fmin, sr/2]; NaN for librosa's None = sr/2 (default; checked
         *     by {@link #build()})
         * @return this builder
         */
        public Builder fMax(double fMax) {
            mel.fMax(fMax);
            return this;
        }

        /**
         * Chooses the HTK mel scale (2595 log10(1 + f / 700)) instead of Slaney's, librosa's {@code htk}.
         *
         * @param htk HTK mel scale instead of Slaney (default false)
         * @return this builder
         */
        public Builder htk(boolean htk) {
            mel.htk(htk);
            return this;
        }

        /**
         * Sets the normalisation of the mel filters, librosa's {@code norm}.
         *
         * @param norm filter normalisation (default Slaney: each filter scaled by 2 / its bandwidth in Hz)
         * @return this builder
         */
        public Builder norm(MelNorm norm) {
            mel.norm(norm);
            return this;
        }

        /**
         * Sets the exponent of the mel spectrogram, librosa's {@code power}: 2 for mel power, 1 for mel magnitude.
         *
         * @param power exponent of the mel spectrogram, finite and &gt; 0 (default 2; checked by {@link #build()})
         * @return this builder
         */
        public Builder power(double power) {
            mel.power(power);
            return this;
        }

        /**
         * Sets the number of Griffin-Lim iterations, librosa's {@code n_iter}.
         *
         * @param nIter Griffin-Lim iterations, &gt;= 0 (default 32)
         * @return this builder
         * @throws IllegalArgumentException if nIter is negative
         */
        public Builder nIter(int nIter) {
            if (nIter < 0) {
                throw new IllegalArgumentException("n_iter must be >= 0, got " + nIter);
            }
            this.nIter = nIter;
            return this;
        }

        /**
         * Sets the momentum of fast Griffin-Lim (see {@link GriffinLim.Builder#momentum(double)}).
         *
         * @param momentum Griffin-Lim momentum, finite and &gt;= 0 (default 0.99)
         * @return this builder
         * @throws IllegalArgumentException if momentum is negative, NaN or infinite
         */
        public Builder momentum(double momentum) {
            if (!(momentum >= 0) || Double.isInfinite(momentum)) {
                throw new IllegalArgumentException("momentum must be finite and >= 0, got " + momentum);
            }
            this.momentum = momentum;
            return this;
        }

        /**
         * Sets the rule for Griffin-Lim's initial phase, librosa's {@code init}.
         *
         * @param init initial phase rule (default random)
         * @return this builder
         */
        public Builder init(GriffinLim.Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * Sets the seed of the random initial phase; equal seeds give equal audio.
         *
         * @param seed seed of the random initial phase (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the number of frames per NNLS block (see {@link MelInverter.Builder#blockFrames(int)}).
         *
         * @param blockFrames frames per NNLS block, &gt;= 1 (librosa: 256 for float64 M, 512 for float32 M, with
         *     128 mels)
         * @return this builder
         * @throws IllegalArgumentException if blockFrames is below 1
         */
        public Builder blockFrames(int blockFrames) {
            if (blockFrames < 1) {
                throw new IllegalArgumentException("blockFrames must be >= 1, got " + blockFrames);
            }
            this.blockFrames = blockFrames;
            return this;
        }

        /**
         * Validates the mel parameters (through {@link MelConfig.Builder#build()}) and builds.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException naming the offending mel parameter and its allowed range
         */
        public MelToAudio build() {
            return new MelToAudio(this, mel.build());
        }
    }
}
