package org.audiotag.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.audiotag.features.MelConfig;
import org.audiotag.features.MelFilterBank;
import org.audiotag.style.internal.NnlsSolver;
import org.audiotag.style.internal.PseudoInverse;
import org.audiotag.style.internal.SparseMatrix;

/**
 * Mel spectrogram to linear-frequency STFT magnitude by non-negative least squares, as
 * {@code librosa.feature.inverse.mel_to_stft(M, power=...)} = {@code librosa.util.nnls(mel_basis, M) ** (1/power)}.
 *
 * <p>For each block of frames (librosa: 2^18 bytes / (n_mels x 8) = 256 frames for float64 input), the start point
 * is X0 = clip(pinv(A) M, 0) and the objective (0.5 / M_block.size) ||A X - M||_F^2 is minimised over X &gt;= 0
 * with scipy's stopping rules (projected gradient at most {@code pgtol}, relative decrease at most factr x eps). The
 * solver is an own projected L-BFGS (see {@code NnlsSolver}); the pseudo-inverse is applied as A^T (A A^T)^{-1}
 * with the sparse mel basis, so no dense n_bins x n_mels product is formed. Blocks are solved in parallel.
 *
 * <p>Matrices follow librosa's layout: the mel basis A is (n_mels, n_bins) row-major, M is (n_mels, n_frames) and
 * the result (n_bins, n_frames), element (k, t) at {@code k * nFrames + t}. Instances are immutable and thread-safe.
 * {@link MelToAudio} chains this with {@link GriffinLim}.
 *
 * <p>The mel power spectrogram of a clip back to an STFT magnitude, then to a signal; {@code ogg} is a sound file
 * (e.g. {@code data/esc10/001 - Dog bark/1-100032-A.ogg}):
 * {@snippet :
 * MelConfig config = MelConfig.builder().sampleRate(22050).nMels(128).build();  // n_fft 2048, hop 512, power 2
 * double[] y = AudioLoader.atRate(22050).load(ogg).samplesAsDouble();
 * DoubleMatrix mel = MelSpectrogram.of(config).compute(y);                       // (128, frames) mel power
 * MelInverter inverter = MelInverter.builder(config).build();                    // basis and power of the config
 * MelInverter.Inversion inv = inverter.melToStft(mel.toArray(), mel.cols());
 * double[] magnitude = inv.values();                                             // (1025, frames) |STFT| estimate
 * GriffinLim griffinLim = GriffinLim.builder(config.stft()).seed(1).build();     // phase for that magnitude
 * double[] audio = griffinLim.reconstruct(magnitude, inv.nFrames(), y.length);   // 22050 Hz, y.length samples
 * }
 */
public final class MelInverter {
    private final SparseMatrix basis;
    private final PseudoInverse pinv;
    private final int nMels;
    private final int nBins;
    private final double power;
    private final double pgtol;
    private final double factr;
    private final int maxIter;
    private final int memory;
    private final int blockFrames;

    /**
     * The result of one inversion: the linear-frequency spectrogram and the solver's diagnostics.
     *
     * @param values (n_bins, n_frames) row-major: the NNLS solution raised to 1/power (an STFT magnitude |X| for
     *     power 2 and power 1)
     * @param nBins number of frequency bins (1 + n_fft/2)
     * @param nFrames number of frames
     * @param iterations solver iterations summed over blocks (0: every block stopped at X0, as L-BFGS-B does for
     *     small-valued M)
     * @param objective final objective summed over blocks, (0.5 / block size) ||A X - M||^2
     */
    public record Inversion(double[] values, int nBins, int nFrames, int iterations, double objective) { }

    private MelInverter(Builder b) {
        this.nMels = b.nMels;
        this.nBins = b.nBins;
        this.basis = new SparseMatrix(b.melBasis, b.nMels, b.nBins);
        this.pinv = new PseudoInverse(basis);
        this.power = b.power;
        this.pgtol = b.pgtol;
        this.factr = b.factr;
        this.maxIter = b.maxIter;
        this.memory = b.memory;
        this.blockFrames = b.blockFrames;
    }

    /**
     * Starts a builder for a given mel basis.
     *
     * @param melBasis the filter bank, (n_mels, n_bins) row-major, as librosa.filters.mel (copied), finite and
     *     &gt;= 0
     * @param nMels number of mel bands (rows), &gt;= 1
     * @param nBins number of frequency bins (columns, 1 + n_fft/2), &gt;= 2
     * @return a builder with librosa's defaults (power 2, pgtol 1e-5, factr 1e7, maxiter 15000, 256-frame blocks)
     * @throws IllegalArgumentException if the sizes are out of range, the basis has the wrong length, or a weight
     *     is negative or not finite
     */
    public static Builder builder(double[] melBasis, int nMels, int nBins) {
        return new Builder(melBasis, nMels, nBins);
    }

