package org.audiotag.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.augment.internal.FftConvolver;

/**
 * Reverberation by convolution with a room impulse response drawn uniformly from a set (docs/ORIGINAL-PROJECT.md
 * §6, step 4): linear (not circular) FFT convolution {@code wet(n) = sum_m h(m) x(n - m)}, then
 * {@code y = wetGain * wet + (1 - wetGain) * x}, then optional level normalisation.
 *
 * <p>Impulse responses at another sample rate are resampled to the clip rate as {@code librosa.load(sr=...)}
 * did for the original's IRs (audiotag-features' {@code Resampler}, kaiser_best, output length
 * {@code ceil(len * sr / irSr)}); responses longer than
 * {@code maxIrSeconds} are rejected; with {@code tailThresholdDb} set, each response's tail is cut where its
 * remaining (Schroeder backward-integrated) energy falls below that level relative to its total energy.
 * Output length is either the full convolution {@code L + M - 1} ({@link OutputLength#FULL}, the original) or the
 * input length {@code L} ({@link OutputLength#SAME}: the first L samples, the reverberant tail past the clip's
 * end dropped). Kernel spectra are precomputed once per FFT size and shared by all threads.
 *
 * <p>{@link Builder#faithful()}: 100% wet, no normalisation, full length, no tail truncation (the original).
 *
 * <p>Two real rooms, 80 % wet, RMS-normalised, for 44.1 kHz clips:
 * {@snippet :
 * AudioLoader loader = AudioLoader.nativeRate();
 * List<ImpulseResponse> irs = List.of(
 *         ImpulseResponse.of(loader.load(Path.of("data/impulse-responses/St._Margaret_s_Church_W_44k.wav"))),
 *         ImpulseResponse.of(loader.load(Path.of("data/impulse-responses/basement_museum_clap_48k_stereo.wav"))));
 * ReverbTransform reverb = ReverbTransform.builder(irs, 44100)
 *         .wet(0.8)
 *         .normalisation(ReverbTransform.Normalisation.RMS)
 *         .build();                                   // resamples the 48 kHz clap, cuts tails at -60 dB
 * LabeledAudio inChurch = reverb.convolve(clip, 0);  // a chosen response, no randomness
 * LabeledAudio drawn = reverb.apply(clip, new SplittableRandom(7), new DrawLog());   // drawn uniformly
 * }
 */
