package org.audiotag.features.internal;

/**
 * A table-driven {@code log10} for positive normal doubles, accurate to about 1e-15 relative (far below float32
 * resolution): {@code ln(m) = ln(c_i) + ln(1 + x)} with {@code c_i} the mantissa rounded down to 10 bits from a
 * 1024-entry table and {@code x = (m - c_i) / c_i < 2^-10} from a 4-term series. Used by the float32 dB fast path,
 * where {@link Math#log10} dominated the cost after the FFT. Not part of the API.
 */
public final class FastLog {
    private static final int BITS = 10;
    private static final double[] LN_BASE = new double[1 << BITS];
    private static final double[] INV_BASE = new double[1 << BITS];
    private static final double LN2 = Math.log(2.0);
    private static final double INV_LN10 = 1.0 / Math.log(10.0);

    static {
        for (int i = 0; i < LN_BASE.length; i++) {
            double c = 1.0 + (double) i / LN_BASE.length;
            LN_BASE[i] = Math.log(c);
            INV_BASE[i] = 1.0 / c;
        }
    }

    private FastLog() {
    }

    /**
     * @param v a positive normal double (not zero, subnormal, infinite or NaN; callers clamp with amin first)
     * @return {@code log10(v)}
     */
    public static double log10(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int e = (int) ((bits >>> 52) & 0x7ff) - 1023;
        int i = (int) ((bits >>> (52 - BITS)) & ((1 << BITS) - 1));
        double m = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L);
        double x = (m - (1.0 + (double) i / (1 << BITS))) * INV_BASE[i];
        double ln1p = x * (1.0 - x * (0.5 - x * (1.0 / 3 - x * 0.25)));
        return (e * LN2 + LN_BASE[i] + ln1p) * INV_LN10;
    }
}