    /**
     * Starts a builder for a features mel filter bank ({@code librosa.filters.mel}, as mel_to_stft builds it).
     *
     * @param filterBank the filter bank
     * @return a builder with librosa's defaults (power 2, pgtol 1e-5, factr 1e7, maxiter 15000, 256-frame blocks)
     */
    public static Builder builder(MelFilterBank filterBank) {
        Objects.requireNonNull(filterBank, "filterBank");
        return new Builder(filterBank.dense().toArray(), filterBank.nMels(), filterBank.nBins());
    }

    /**
     * Starts a builder for the mel spectrogram a configuration describes, as {@code mel_to_stft(M, sr=sr,
     * n_fft=n_fft, power=power, n_mels=..., fmin=..., fmax=..., htk=..., norm=...)} builds it: the mel basis
     * {@link MelFilterBank#of(MelConfig)} and {@code power} from the configuration.
     *
     * @param mel the mel parameters (validated by {@link MelConfig})
     * @return a builder with the configuration's basis and power, and librosa's solver defaults
     */
    public static Builder builder(MelConfig mel) {
        Objects.requireNonNull(mel, "mel");
        return builder(MelFilterBank.of(mel)).power(mel.power());
    }

    /**
     * Returns the number of mel bands, the rows of the basis and of every spectrogram this inverts.
     *
     * @return number of mel bands
     */
    public int nMels() {
        return nMels;
    }

    /**
     * Returns the number of linear-frequency bins of the result, 1 + n_fft/2.
     *
     * @return number of frequency bins
     */
    public int nBins() {
        return nBins;
    }

    /**
     * Returns the exponent of the mel spectrogram, librosa's {@code power}: the result is the NNLS solution raised to
     * 1/power.
     *
     * @return the exponent of the mel spectrogram (2 = power, 1 = magnitude)
     */
    public double power() {
        return power;
    }

    /**
     * Returns the mel basis A as a sparse matrix.
     *
     * @return the mel basis as a sparse matrix (shared, read-only)
     */
    SparseMatrix basis() {
        return basis;
    }

    /**
     * Inverts a mel spectrogram to a linear-frequency STFT magnitude, as
     * {@code librosa.feature.inverse.mel_to_stft(M, power=power)}: for each block of frames the non-negative least
     * squares solution X of A X = M (start clip(pinv(A) M, 0)), then X^(1/power).
     *
     * @param mel (n_mels, n_frames) row-major mel spectrogram (power or magnitude per {@link #power()}), finite and
     *     non-negative
     * @param nFrames number of frames, &gt;= 1
     * @return the (n_bins, n_frames) magnitude with the solver's iteration count and final objective
     * @throws IllegalArgumentException if the shape does not match, or a value is NaN, infinite or negative
     */
    public Inversion melToStft(double[] mel, int nFrames) {
        if (nFrames <= 0 || mel.length != (long) nMels * nFrames) {
            throw new IllegalArgumentException("mel: expected (" + nMels + ", nFrames) with nFrames >= 1, got "
                    + mel.length + " values for nFrames=" + nFrames);
        }
        for (int i = 0; i < mel.length; i++) {
            double v = mel[i];
            if (!Double.isFinite(v) || v < 0.0) {
                throw new IllegalArgumentException("mel: value " + v + " at (mel " + i / nFrames + ", frame "
                        + i % nFrames + ") is not a finite non-negative number");
            }
        }
        int nBlocks = (nFrames + blockFrames - 1) / blockFrames;
        double[] out = new double[nBins * nFrames];
        NnlsSolver.Result[] results = new NnlsSolver.Result[nBlocks];
        IntStream.range(0, nBlocks).parallel().forEach(bi -> {
            int t0 = bi * blockFrames;
            int t1 = Math.min(nFrames, t0 + blockFrames);
            int tb = t1 - t0;
            double[] b = new double[nMels * tb];
            for (int m = 0; m < nMels; m++) {
                for (int t = 0; t < tb; t++) {
                    b[t * nMels + m] = mel[m * nFrames + t0 + t];
                }
            }
            double[] x = new double[nBins * tb];
            pinv.solveClipped(b, x, 0, tb);
            NnlsSolver solver = new NnlsSolver(basis, pgtol, factr, maxIter, memory);
            results[bi] = solver.solve(b, x, tb);
            double inv = 1.0 / power;
            for (int k = 0; k < nBins; k++) {
                for (int t = 0; t < tb; t++) {
                    double v = x[t * nBins + k];
                    out[k * nFrames + t0 + t] = power == 2.0 ? Math.sqrt(v) : power == 1.0 ? v : Math.pow(v, inv);
                }
            }
        });
        int iterations = 0;
        double objective = 0.0;
        List<NnlsSolver.Result> all = new ArrayList<>(List.of(results));
        for (NnlsSolver.Result r : all) {
            iterations += r.iterations();
            objective += r.objectiveFinal();
        }
        return new Inversion(out, nBins, nFrames, iterations, objective);
    }

