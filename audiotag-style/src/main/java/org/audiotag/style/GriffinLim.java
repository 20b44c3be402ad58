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
 *
 * <p>Matrices follow librosa's layout: the magnitude S is (n_bins, n_frames) row-major, element (k, t) at
 * {@code k * nFrames + t}, with n_bins = 1 + n_fft/2; the signal is in the units of the signal S was computed from.
 *
 * <p>The STFT magnitude of a real clip back to a signal; {@code ogg} is a sound file (e.g.
 * {@code data/esc10/001 - Dog bark/1-100032-A.ogg}):
 * {@snippet :
 * StftConfig stft = StftConfig.builder().nFft(2048).hopLength(512).build();        // Hann, centred
 * double[] y = AudioLoader.atRate(22050).load(ogg).samplesAsDouble();
 * DoubleMatrix s = Stft.of(stft).magnitude(y, 1.0);                               // |STFT|, (1025, frames)
 * GriffinLim griffinLim = GriffinLim.builder(stft).nIter(64).momentum(0.99).seed(7).build();
 * double[] yHat = griffinLim.reconstruct(s.toArray(), s.cols(), y.length);        // new phase, y.length samples
 * double sc = GriffinLim.spectralConvergence(s.toArray(), s.cols(), yHat, stft);  // 0 would be exact
 * }
 */
public final class GriffinLim {
    private static final Logger LOG = LoggerFactory.getLogger(GriffinLim.class);

    /** Initial phase of the iteration, librosa's {@code init} argument. */
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
     * Starts a builder for the STFT parameters the magnitude was computed with.
     *
     * @param stft STFT parameters of the magnitude to invert (n_fft, hop_length, win_length, window, center,
     *     pad_mode)
     * @return a builder with librosa's defaults (n_iter 32, momentum 0.99, random init, seed 0)
     */
    public static Builder builder(StftConfig stft) {
        return new Builder(stft);
    }

    /**
     * Returns the STFT parameters used for every istft / stft pair of the iteration.
     *
     * @return the STFT parameters
     */
    public StftConfig stftConfig() {
        return stft;
    }

    /**
     * Returns the number of iterations, librosa's {@code n_iter}.
     *
     * @return {@code n_iter}, &gt;= 0
     */
    public int nIter() {
        return nIter;
    }

    /**
     * Returns the momentum of fast Griffin-Lim, librosa's {@code momentum} (0 = the original Griffin-Lim).
     *
     * @return {@code momentum}, &gt;= 0
     */
    public double momentum() {
        return momentum;
    }

    /**
     * Returns the rule for the initial phase.
     *
     * @return the initial phase rule
     */
    public Init init() {
        return init;
    }

    /**
     * Returns the seed of the random initial phase (unused with {@link Init#ZERO}).
     *
     * @return the seed of the random initial phase
     */
    public long seed() {
        return seed;
    }

    /**
     * Reconstructs a signal with librosa's default length ({@code length=None}: hop x (n_frames - 1) when centred,
     * n_fft + hop x (n_frames - 1) otherwise).
     *
     * @param magnitude (n_bins, n_frames) row-major STFT magnitude, finite and &gt;= 0
     * @param nFrames number of frames, &gt;= 1
     * @return the signal, hop x (n_frames - 1) samples when centred
     * @throws IllegalArgumentException on a shape mismatch or a negative or non-finite magnitude
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
     * @param nFrames number of frames, &gt;= 1
     * @param length output samples, &gt;= 1; the STFT of that many samples must have {@code nFrames} frames
     *     (centred: {@code 1 + length / hop_length})
     * @return the signal, {@code length} samples
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
     * Computes the spectral convergence ||S - |stft(y)|||_F / ||S||_F (Sturmel &amp; Daudet), the quality measure
     * the librosa fixtures report; 0 means the signal's STFT magnitude equals S.
     *
     * @param magnitude (n_bins, n_frames) row-major target magnitude
     * @param nFrames number of frames
     * @param y the signal
     * @param stft STFT parameters (as used to reconstruct)
     * @return the relative Frobenius error, &gt;= 0 (0 if S and |stft(y)| are both zero, infinite if only S is)
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

    /** Builder of {@link GriffinLim} with librosa's defaults; setters validate their argument. */
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
         * Sets the number of iterations, librosa's {@code n_iter}; 0 returns istft of the initial spectrum.
         *
         * @param nIter iterations, &gt;= 0 (librosa default 32)
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
         * Sets the momentum of fast Griffin-Lim (Perraudin et al. 2013): each update subtracts
         * momentum / (1 + momentum) times the previous rebuilt spectrum; 0 gives the original Griffin-Lim.
         *
         * @param momentum fast Griffin-Lim momentum, finite and &gt;= 0 (librosa default 0.99; values &gt; 1 are
         *     allowed with a warning logged, as librosa)
         * @return this builder
         * @throws IllegalArgumentException if momentum is negative, NaN or infinite
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
         * Sets the rule for the initial phase, librosa's {@code init}.
         *
         * @param init initial phase rule (default random)
         * @return this builder
         */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * Sets the seed of the random initial phase; equal seeds give equal signals.
         *
         * @param seed seed of the random initial phase (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the immutable Griffin-Lim configuration.
         *
         * @return the Griffin-Lim configuration
         */
        public GriffinLim build() {
            return new GriffinLim(this);
        }
    }
}
