package org.audiotag.style;

import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.features.PadMode;
import org.audiotag.features.Stft;
import org.audiotag.features.StftConfig;
import org.audiotag.style.internal.GriffinLimEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase reconstruction from an STFT magnitude by fast Griffin-Lim (Perraudin, Balazs &amp; Sondergaard 2013), as
 * {@code librosa.griffinlim} (0.10.2): starting from A = S e^{i phi0}, each iteration computes
 * y = istft(A), R = stft(y), A = R - (momentum / (1 + momentum)) R_prev (no correction in the first iteration),
 * A = S A / (|A| + tiny); the result is istft(A) of the requested length. {@code momentum = 0} is the original
 * Griffin-Lim (1984) algorithm.
 *
 * <p>Initial phase: {@link Init#RANDOM} (librosa's default {@code init='random'}: uniform on [0, 2 pi), here drawn
 * from {@code new SplittableRandom(seed)} in (bin, frame) order, so runs are reproducible but not numpy's stream) or
 * {@link Init#ZERO} ({@code init=None}, deterministic, what the element-wise fixtures use). The STFT parameters are
 * a features {@link StftConfig} (n_fft, hop_length, win_length, window, center, pad_mode); its {@code nBins()} must
 * equal the magnitude's rows. Frame FFTs run in parallel on all cores. Instances are immutable and thread-safe.
 */
public final class GriffinLim {
    private static final Logger LOG = LoggerFactory.getLogger(GriffinLim.class);

    /** Initial phase of the iteration. */
    public enum Init {
        /** Zero phase (librosa {@code init=None}). */
        ZERO,
        /** Uniform random phase from the seed (librosa {@code init='random'}). */
        RANDOM
    }

    private final StftConfig stft;
    private final int nIter;
    private final double momentum;
    private final Init init;
    private final long seed;
    private final GriffinLimEngine engine;

    private GriffinLim(Builder b) {
        this.stft = b.stft;
        this.nIter = b.nIter;
        this.momentum = b.momentum;
        this.init = b.init;
        this.seed = b.seed;
        this.engine = new GriffinLimEngine(stft.nFft(), stft.hopLength(),
                stft.window().padded(stft.winLength(), stft.nFft()), stft.center(), stft.padMode() == PadMode.REFLECT);
    }

    /**
     * @param stft STFT parameters of the magnitude to invert
     * @return a builder with librosa's defaults (n_iter 32, momentum 0.99, random init, seed 0)
     */
    public static Builder builder(StftConfig stft) {
        return new Builder(stft);
    }

    /** @return the STFT parameters */
    public StftConfig stftConfig() {
        return stft;
    }

    /** @return {@code n_iter} */
    public int nIter() {
        return nIter;
    }

    /** @return {@code momentum} */
    public double momentum() {
        return momentum;
    }

    /** @return the initial phase rule */
    public Init init() {
        return init;
    }

    /** @return the seed of the random initial phase */
    public long seed() {
        return seed;
    }

    /**
     * Reconstructs a signal with librosa's default length ({@code length=None}: hop x (n_frames - 1) when centred,
     * n_fft + hop x (n_frames - 1) otherwise).
     *
     * @param magnitude (n_bins, n_frames) row-major STFT magnitude, finite and &gt;= 0
     * @param nFrames number of frames
     * @return the signal
     */
    public double[] reconstruct(double[] magnitude, int nFrames) {
        int len = stft.center() ? stft.hopLength() * (nFrames - 1)
                : stft.nFft() + stft.hopLength() * (nFrames - 1);
        return reconstruct(magnitude, nFrames, len);
    }

    /**
     * Reconstructs a signal of a given length ({@code librosa.griffinlim(S, length=...)}).
     *
     * @param magnitude (n_bins, n_frames) row-major STFT magnitude, finite and &gt;= 0
     * @param nFrames number of frames
     * @param length output samples; the STFT of that many samples must have {@code nFrames} frames
     * @return the signal
     * @throws IllegalArgumentException on a shape mismatch, a negative or non-finite magnitude, or a length whose
     *     STFT has a different number of frames
     */
    public double[] reconstruct(double[] magnitude, int nFrames, int length) {
        Objects.requireNonNull(magnitude, "magnitude");
        int nBins = stft.nBins();
        if (nFrames < 1 || magnitude.length != (long) nBins * nFrames) {
            throw new IllegalArgumentException("magnitude: expected (" + nBins + " bins for n_fft=" + stft.nFft()
                    + ", nFrames >= 1), got " + magnitude.length + " values for nFrames=" + nFrames);
        }
        for (int i = 0; i < magnitude.length; i++) {
            double v = magnitude[i];
            if (!(v >= 0.0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("magnitude: value " + v + " at (bin " + i / nFrames + ", frame "
                        + i % nFrames + ") is not a finite non-negative number");
            }
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        int frames = engine.frameCount(length);
        if (frames != nFrames) {
            throw new IllegalArgumentException("length=" + length + " gives " + frames + " STFT frames (hop_length="
                    + stft.hopLength() + ") but the magnitude has " + nFrames);
        }
        SplittableRandom rng = init == Init.RANDOM ? new SplittableRandom(seed) : null;
        return engine.run(magnitude, nFrames, nIter, momentum, rng, length);
    }

    /**
     * Spectral convergence ||S - |stft(y)|||_F / ||S||_F (Sturmel &amp; Daudet), the quality measure the librosa
     * fixtures report; 0 means the signal's STFT magnitude equals S.
     *
     * @param magnitude (n_bins, n_frames) row-major target magnitude
     * @param nFrames number of frames
     * @param y the signal
     * @param stft STFT parameters (as used to reconstruct)
     * @return the relative Frobenius error
     * @throws IllegalArgumentException if the STFT of y does not have the magnitude's shape
     */
    public static double spectralConvergence(double[] magnitude, int nFrames, double[] y, StftConfig stft) {
        double[] m = Stft.of(stft).magnitude(y, 1.0).toArray();
        if (m.length != magnitude.length) {
            throw new IllegalArgumentException("spectral convergence: |stft(y)| has " + m.length
                    + " values, the magnitude " + magnitude.length + " (nFrames=" + nFrames + ")");
        }
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < m.length; i++) {
            double d = magnitude[i] - m[i];
            num += d * d;
            den += magnitude[i] * magnitude[i];
        }
        return den == 0.0 ? (num == 0.0 ? 0.0 : Double.POSITIVE_INFINITY) : Math.sqrt(num / den);
    }

    /** Builder of {@link GriffinLim}; setters validate their argument. */
    public static final class Builder {
        private final StftConfig stft;
        private int nIter = 32;
        private double momentum = 0.99;
        private Init init = Init.RANDOM;
        private long seed;

        private Builder(StftConfig stft) {
            this.stft = Objects.requireNonNull(stft, "stft");
        }

        /**
         * @param nIter iterations, &gt;= 0 (librosa default 32)
         * @return this builder
         */
        public Builder nIter(int nIter) {
            if (nIter < 0) {
                throw new IllegalArgumentException("n_iter must be >= 0, got " + nIter);
            }
            this.nIter = nIter;
            return this;
        }

        /**
         * @param momentum fast Griffin-Lim momentum, finite and &gt;= 0 (librosa default 0.99; values &gt; 1 are
         *     allowed with a warning, as librosa)
         * @return this builder
         */
        public Builder momentum(double momentum) {
            if (!(momentum >= 0.0) || Double.isInfinite(momentum)) {
                throw new IllegalArgumentException("momentum must be finite and >= 0, got " + momentum);
            }
            if (momentum > 1.0) {
                LOG.warn("Griffin-Lim momentum {} > 1 can be unstable", momentum);
            }
            this.momentum = momentum;
            return this;
        }

        /**
         * @param init initial phase rule (default random)
         * @return this builder
         */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * @param seed seed of the random initial phase
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the Griffin-Lim configuration */
        public GriffinLim build() {
            return new GriffinLim(this);
        }
    }
}
