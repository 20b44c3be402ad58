package org.audiotag.features;

import org.audiotag.features.internal.Padding;

/**
 * Computes per-channel energy normalisation as {@code librosa.pcen} (Wang et al. 2017, "Trainable frontend for robust
 * and far-field keyword spotting", eq. 1): {@code (S / (eps + M)^gain + bias)^power - bias^power}, with {@code M} the
 * first-order IIR smoothing of {@code S} over frames, computed as librosa does:
 * {@code M = lfilter([b], [1, b-1], ref, zi=[1-b])} (initial state of a previous input of 1.0),
 * {@code smooth = exp(-gain (log eps + log1p(M / eps)))}, {@code out = bias^power expm1(power log1p(S smooth / bias))}.
 * {@code b} defaults to {@code (sqrt(1 + 4 T^2) - 1) / (2 T^2)} with {@code T = time_constant sr / hop_length}.
 * {@code ref} is {@code S}, or with {@code max_size > 1} its maximum filter across frequency (scipy.ndimage
 * {@code maximum_filter1d}, mode reflect). Input and output {@code (bins, frames)}. Immutable and thread-safe.
 *
 * <p>Given an {@code AudioClip clip} at 22050 Hz:
 * {@snippet :
 * MelSpectrogram mel = MelSpectrogram.builder().power(1.0).build();   // magnitude mel, 22050 Hz, hop 512
 * DoubleMatrix s = mel.compute(clip.samplesAsDouble());
 * // librosa.pcen(S, sr=22050, hop_length=512), librosa's other defaults
 * DoubleMatrix p = Pcen.builder().sampleRate(22050).hopLength(512).build().apply(s);
 * double b = Pcen.builder().timeConstant(0.06).build().b();   // faster smoothing: a larger b
 * }
 */
public final class Pcen {
    private final double sr;
    private final int hopLength;
    private final double gain;
    private final double bias;
    private final double power;
    private final double timeConstant;
    private final double eps;
    private final double b;
    private final int maxSize;

    private Pcen(Builder x) {
        this.sr = x.sr;
        this.hopLength = x.hopLength;
        this.gain = x.gain;
        this.bias = x.bias;
        this.power = x.power;
        this.timeConstant = x.timeConstant;
        this.eps = x.eps;
        this.maxSize = x.maxSize;
        if (Double.isNaN(x.b)) {
            double t = timeConstant * sr / hopLength;
            this.b = (Math.sqrt(1 + 4 * t * t) - 1) / (2 * t * t);
        } else {
            this.b = x.b;
        }
    }

    /**
     * Returns a builder with librosa's defaults: {@code sr=22050}, {@code hop_length=512}, {@code gain=0.98},
     * {@code bias=2}, {@code power=0.5}, {@code time_constant=0.4}, {@code eps=1e-6}, {@code max_size=1}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the smoothing coefficient {@code b} of the IIR filter in use (given, or derived from the time constant).
     *
     * @return {@code b} in [0, 1]
     */
    public double b() {
        return b;
    }

