package org.audiotag.features;

import java.util.Objects;

/**
 * Computes mel-frequency cepstral coefficients as {@code librosa.feature.mfcc} with {@code dct_type=2, norm='ortho'}:
 * the orthonormal DCT-II ({@code scipy.fftpack.dct(S, type=2, norm='ortho', axis=-2)}) of a log-power mel spectrogram
 * over the mel axis, keeping the first {@code n_mfcc} rows, then optional liftering
 * {@code M[k] *= 1 + (L/2) sin(pi (k+1) / L)}. From audio the log-power mel is
 * {@code power_to_db(melspectrogram(y), ref=1, amin=1e-10, top_db=80)}, as librosa. Layout {@code (n_mfcc, frames)}.
 * Immutable and thread-safe; the DCT matrix is cached per input size.
 *
 * <p>Given an {@code AudioClip clip}:
 * {@snippet :
 * MelSpectrogram mel = MelSpectrogram.builder().sampleRate(clip.sampleRate()).build();
 * // librosa.feature.mfcc(y=y, sr=sr): 20 coefficients per frame, float32
 * FeatureMatrix mfcc = Mfcc.of(20).compute(mel, clip.samples());
 * // librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13, lifter=22) in float64, and its deltas
 * DoubleMatrix lifted = Mfcc.of(13, 22).compute(mel, clip.samplesAsDouble());
 * DoubleMatrix deltas = Delta.defaults().apply(lifted);
 * // librosa.feature.mfcc(S=power_to_db(S, ref=np.max)) from a mel spectrogram already computed
 * DoubleMatrix sDb = Decibels.powerToDb(mel.compute(clip.samplesAsDouble()), DbRef.MAX, 1e-10, 80);
 * DoubleMatrix fromDb = Mfcc.of(13).fromLogMel(sDb);
 * }
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
     * Returns the MFCC of {@code n_mfcc} coefficients without liftering.
     *
     * @param nMfcc number of coefficients, &gt;= 1 (librosa default 20)
     * @return MFCC without liftering
     * @throws IllegalArgumentException if {@code nMfcc < 1}
     */
    public static Mfcc of(int nMfcc) {
        return new Mfcc(nMfcc, 0);
    }

    /**
     * Returns the MFCC of {@code n_mfcc} coefficients with cepstral liftering
     * {@code 1 + (L/2) sin(pi (k+1) / L)} ({@code lifter=L}).
     *
     * @param nMfcc number of coefficients, &gt;= 1
     * @param lifter liftering parameter L, finite, &gt;= 0 (0 = none)
     * @return MFCC with liftering
     * @throws IllegalArgumentException if {@code nMfcc < 1} or {@code lifter} is negative or not finite
     */
    public static Mfcc of(int nMfcc, double lifter) {
        return new Mfcc(nMfcc, lifter);
    }

    /**
     * Returns the number of coefficients per frame.
     *
     * @return {@code n_mfcc}
     */
    public int nMfcc() {
        return nMfcc;
    }

    /**
     * Returns the liftering parameter.
     *
     * @return {@code lifter}, 0 = none
     */
    public double lifter() {
        return lifter;
    }

    /**
     * Computes the MFCC of a log-power mel spectrogram, {@code librosa.feature.mfcc(S=logMel)}: the orthonormal DCT-II
     * over the mel axis, first {@code n_mfcc} rows, liftered if configured.
     *
     * @param logMel dB mel spectrogram {@code (n_mels, frames)}, n_mels &gt;= n_mfcc
     * @return {@code (n_mfcc, frames)}
     * @throws IllegalArgumentException if {@code n_mels < n_mfcc}
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
     * Computes the MFCC of a float32 log-power mel spectrogram, accumulated in double and rounded to float (the float
     * variant of {@link #fromLogMel(DoubleMatrix)}).
     *
     * @param logMel dB mel spectrogram {@code (n_mels, frames)}, n_mels &gt;= n_mfcc
     * @return {@code (n_mfcc, frames)}
     * @throws IllegalArgumentException if {@code n_mels < n_mfcc}
     */
    public FeatureMatrix fromLogMel(FeatureMatrix logMel) {
        return fromLogMel(logMel.toDouble()).toFloat();
    }

    /**
     * Computes the MFCC of a signal as {@code librosa.feature.mfcc(y=y, ...)}: mel spectrogram,
     * {@code power_to_db(ref=1, amin=1e-10, top_db=80)}, DCT-II, in double precision.
     *
     * @param mel the mel spectrogram (librosa uses power 2)
     * @param y mono signal at the mel spectrogram's sample rate, at least one sample, finite
     * @return {@code (n_mfcc, frames)}
     * @throws IllegalArgumentException if {@code y} is empty or not finite, or {@code n_mels < n_mfcc}
     */
    public DoubleMatrix compute(MelSpectrogram mel, double[] y) {
        DoubleMatrix s = mel.compute(y);
        return fromLogMel(Decibels.powerToDb(s, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB));
    }

    /**
     * Computes the MFCC of a float32 signal through the float32 mel and dB fast paths, the float variant of
     * {@link #compute(MelSpectrogram, double[])}.
     *
     * @param mel the mel spectrogram (librosa uses power 2)
     * @param y mono signal at the mel spectrogram's sample rate, at least one sample, finite
     * @return {@code (n_mfcc, frames)}
     * @throws IllegalArgumentException if {@code y} is empty or not finite, or {@code n_mels < n_mfcc}
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