    /**
     * Builder of {@link MelInverter}: the exponent of the spectrogram and the settings of scipy's L-BFGS-B that
     * librosa.util.nnls uses; every setter validates its argument.
     */
    public static final class Builder {
        private final double[] melBasis;
        private final int nMels;
        private final int nBins;
        private double power = 2.0;
        private double pgtol = 1e-5;
        private double factr = 1e7;
        private int maxIter = 15000;
        private int memory = 10;
        private int blockFrames = 256;

        private Builder(double[] melBasis, int nMels, int nBins) {
            if (nMels < 1) {
                throw new IllegalArgumentException("nMels must be >= 1, got " + nMels);
            }
            if (nBins < 2) {
                throw new IllegalArgumentException("nBins must be >= 2, got " + nBins);
            }
            if (melBasis == null || melBasis.length != (long) nMels * nBins) {
                throw new IllegalArgumentException("melBasis: expected " + nMels + " x " + nBins + " values, got "
                        + (melBasis == null ? "null" : melBasis.length));
            }
            for (double v : melBasis) {
                if (!Double.isFinite(v) || v < 0.0) {
                    throw new IllegalArgumentException("melBasis: weights must be finite and >= 0, found " + v);
                }
            }
            this.melBasis = melBasis.clone();
            this.nMels = nMels;
            this.nBins = nBins;
        }

        /**
         * Sets the exponent of the mel spectrogram: 2 for a power spectrogram, 1 for a magnitude spectrogram.
         *
         * @param power exponent of the mel spectrogram, finite and &gt; 0 (librosa's {@code power}, default 2)
         * @return this builder
         * @throws IllegalArgumentException if power is not finite and positive
         */
        public Builder power(double power) {
            if (!(power > 0.0) || !Double.isFinite(power)) {
                throw new IllegalArgumentException("power must be finite and > 0, got " + power);
            }
            this.power = power;
            return this;
        }

        /**
         * Sets the projected-gradient tolerance: a block stops when the infinity norm of the projected gradient of
         * (0.5 / M_block.size) ||A X - M||^2 is at most this (scipy L-BFGS-B's {@code pgtol}).
         *
         * @param pgtol projected-gradient tolerance, finite and &gt;= 0 (scipy default 1e-5)
         * @return this builder
         * @throws IllegalArgumentException if pgtol is negative or not finite
         */
        public Builder pgtol(double pgtol) {
            if (!(pgtol >= 0.0) || !Double.isFinite(pgtol)) {
                throw new IllegalArgumentException("pgtol must be finite and >= 0, got " + pgtol);
            }
            this.pgtol = pgtol;
            return this;
        }

        /**
         * Sets the relative-decrease stopping factor: a block stops when (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1)
         * is at most factr x machine epsilon (scipy L-BFGS-B's {@code factr}; 1e7 is about 2.2e-9).
         *
         * @param factr relative-decrease factor in units of machine epsilon, finite and &gt;= 0 (scipy default 1e7)
         * @return this builder
         * @throws IllegalArgumentException if factr is negative or not finite
         */
        public Builder factr(double factr) {
            if (!(factr >= 0.0) || !Double.isFinite(factr)) {
                throw new IllegalArgumentException("factr must be finite and >= 0, got " + factr);
            }
            this.factr = factr;
            return this;
        }

        /**
         * Sets the iteration limit of the solver per block of frames (scipy L-BFGS-B's {@code maxiter}).
         *
         * @param maxIter iteration limit per block, &gt;= 0 (scipy default 15000; 0 returns clip(pinv(A) M, 0))
         * @return this builder
         * @throws IllegalArgumentException if maxIter is negative
         */
        public Builder maxIter(int maxIter) {
            if (maxIter < 0) {
                throw new IllegalArgumentException("maxIter must be >= 0, got " + maxIter);
            }
            this.maxIter = maxIter;
            return this;
        }

        /**
         * Sets the number of correction pairs the limited-memory BFGS keeps (scipy's {@code fmin_l_bfgs_b(m=...)}).
         *
         * @param memory L-BFGS correction pairs kept, in [1, 1000] (default 10)
         * @return this builder
         * @throws IllegalArgumentException if memory is outside [1, 1000]
         */
        public Builder memory(int memory) {
            if (memory < 1 || memory > 1000) {
                throw new IllegalArgumentException("memory must be in [1, 1000], got " + memory);
            }
            this.memory = memory;
            return this;
        }

        /**
         * Sets the number of frames per independent NNLS block (librosa splits M into blocks of
         * 2^18 bytes / (n_mels x itemsize) frames); blocks are solved in parallel.
         *
         * @param blockFrames frames per independent NNLS block, &gt;= 1 (librosa: 256 for float64 M, 512 for
         *     float32 M, with 128 mels)
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
         * Builds the inverter, computing the pseudo-inverse of the mel basis once.
         *
         * @return the inverter (computes the pseudo-inverse once)
         */
        public MelInverter build() {
            return new MelInverter(this);
        }
    }
}