    /**
     * Applies PCEN along the frame axis, each bin smoothed independently.
     *
     * @param s non-negative magnitude (or power) spectrogram {@code (bins, frames)}; librosa's examples scale
     *          float audio spectrograms by {@code 2^31} first
     * @return the PCEN spectrogram, same shape
     * @throws IllegalArgumentException naming the bin and frame of the first negative or non-finite value
     */
    public DoubleMatrix apply(DoubleMatrix s) {
        int rows = s.rows();
        int n = s.cols();
        double[] in = s.raw();
        for (int i = 0; i < in.length; i++) {
            if (!(in[i] >= 0) || Double.isInfinite(in[i])) {
                throw new IllegalArgumentException("S must be finite and non-negative, got " + in[i] + " at bin "
                        + (i / Math.max(1, n)) + ", frame " + (i % Math.max(1, n)));
            }
        }
        double[] ref = in;
        if (maxSize > 1) {
            ref = new double[in.length];
            int lo = maxSize / 2;
            for (int r = 0; r < rows; r++) {
                for (int t = 0; t < n; t++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < maxSize; j++) {
                        int rr = Padding.symmetric((long) r - lo + j, rows);
                        m = Math.max(m, in[rr * n + t]);
                    }
                    ref[r * n + t] = m;
                }
            }
        }
        double[] out = new double[in.length];
        double logEps = Math.log(eps);
        double biasPow = Math.pow(bias, power);
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            double z = 1.0 - b;
            for (int t = 0; t < n; t++) {
                double m = b * ref[base + t] + z;
                z = (1.0 - b) * m;
                double smooth = Math.exp(-gain * (logEps + Math.log1p(m / eps)));
                double v = in[base + t];
                double o;
                if (power == 0) {
                    o = Math.log1p(v * smooth);
                } else if (bias == 0) {
                    o = Math.exp(power * (Math.log(v) + Math.log(smooth)));
                } else {
                    o = biasPow * Math.expm1(power * Math.log1p(v * smooth / bias));
                }
                out[base + t] = o;
            }
        }
        return new DoubleMatrix(rows, n, out, true);
    }

    @Override
    public String toString() {
        return "Pcen[sr=" + sr + ", hop_length=" + hopLength + ", gain=" + gain + ", bias=" + bias + ", power=" + power
                + ", time_constant=" + timeConstant + ", eps=" + eps + ", b=" + b + ", max_size=" + maxSize + "]";
    }

    /** Builder of {@link Pcen}; starts from librosa's defaults and validates in {@link #build()}. */
    public static final class Builder {
        private double sr = 22050;
        private int hopLength = 512;
        private double gain = 0.98;
        private double bias = 2.0;
        private double power = 0.5;
        private double timeConstant = 0.4;
        private double eps = 1e-6;
        private double b = Double.NaN;
        private int maxSize = 1;

        private Builder() {
        }

        /**
         * Sets {@code sr}, the sample rate of the audio.
         *
         * @param sr sample rate in Hz (default 22050)
         * @return this builder
         */
        public Builder sampleRate(double sr) {
            this.sr = sr;
            return this;
        }

        /**
         * Sets {@code hop_length}, the spectrogram's hop, which with {@code sr} fixes the frame rate.
         *
         * @param hopLength hop of the spectrogram in samples (default 512)
         * @return this builder
         */
        public Builder hopLength(int hopLength) {
            this.hopLength = hopLength;
            return this;
        }

        /**
         * Sets {@code gain}, the automatic gain control exponent.
         *
         * @param gain AGC exponent, &gt;= 0 (default 0.98)
         * @return this builder
         */
        public Builder gain(double gain) {
            this.gain = gain;
            return this;
        }

        /**
         * Sets {@code bias}, added before the root compression.
         *
         * @param bias bias, &gt;= 0 (default 2)
         * @return this builder
         */
        public Builder bias(double bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Sets {@code power}, the root compression exponent (0 gives {@code log1p}).
         *
         * @param power compression exponent, &gt;= 0 (default 0.5)
         * @return this builder
         */
        public Builder power(double power) {
            this.power = power;
            return this;
        }

        /**
         * Sets {@code time_constant}, the smoothing time constant from which {@code b} is derived.
         *
         * @param timeConstant smoothing time constant in seconds, &gt; 0 (default 0.4)
         * @return this builder
         */
        public Builder timeConstant(double timeConstant) {
            this.timeConstant = timeConstant;
            return this;
        }

        /**
         * Sets {@code eps}, the floor that avoids division by zero.
         *
         * @param eps floor, &gt; 0 (default 1e-6)
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Sets {@code b}, the smoothing coefficient, overriding the time constant.
         *
         * @param b explicit smoothing coefficient in [0, 1], or NaN to derive it from the time constant (default)
         * @return this builder
         */
        public Builder b(double b) {
            this.b = b;
            return this;
        }

        /**
         * Sets {@code max_size}, the width of the maximum filter across frequency.
         *
         * @param maxSize frequency max-filter size, &gt;= 1 (default 1 = none)
         * @return this builder
         */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Validates every parameter and builds the operator.
         *
         * @return the validated PCEN operator
         * @throws IllegalArgumentException naming the offending parameter
         */
        public Pcen build() {
            if (!(sr > 0) || Double.isInfinite(sr)) {
                throw new IllegalArgumentException("sr must be a finite number > 0, got " + sr);
            }
            if (hopLength < 1) {
                throw new IllegalArgumentException("hop_length must be >= 1, got " + hopLength);
            }
            if (!(gain >= 0) || Double.isInfinite(gain)) {
                throw new IllegalArgumentException("gain must be a finite number >= 0, got " + gain);
            }
            if (!(bias >= 0) || Double.isInfinite(bias)) {
                throw new IllegalArgumentException("bias must be a finite number >= 0, got " + bias);
            }
            if (!(power >= 0) || Double.isInfinite(power)) {
                throw new IllegalArgumentException("power must be a finite number >= 0, got " + power);
            }
            if (!(timeConstant > 0) || Double.isInfinite(timeConstant)) {
                throw new IllegalArgumentException("time_constant must be a finite number > 0, got " + timeConstant);
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
            }
            if (!Double.isNaN(b) && !(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("b must be in [0, 1], got " + b);
            }
            if (maxSize < 1) {
                throw new IllegalArgumentException("max_size must be >= 1, got " + maxSize);
            }
            return new Pcen(this);
        }
    }
}
