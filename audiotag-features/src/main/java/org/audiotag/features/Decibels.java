package org.audiotag.features;

import java.util.Objects;
import org.audiotag.features.internal.FastLog;

/**
 * Converts spectrograms between linear and decibel scales as librosa's {@code power_to_db}, {@code amplitude_to_db},
 * {@code db_to_power} and {@code db_to_amplitude}; results keep the input's shape and layout.
 *
 * <p>{@code power_to_db}: {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, then, unless {@code top_db} is
 * {@link #NO_TOP_DB}, every value is raised to at least {@code max(result) - top_db}. {@code amplitude_to_db(S, ref,
 * amin, top_db)} is {@code power_to_db(S^2, ref^2, amin^2, top_db)}. librosa's defaults: {@code ref = 1.0},
 * {@code amin = 1e-10} (power) / {@code 1e-5} (amplitude), {@code top_db = 80}.
 *
 * <p>Given an {@code AudioClip clip}:
 * {@snippet :
 * FeatureMatrix power = MelSpectrogram.builder().sampleRate(clip.sampleRate()).build().compute(clip.samples());
 * // librosa.power_to_db(S): ref=1.0, amin=1e-10, top_db=80
 * FeatureMatrix db = Decibels.powerToDb(power, DbRef.ONE, Decibels.DEFAULT_AMIN_POWER, Decibels.DEFAULT_TOP_DB);
 * // librosa.power_to_db(S, ref=np.max, top_db=None): 0 dB at the loudest bin
 * FeatureMatrix rel = Decibels.powerToDb(power, DbRef.MAX, Decibels.DEFAULT_AMIN_POWER, Decibels.NO_TOP_DB);
 * // float64: librosa.amplitude_to_db(np.abs(D), ref=np.max), and db_to_power undoing power_to_db
 * DoubleMatrix mag = Stft.of(StftConfig.builder().build()).magnitude(clip.samplesAsDouble(), 1.0);
 * DoubleMatrix magDb = Decibels.amplitudeToDb(mag, DbRef.MAX, Decibels.DEFAULT_AMIN_AMPLITUDE, 80);
 * DoubleMatrix powerDb = Decibels.powerToDb(power.toDouble(), DbRef.ONE, 1e-10, Decibels.NO_TOP_DB);
 * DoubleMatrix powerAgain = Decibels.dbToPower(powerDb, 1.0);    // power, where it was above amin
 * }
 */
public final class Decibels {
    /** Pass as {@code topDb} for librosa's {@code top_db=None} (no clamping). */
    public static final double NO_TOP_DB = Double.POSITIVE_INFINITY;
    /** librosa's default {@code amin} of {@code power_to_db}. */
    public static final double DEFAULT_AMIN_POWER = 1e-10;
    /** librosa's default {@code amin} of {@code amplitude_to_db}. */
    public static final double DEFAULT_AMIN_AMPLITUDE = 1e-5;
    /** librosa's default {@code top_db}. */
    public static final double DEFAULT_TOP_DB = 80.0;

    private Decibels() {
    }

