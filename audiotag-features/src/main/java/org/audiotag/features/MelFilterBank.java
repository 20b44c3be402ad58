package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.Checks;

/**
 * A mel filter bank as {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)}, stored sparsely: each
 * of the {@code n_mels} triangular filters keeps only its non-zero span of FFT bins (about 2 non-zeros per FFT bin
 * in all), which is how it is applied.
 *
 * <p>Filter {@code m} has weight {@code max(0, min((f - f_m)/(f_{m+1} - f_m), (f_{m+2} - f)/(f_{m+2} - f_{m+1})))} at
 * FFT bin frequency {@code f = k sr / n_fft}, with {@code f_0..f_{M+1}} from {@link MelScale#melFrequencies}; with
 * {@link MelNorm#SLANEY} it is multiplied by {@code 2 / (f_{m+2} - f_m)}. Immutable and thread-safe.
 */
public final class MelFilterBank {
    private final double sampleRate;
    private final int nFft;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final boolean htk;
    private final MelNorm norm;
    private final int[] start;
    private final double[][] weights;
    private final float[][] weightsF;

    private MelFilterBank(double sr, int nFft, int nMels, double fMin, double fMax, boolean htk, MelNorm norm) {
        Checks.positive(sr, "sr");
        if (nFft < 1) {
            throw new IllegalArgumentException("n_fft must be >= 1, got " + nFft);
        }
        if (nMels < 1 || nMels > 4096) {
            throw new IllegalArgumentException("n_mels must be in [1, 4096], got " + nMels);
        }
        if (!(fMin >= 0) || Double.isInfinite(fMin)) {
            throw new IllegalArgumentException("fmin must be >= 0, got " + fMin);
        }
        if (!(fMax > fMin) || Double.isInfinite(fMax)) {
            throw new IllegalArgumentException("fmax must be > fmin=" + fMin + " and finite, got " + fMax);
        }
        this.sampleRate = sr;
        this.nFft = nFft;
        this.nMels = nMels;
        this.fMin = fMin;
        this.fMax = fMax;
        this.htk = htk;
        this.norm = Objects.requireNonNull(norm, "norm");
        int nBins = 1 + nFft / 2;
        double[] fft = new double[nBins];
        double val = 1.0 / (nFft * (1.0 / sr));
        for (int k = 0; k < nBins; k++) {
            fft[k] = k * val;
        }
        double[] melF = MelScale.melFrequencies(nMels + 2, fMin, fMax, htk);
        this.start = new int[nMels];
        this.weights = new double[nMels][];
        this.weightsF = new float[nMels][];
        double[] row = new double[nBins];
        for (int m = 0; m < nMels; m++) {
            double fdiffLo = melF[m + 1] - melF[m];
            double fdiffHi = melF[m + 2] - melF[m + 1];
            double enorm = norm == MelNorm.SLANEY ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            int first = -1;
            int last = -1;
            for (int k = 0; k < nBins; k++) {
                double lower = -(melF[m] - fft[k]) / fdiffLo;
                double upper = (melF[m + 2] - fft[k]) / fdiffHi;
                double w = Math.max(0.0, Math.min(lower, upper));
                row[k] = w * enorm;
                if (row[k] != 0.0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                start[m] = 0;
                weights[m] = new double[0];
            } else {
                start[m] = first;
                weights[m] = java.util.Arrays.copyOfRange(row, first, last + 1);
            }
            weightsF[m] = new float[weights[m].length];
            for (int i = 0; i < weights[m].length; i++) {
                weightsF[m][i] = (float) weights[m][i];
            }
        }
    }

    /**
     * Builds the filter bank {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)}.
     *
     * @param sr sample rate in Hz, &gt; 0
     * @param nFft FFT length, &gt;= 1
     * @param nMels number of mel bands, 1..4096
     * @param fMin lowest band edge in Hz, &gt;= 0
     * @param fMax highest band edge in Hz, &gt; fMin (librosa's {@code fmax=None} is {@code sr / 2})
     * @param htk HTK mel scale instead of Slaney
     * @param norm filter normalisation
     * @return the filter bank
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static MelFilterBank of(double sr, int nFft, int nMels, double fMin, double fMax, boolean htk,
            MelNorm norm) {
        return new MelFilterBank(sr, nFft, nMels, fMin, fMax, htk, norm);
    }

    /**
     * Builds the filter bank a mel configuration describes: {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax,
     * htk, norm)} with {@code n_fft} from {@link MelConfig#stft()}.
     *
     * @param config the mel parameters (already validated)
     * @return the filter bank
     */
    public static MelFilterBank of(MelConfig config) {
        Objects.requireNonNull(config, "config");
        return new MelFilterBank(config.sampleRate(), config.stft().nFft(), config.nMels(), config.fMin(),
                config.fMax(), config.htk(), config.norm());
    }

    /**
     * Returns the sample rate the bank was built for.
     *
     * @return the rate in Hz
     */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the FFT length the bank was built for.
     *
     * @return {@code n_fft} in samples
     */
    public int nFft() {
        return nFft;
    }

    /**
     * Returns the number of mel bands, the rows of the bank.
     *
     * @return {@code n_mels}
     */
    public int nMels() {
        return nMels;
    }

    /**
     * Returns the number of FFT bins, the columns of the bank.
     *
     * @return {@code 1 + n_fft/2}
     */
    public int nBins() {
        return 1 + nFft / 2;
    }

    /**
     * Returns the lowest band edge.
     *
     * @return {@code fmin} in Hz
     */
    public double fMin() {
        return fMin;
    }

    /**
     * Returns the highest band edge.
     *
     * @return {@code fmax} in Hz
     */
    public double fMax() {
        return fMax;
    }

    /**
     * Returns whether the HTK mel scale is used instead of Slaney's.
     *
     * @return {@code htk}
     */
    public boolean htk() {
        return htk;
    }

    /**
     * Returns the filter normalisation.
     *
     * @return {@code norm}
     */
    public MelNorm norm() {
        return norm;
    }

    /**
     * Returns the number of stored non-zero weights, about 2 per FFT bin.
     *
     * @return the non-zero count
     */
    public int nonZeros() {
        int n = 0;
        for (double[] w : weights) {
            n += w.length;
        }
        return n;
    }

    /**
     * Returns the dense weight matrix, as {@code librosa.filters.mel} returns it.
     *
     * @return a new {@code (n_mels, 1 + n_fft/2)} matrix
     */
    public DoubleMatrix dense() {
        int nBins = nBins();
        double[] out = new double[nMels * nBins];
        for (int m = 0; m < nMels; m++) {
            System.arraycopy(weights[m], 0, out, m * nBins + start[m], weights[m].length);
        }
        return new DoubleMatrix(nMels, nBins, out, true);
    }

    /**
     * Applies the bank to a spectrogram {@code (1 + n_fft/2, frames)}: {@code mel_basis @ S}.
     *
     * @param s magnitude or power spectrogram
     * @return mel spectrogram {@code (n_mels, frames)}
     * @throws IllegalArgumentException if {@code s} has another number of rows
     */
    public DoubleMatrix apply(DoubleMatrix s) {
        checkRows(s.rows());
        int cols = s.cols();
        double[] in = s.raw();
        double[] out = new double[nMels * cols];
        for (int m = 0; m < nMels; m++) {
            double[] w = weights[m];
            int base = m * cols;
            for (int i = 0; i < w.length; i++) {
                double wi = w[i];
                int src = (start[m] + i) * cols;
                for (int t = 0; t < cols; t++) {
                    out[base + t] += wi * in[src + t];
                }
            }
        }
        return new DoubleMatrix(nMels, cols, out, true);
    }

    /**
     * Applies the bank to a float32 spectrogram with float weights and accumulation, the float variant of
     * {@link #apply(DoubleMatrix)}.
     *
     * @param s magnitude or power spectrogram {@code (1 + n_fft/2, frames)}
     * @return mel spectrogram {@code (n_mels, frames)}
     * @throws IllegalArgumentException if {@code s} has another number of rows
     */
    public FeatureMatrix apply(FeatureMatrix s) {
        checkRows(s.rows());
        int cols = s.cols();
        float[] in = s.raw();
        float[] out = new float[nMels * cols];
        for (int m = 0; m < nMels; m++) {
            float[] w = weightsF[m];
            int base = m * cols;
            for (int i = 0; i < w.length; i++) {
                float wi = w[i];
                int src = (start[m] + i) * cols;
                for (int t = 0; t < cols; t++) {
                    out[base + t] += wi * in[src + t];
                }
            }
        }
        return new FeatureMatrix(nMels, cols, out, true);
    }

    private void checkRows(int rows) {
        if (rows != nBins()) {
            throw new IllegalArgumentException("spectrogram has " + rows + " frequency bins but the mel filter bank "
                    + "for n_fft=" + nFft + " needs " + nBins());
        }
    }

    /** Column variant: {@code out[m * cols + t] = sum_k w[m][k] spec[k]}. */
    void applyColumn(double[] spec, double[] out, int cols, int t) {
        for (int m = 0; m < nMels; m++) {
            double[] w = weights[m];
            int s = start[m];
            double acc = 0;
            for (int i = 0; i < w.length; i++) {
                acc += w[i] * spec[s + i];
            }
            out[m * cols + t] = acc;
        }
    }

    /**
     * Block variant: spectra of {@code count} frames, bin-major ({@code rows[k][b]}, frame b of the block), to
     * {@code out[m * cols + t0 + b]}: for each filter, its non-zero weights times whole rows, accumulated across
     * the frames of the block (a loop over frames that HotSpot vectorises; per frame the sum runs over the bins in
     * the same order as {@link #applyColumn(float[], float[], int, int)}).
     */
    void applyBlock(float[][] rows, int count, float[] out, int cols, int t0) {
        final float[] acc = new float[count];
        for (int m = 0; m < nMels; m++) {
            float[] w = weightsF[m];
            int s = start[m];
            java.util.Arrays.fill(acc, 0f);
            for (int i = 0; i < w.length; i++) {
                final float wi = w[i];
                final float[] row = rows[s + i];
                for (int b = 0; b < count; b++) {
                    acc[b] += wi * row[b];
                }
            }
            System.arraycopy(acc, 0, out, m * cols + t0, count);
        }
    }

    /** Float column variant. */
    void applyColumn(float[] spec, float[] out, int cols, int t) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weightsF[m];
            int s = start[m];
            float acc = 0;
            for (int i = 0; i < w.length; i++) {
                acc += w[i] * spec[s + i];
            }
            out[m * cols + t] = acc;
        }
    }

    @Override
    public String toString() {
        return "MelFilterBank[sr=" + sampleRate + ", n_fft=" + nFft + ", n_mels=" + nMels + ", fmin=" + fMin
                + ", fmax=" + fMax + ", htk=" + htk + ", norm=" + norm.librosaName() + ", nnz=" + nonZeros() + "]";
    }
}