public final class ReverbTransform implements AudioTransform {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReverbTransform.class);

    /** Output level normalisation, applied after the wet/dry mix. */
    public enum Normalisation {
        /** No scaling (the original). */
        NONE,
        /** Scale so that the peak |y| equals the input's peak. */
        PEAK,
        /** Scale so that the RMS of y (over its whole length) equals the input's RMS. */
        RMS
    }

    /** Output length of the convolution, for an input of L samples and a response of M samples. */
    public enum OutputLength {
        /** The full linear convolution, L + M - 1 samples (the original). */
        FULL,
        /** The input length L: the first L samples of the convolution. */
        SAME
    }

    private final List<String> names;
    private final int[] lengths;
    private final int sampleRate;
    private final double wet;
    private final Normalisation normalisation;
    private final OutputLength outputLength;
    private final FftConvolver convolver;

    private ReverbTransform(Builder b, List<String> names, float[][] kernels) {
        this.names = List.copyOf(names);
        this.lengths = new int[kernels.length];
        for (int i = 0; i < kernels.length; i++) {
            lengths[i] = kernels[i].length;
        }
        this.sampleRate = b.sampleRate;
        this.wet = b.wet;
        this.normalisation = b.normalisation;
        this.outputLength = b.outputLength;
        this.convolver = new FftConvolver(kernels);
    }

    /**
     * Returns a builder with the recommended defaults: 100% wet, RMS normalisation, output length SAME, impulse
     * responses up to 5 s, tails truncated at -60 dB.
     *
     * @param irs the impulse responses to draw from (non-empty; checked by {@link Builder#build()})
     * @param sampleRate the sample rate of the clips this transform will see, in Hz (&gt; 0)
     * @return the builder
     */
    public static Builder builder(List<ImpulseResponse> irs, int sampleRate) {
        return new Builder(irs, sampleRate);
    }

    @Override
    public String name() {
        return "reverb";
    }

    /**
     * Returns the number of impulse responses drawn from.
     *
     * @return the size of the set; valid indices for {@link #convolve} are 0 to size - 1
     */
    public int size() {
        return names.size();
    }

    /**
     * Returns the length M of impulse response {@code i} as it is convolved: resampled to the clip rate and with
     * its tail cut.
     *
     * @param i index of the response, in [0, size())
     * @return length in samples at the clip rate
     * @throws ArrayIndexOutOfBoundsException if i is out of range
     */
    public int irLength(int i) {
        return lengths[i];
    }

    @Override
    public LabeledAudio apply(LabeledAudio in, SplittableRandom rng, DrawLog log) {
        int k = rng.nextInt(names.size());
        log.record(name(), "ir", names.get(k), "irIndex", k);
        return convolve(in, k);
    }

    /**
     * Applies impulse response {@code k} deterministically: convolution, wet/dry mix and normalisation as
     * configured; {@link #apply} does the same with k drawn uniformly.
     *
     * @param in the clip (at this transform's sample rate)
     * @param k index of the impulse response, in [0, size())
     * @return the reverberated clip, L samples ({@link OutputLength#SAME}) or L + M - 1 ({@link OutputLength#FULL}),
     *     same target and source
     * @throws IllegalArgumentException if the clip's sample rate differs from the transform's or k is out of range
     */
    public LabeledAudio convolve(LabeledAudio in, int k) {
        if (in.sampleRate() != sampleRate) {
            throw new IllegalArgumentException(in.source() + ": clip is at " + in.sampleRate()
                    + " Hz but the reverb was built for " + sampleRate + " Hz");
        }
        if (k < 0 || k >= names.size()) {
            throw new IllegalArgumentException("impulse response index must be in [0, " + names.size() + "), got " + k);
        }
        float[] x = in.samplesView();
        int l = x.length;
        boolean full = outputLength == OutputLength.FULL;
        int outLen = full ? l + lengths[k] - 1 : l;
        float[] y = convolver.convolve(x, k, full);
        if (wet < 1.0) {
            float w = (float) wet;
            float d = (float) (1.0 - wet);
            for (int i = 0; i < outLen; i++) {
                y[i] = w * y[i] + (i < l ? d * x[i] : 0f);
            }
        }
        switch (normalisation) {
            case NONE -> {
            }
            case PEAK -> scale(y, peak(x), peak(y));
            case RMS -> scale(y, Math.sqrt(MixTransform.power(x)), Math.sqrt(MixTransform.power(y)));
            default -> throw new IllegalStateException();
        }
        return in.withOwnedSamples(y);
    }

    private static void scale(float[] y, double target, double current) {
        if (current == 0) {
            return;
        }
        float g = (float) (target / current);
        for (int i = 0; i < y.length; i++) {
            y[i] *= g;
        }
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    /** Builder of {@link ReverbTransform}; {@link #build()} validates every parameter and prepares the responses. */
    public static final class Builder {
        private final List<ImpulseResponse> irs;
        private final int sampleRate;
        private double wet = 1.0;
        private Normalisation normalisation = Normalisation.RMS;
        private OutputLength outputLength = OutputLength.SAME;
        private double maxIrSeconds = 5.0;
        private double tailThresholdDb = -60.0;

        private Builder(List<ImpulseResponse> irs, int sampleRate) {
            this.irs = irs == null ? List.of() : new ArrayList<>(irs);
            this.sampleRate = sampleRate;
        }

        /**
         * Sets the wet fraction w of the output {@code y = w * wet + (1 - w) * x} (default 1).
         *
         * @param w wet fraction in [0, 1]: 1 = only the reverberated signal, 0 = the dry input
         * @return this builder
         */
        public Builder wet(double w) {
            this.wet = w;
            return this;
        }

        /**
         * Sets the output level normalisation (default {@link Normalisation#RMS}).
         *
         * @param n output level normalisation
         * @return this builder
         * @throws NullPointerException if n is null
         */
        public Builder normalisation(Normalisation n) {
            this.normalisation = Objects.requireNonNull(n, "normalisation");
            return this;
        }

        /**
         * Sets the output length (default {@link OutputLength#SAME}, the input's length).
         *
         * @param o output length mode
         * @return this builder
         * @throws NullPointerException if o is null
         */
        public Builder outputLength(OutputLength o) {
            this.outputLength = Objects.requireNonNull(o, "outputLength");
            return this;
        }

        /**
         * Sets the longest accepted impulse-response duration, in seconds (default 5 s).
         *
         * @param s longest accepted duration in seconds (&gt; 0); longer responses are rejected at build time
         * @return this builder
         */
        public Builder maxIrSeconds(double s) {
            this.maxIrSeconds = s;
            return this;
        }

        /**
         * Sets the tail truncation level (default -60 dB): each response is cut after the last sample at which
         * its remaining energy (Schroeder backward integral, {@code sum_{m >= n} h(m)^2}) still exceeds
         * {@code 10^(db / 10)} times its total energy.
         *
         * @param db tail truncation level in dB (&lt; 0), or {@code Double.NEGATIVE_INFINITY} to keep whole tails
         * @return this builder
         */
        public Builder tailThresholdDb(double db) {
            this.tailThresholdDb = db;
            return this;
        }

        /**
         * Sets the original's settings: 100% wet, no normalisation, full-length output, whole tails.
         *
         * @return this builder
         */
        public Builder faithful() {
            this.wet = 1.0;
            this.normalisation = Normalisation.NONE;
            this.outputLength = OutputLength.FULL;
            this.tailThresholdDb = Double.NEGATIVE_INFINITY;
            return this;
        }

        /**
         * Validates the parameters and builds the transform: each impulse response is resampled to the clip rate
         * ({@code Resampler}, kaiser_best, like {@code librosa.load(sr=...)}) and its tail cut.
         *
         * @return the transform
         * @throws IllegalArgumentException on an empty set, an impulse response longer than the limit, or a
         *     parameter out of range (named in the message)
         */
        public ReverbTransform build() {
            if (irs.isEmpty()) {
                throw new IllegalArgumentException("irs: the impulse-response set is empty");
            }
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("sampleRate must be > 0 Hz, got " + sampleRate);
            }
            if (!(wet >= 0 && wet <= 1)) {
                throw new IllegalArgumentException("wet must be in [0, 1], got " + wet);
            }
            if (!(maxIrSeconds > 0 && Double.isFinite(maxIrSeconds))) {
                throw new IllegalArgumentException("maxIrSeconds must be > 0, got " + maxIrSeconds);
            }
            if (!(tailThresholdDb < 0) || Double.isNaN(tailThresholdDb)) {
                throw new IllegalArgumentException("tailThresholdDb must be < 0 dB (or -Infinity), got "
                        + tailThresholdDb);
            }
            List<String> names = new ArrayList<>();
            float[][] kernels = new float[irs.size()][];
            for (int i = 0; i < irs.size(); i++) {
                ImpulseResponse ir = Objects.requireNonNull(irs.get(i), "irs[" + i + "]");
                if (ir.durationSeconds() > maxIrSeconds) {
                    throw new IllegalArgumentException(ir.name() + ": impulse response is "
                            + String.format(java.util.Locale.ROOT, "%.3f", ir.durationSeconds())
                            + " s long, above the limit maxIrSeconds = " + maxIrSeconds);
                }
                float[] h = ir.samplesView();
                if (ir.sampleRate() != sampleRate) {
                    h = resample(h, ir.sampleRate(), sampleRate);
                }
                kernels[i] = truncateTail(h, tailThresholdDb);
                names.add(ir.name());
                LOG.trace("impulse response {}: {} samples at {} Hz -> {} samples at {} Hz after the {} dB tail cut",
                        ir.name(), ir.samplesView().length, ir.sampleRate(), kernels[i].length, sampleRate,
                        tailThresholdDb);
            }
            return new ReverbTransform(this, names, kernels);
        }

        private static float[] resample(float[] h, int from, int to) {
            return org.audiotag.features.Resampler.resample(h, from, to,
                    org.audiotag.features.ResampleType.KAISER_BEST);
        }

        static float[] truncateTail(float[] h, double thresholdDb) {
            if (thresholdDb == Double.NEGATIVE_INFINITY) {
                return h.clone();
            }
            double total = 0;
            for (float v : h) {
                total += (double) v * v;
            }
            double limit = total * Math.pow(10.0, thresholdDb / 10.0);
            double tail = 0;
            int end = h.length;
            for (int i = h.length - 1; i >= 0; i--) {
                tail += (double) h[i] * h[i];
                if (tail > limit) {
                    end = i + 1;
                    break;
                }
            }
            return java.util.Arrays.copyOf(h, Math.max(1, end));
        }
    }
}
