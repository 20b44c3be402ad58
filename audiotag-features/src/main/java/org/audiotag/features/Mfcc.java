package org.audiotag.features;

import java.util.Objects;

/**
 * Mel-frequency cepstral coefficients as {@code librosa.feature.mfcc} with {@code dct_type=2, norm='ortho'}:
 * the orthonormal DCT-II ({@code scipy.fftpack.dct(S, type=2, norm='ortho', axis=-2)}) of a log-power mel spectrogram
 * over the mel axis, keeping the first {@code n_mfcc} rows, then optional liftering
 * {@code M[k] *= 1 + (L/2) sin(pi (k+1) / L)}. From audio the log-power mel is
 * {@code power_to_db(melspectrogram(y), ref=1, amin=1e-10, top_db=80)}, as librosa. Layout {@code (n_mfcc, frames)}.
 * Immutable and thread-safe; the DCT matrix is cached per input size.
 */
public final class Mfcc {
    private final int nMfcc;
    private final double lifter;
    /** Cached DCT matrix and the n_mels it was built for, published together. */
    private volatile DctCache dct;

    private record DctCache(int nMels, double[] matrix) {
    }

    private Mfcc(int nMfcc, double lifter) {
        if (nMfcc < 1) {
            throw new IllegalArgumentException("n_mfcc must be >= 1, got " + nMfcc);
        }
        if (!(lifter >= 0) || Double.isInfinite(lifter)) {
            throw new IllegalArgumentException("lifter must be a finite number >= 0, got " + lifter);
        }
        this.nMfcc = nMfcc;
        this.lifter = lifter;
    }

    /**
     * @param nMfcc number of coefficients, &gt;= 1 (librosa default 20)
     * @return MFCC without liftering
     */
    public static Mfcc of(int nMfcc) {
        return new Mfcc(nMfcc, 0);
    }

    /**
     * @param nMfcc number of coefficients, &gt;= 1
     * @param lifter liftering parameter L, &gt;= 0 (0 = none)
     * @return MFCC with liftering
     */
    public static Mfcc of(int nMfcc, double lifter) {
        return new Mfcc(nMfcc, lifter);
    }

    /** @return number of coefficients */
    public int nMfcc() {
        return nMfcc;
    }

    /** @return liftering parameter (0 = none) */
    public double lifter() {
        return lifter;
    }

    /**
     * {@code librosa.feature.mfcc(S=logMel)}: DCT-II (ortho) of a log-power mel spectrogram.
     *
     * @param logMel dB mel spectrogram {@code (n_mels, frames)}, n_mels &gt;= n_mfcc
     * @return {@code (n_mfcc, frames)}
     */
    public DoubleMatrix fromLogMel(DoubleMatrix logMel) {
        Objects.requireNonNull(logMel, "S");
        int nMels = logMel.rows();
        double[] c = dctMatrix(nMels);
        int cols = logMel.cols();
        double[] in = logMel.raw();
        double[] out = new double[nMfcc * cols];
        for (int k = 0; k < nMfcc; k++) {
            int base = k * cols;
            for (int n = 0; n < nMels; n++) {
                double w = c[k * nMels + n];
                int src = n * cols;
                for (int t = 0; t < cols; t++) {
                    out[base + t] += w * in[src + t];
                }
            }
            if (lifter > 0) {
                double li = 1.0 + (lifter / 2.0) * Math.sin(Math.PI * (k + 1) / lifter);
                for (int t = 0; t < cols; t++) {
                    out[base + t] *= li;
                }
            }
        }
        return new DoubleMatrix(nMfcc, cols, out, true);
    }

    /**
     * Float32 variant of {@link #fromLogMel(DoubleMatrix)} (accumulated in double, rounded to float).
     *
     * @param logMel dB mel spectrogram {@code (n_mels, frames)}
     * @return {@code (n_mfcc, frames)}
     */
    public FeatureMatrix fromLogMel(FeatureMatrix logMel) {
        return fromLogMel(logMel.toDouble()).toFloat();
    }

    /**
     * {@code librosa.feature.mfcc(y=y, ...)}: mel spectrogram, {@code power_to_db(ref=1, amin=1e-10, top_db=80)},
     * DCT-II.
     *
     * @param mel the mel spectrogram (librosa uses power 2)
     * @param y mono signal
     * @return {@code (n_mfcc, frames)}
     */
    public DoubleMatrix compute(MelSpectrogram mel, double[] y) {
        DoubleMatrix s = mel.compute(y);
        return fromLogMel(Decibels.powerToDb(s, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB));
    }

    /**
     * Float32 fast path of {@link #compute(MelSpectrogram, double[])}.
     *
     * @param mel the mel spectrogram
     * @param y mono signal
     * @return {@code (n_mfcc, frames)}
     */
    public FeatureMatrix compute(MelSpectrogram mel, float[] y) {
        FeatureMatrix s = mel.compute(y);
        return fromLogMel(Decibels.powerToDb(s, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB));
    }

    private double[] dctMatrix(int nMels) {
        if (nMfcc > nMels) {
            throw new IllegalArgumentException("n_mfcc=" + nMfcc + " exceeds the number of mel bands n_mels=" + nMels);
        }
        DctCache cached = dct;
        if (cached != null && cached.nMels() == nMels) {
            return cached.matrix();
        }
        double[] c = new double[nMfcc * nMels];
        double s0 = Math.sqrt(1.0 / nMels);
        double s1 = Math.sqrt(2.0 / nMels);
        for (int k = 0; k < nMfcc; k++) {
            for (int n = 0; n < nMels; n++) {
                c[k * nMels + n] = (k == 0 ? s0 : s1) * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * nMels));
            }
        }
        dct = new DctCache(nMels, c);
        return c;
    }

    @Override
    public String toString() {
        return "Mfcc[n_mfcc=" + nMfcc + ", lifter=" + lifter + "]";
    }
}
