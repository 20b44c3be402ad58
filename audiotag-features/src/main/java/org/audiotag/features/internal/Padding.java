package org.audiotag.features.internal;

/** Index arithmetic for numpy-compatible padding modes. Not part of the API. */
public final class Padding {
    private Padding() {
    }

    /**
     * numpy {@code reflect} padding: the index into an array of length {@code len} that supplies the value at
     * (possibly out-of-range) position {@code idx}. Repeated reflection (period {@code 2 (len - 1)}) reproduces
     * numpy when the pad is longer than {@code len - 1}.
     *
     * @param idx position in the virtually padded array (relative to the first real sample)
     * @param len array length, &gt;= 1
     * @return an index in {@code [0, len)}
     */
    public static int reflect(long idx, int len) {
        if (len == 1) {
            return 0;
        }
        long period = 2L * (len - 1);
        long m = Math.floorMod(idx, period);
        return (int) (m >= len ? period - m : m);
    }

    /**
     * scipy.ndimage {@code reflect} (half-sample symmetric, {@code d c b a | a b c d}).
     *
     * @param idx position
     * @param len length, &gt;= 1
     * @return an index in {@code [0, len)}
     */
    public static int symmetric(long idx, int len) {
        long period = 2L * len;
        long m = Math.floorMod(idx, period);
        return (int) (m >= len ? period - 1 - m : m);
    }

    /**
     * Clamp to the nearest edge (numpy {@code edge}, scipy.ndimage {@code nearest}).
     *
     * @param idx position
     * @param len length, &gt;= 1
     * @return an index in {@code [0, len)}
     */
    public static int nearest(long idx, int len) {
        return (int) Math.max(0, Math.min(len - 1, idx));
    }

    /**
     * Periodic wrap (scipy.ndimage {@code wrap}).
     *
     * @param idx position
     * @param len length, &gt;= 1
     * @return an index in {@code [0, len)}
     */
    public static int wrap(long idx, int len) {
        return (int) Math.floorMod(idx, (long) len);
    }
}
