package org.audiotag.features.internal;

/**
 * A fast {@code log10} of positive normal floats for the float32 dB path, where {@link Math#log10} cost about a
 * fifth of a log-mel. The float is split into exponent {@code e} and mantissa {@code m} in
 * {@code [sqrt(1/2), sqrt(2))}; {@code ln m = 2 atanh(t)}, {@code t = (m - 1) / (m + 1)}, from five terms of the
 * series {@code 2 (t + t^3/3 + ... + t^9/9)} in double. Absolute error below 1e-9 in {@code log10} (1e-8 dB),
 * far below float32 resolution. Not part of the API.
 */
public final class FastLog {
    private static final double LN2 = Math.log(2.0);
    private static final double INV_LN10 = 1.0 / Math.log(10.0);
    /** 2^23 (1 - (sqrt(2) - 1)): adding it to the 23 mantissa bits carries into bit 23 iff m >= sqrt(2). */
    private static final int SQRT2_CARRY = 0x4AFB0D;

    private FastLog() {
    }

    /**
     * Returns {@code log10(v)} to within 1e-9.
     *
     * @param v a positive normal float (callers clamp with {@code amin} first)
     * @return {@code log10(v)}
     */
    public static double log10(float v) {
        int bits = Float.floatToRawIntBits(v);
        int mantissa = bits & 0x7FFFFF;
        int adj = ((mantissa + SQRT2_CARRY) >>> 23) & 1;
        int e = ((bits >>> 23) & 0xFF) - 127 + adj;
        double m = Float.intBitsToFloat(mantissa | ((127 - adj) << 23));
        double t = (m - 1.0) / (m + 1.0);
        double t2 = t * t;
        double ln = 2.0 * t * (1.0 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9)))));
        return (e * LN2 + ln) * INV_LN10;
    }
}