    /**
     * Converts power values to dB in double precision, as {@code librosa.power_to_db(S, ref, amin, top_db)}.
     *
     * @param s power values (any shape), &gt;= 0
     * @param ref reference ({@link DbRef#ONE}, {@link DbRef#MAX} or a value)
     * @param amin floor applied before the logarithm, &gt; 0 (librosa default {@link #DEFAULT_AMIN_POWER})
     * @param topDb dynamic range below the maximum to keep in dB, &gt;= 0, or {@link #NO_TOP_DB} (librosa default
     *     {@link #DEFAULT_TOP_DB})
     * @return dB values, same shape
     * @throws IllegalArgumentException if {@code amin} is not finite and positive or {@code topDb} is negative
     */
    public static DoubleMatrix powerToDb(DoubleMatrix s, DbRef ref, double amin, double topDb) {
        check(ref, amin, topDb);
        double[] in = s.raw();
        double refValue = ref.isMax() ? maxOf(in) : ref.fixedValue();
        double[] out = new double[in.length];
        double offset = 10.0 * Math.log10(Math.max(amin, refValue));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < in.length; i++) {
            double v = 10.0 * Math.log10(Math.max(amin, in[i])) - offset;
            out[i] = v;
            if (v > max) {
                max = v;
            }
        }
        clampTop(out, max, topDb);
        return new DoubleMatrix(s.rows(), s.cols(), out, true);
    }

    /**
     * Converts float32 power values to dB, the fast path of {@link #powerToDb(DoubleMatrix, DbRef, double, double)}:
     * each value is computed in double with a fast logarithm (absolute error below 1e-8 dB) and rounded to float, so
     * it matches the double result cast to float up to the last float bit.
     *
     * @param s power values, &gt;= 0
     * @param ref reference ({@link DbRef#ONE}, {@link DbRef#MAX} or a value)
     * @param amin floor applied before the logarithm, &gt; 0
     * @param topDb dynamic range to keep in dB, &gt;= 0, or {@link #NO_TOP_DB}
     * @return dB values, same shape
     * @throws IllegalArgumentException if {@code amin} is not finite and positive or {@code topDb} is negative
     */
    public static FeatureMatrix powerToDb(FeatureMatrix s, DbRef ref, double amin, double topDb) {
        check(ref, amin, topDb);
        float[] in = s.raw();
        double refValue = ref.isMax() ? s.max() : ref.fixedValue();
        float[] out = new float[in.length];
        double offset = 10.0 * Math.log10(Math.max(amin, refValue));
        float max = Float.NEGATIVE_INFINITY;
        float floorDb = (float) (10.0 * Math.log10(amin) - offset);
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            float v = x <= amin ? floorDb
                    : (float) (10.0 * (x >= Float.MIN_NORMAL ? FastLog.log10(x) : Math.log10(x)) - offset);
            out[i] = v;
            max = Math.max(max, v);
        }
        if (topDb != NO_TOP_DB && in.length > 0) {
            float floor = (float) (max - topDb);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], floor);
            }
        }
        return new FeatureMatrix(s.rows(), s.cols(), out, true);
    }

    /**
     * Converts magnitudes to dB as {@code librosa.amplitude_to_db(S, ref, amin, top_db)}, which is
     * {@code power_to_db(S^2, ref^2, amin^2, top_db)} ({@link DbRef#MAX} is the largest absolute value).
     *
     * @param s magnitudes, &gt;= 0
     * @param ref reference on the amplitude scale
     * @param amin amplitude floor, &gt; 0 (librosa default {@link #DEFAULT_AMIN_AMPLITUDE})
     * @param topDb dynamic range to keep in dB, &gt;= 0, or {@link #NO_TOP_DB}
     * @return dB values, same shape
     * @throws IllegalArgumentException if {@code amin} is not finite and positive or {@code topDb} is negative
     */
    public static DoubleMatrix amplitudeToDb(DoubleMatrix s, DbRef ref, double amin, double topDb) {
        check(ref, amin, topDb);
        double[] in = s.raw();
        double refValue = ref.isMax() ? maxAbs(in) : ref.fixedValue();
        double[] sq = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            sq[i] = in[i] * in[i];
        }
        return powerToDb(new DoubleMatrix(s.rows(), s.cols(), sq, true),
                DbRef.value(Math.max(refValue * refValue, Double.MIN_VALUE)), amin * amin, topDb);
    }

    /**
     * Converts dB values back to power as {@code librosa.db_to_power(S_db, ref)}: {@code ref * 10^(S_db / 10)}.
     *
     * @param sDb dB values
     * @param ref reference value, finite and &gt; 0 (librosa default 1.0)
     * @return power values, same shape
     * @throws IllegalArgumentException if {@code ref} is not finite and positive
     */
    public static DoubleMatrix dbToPower(DoubleMatrix sDb, double ref) {
        DbRef.value(ref);
        double[] in = sDb.raw();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = ref * Math.pow(10.0, 0.1 * in[i]);
        }
        return new DoubleMatrix(sDb.rows(), sDb.cols(), out, true);
    }

    /**
     * Converts dB values back to amplitudes as {@code librosa.db_to_amplitude(S_db, ref)}:
     * {@code sqrt(db_to_power(S_db, ref^2))}.
     *
     * @param sDb dB values
     * @param ref reference value on the amplitude scale, finite and &gt; 0 (librosa default 1.0)
     * @return amplitudes, same shape
     * @throws IllegalArgumentException if {@code ref} is not finite and positive
     */
    public static DoubleMatrix dbToAmplitude(DoubleMatrix sDb, double ref) {
        DbRef.value(ref);
        double[] in = sDb.raw();
        double[] out = new double[in.length];
        double r2 = ref * ref;
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.sqrt(r2 * Math.pow(10.0, 0.1 * in[i]));
        }
        return new DoubleMatrix(sDb.rows(), sDb.cols(), out, true);
    }

    private static void check(DbRef ref, double amin, double topDb) {
        Objects.requireNonNull(ref, "ref");
        if (!(amin > 0) || Double.isInfinite(amin)) {
            throw new IllegalArgumentException("amin must be a finite number > 0, got " + amin);
        }
        if (!(topDb >= 0)) {
            throw new IllegalArgumentException("top_db must be >= 0 (or NO_TOP_DB), got " + topDb);
        }
    }

    private static void clampTop(double[] out, double max, double topDb) {
        if (topDb == NO_TOP_DB || out.length == 0) {
            return;
        }
        double floor = max - topDb;
        for (int i = 0; i < out.length; i++) {
            if (out[i] < floor) {
                out[i] = floor;
            }
        }
    }

    private static double maxOf(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return a.length == 0 ? 1.0 : m;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
