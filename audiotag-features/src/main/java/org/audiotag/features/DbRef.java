package org.audiotag.features;

/**
 * The reference of a dB conversion, librosa's {@code ref} argument of {@code power_to_db} and
 * {@code amplitude_to_db}: a fixed positive value (librosa default 1.0, so 0 dB is a power of 1) or the maximum of the
 * input ({@code ref=np.max}, so the loudest value is 0 dB). Compared by value.
 */
public final class DbRef {
    /** {@code ref=np.max}: the largest value of the whole input array. */
    public static final DbRef MAX = new DbRef(Double.NaN);
    /** {@code ref=1.0}, librosa's default. */
    public static final DbRef ONE = new DbRef(1.0);

    private final double value;

    private DbRef(double value) {
        this.value = value;
    }

    /**
     * Returns a fixed reference ({@code ref=value}).
     *
     * @param value reference value, finite and &gt; 0
     * @return a fixed reference
     * @throws IllegalArgumentException if the value is not finite and positive
     */
    public static DbRef value(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("ref must be a finite number > 0 (or max), got " + value);
        }
        return new DbRef(value);
    }

    /**
     * Parses {@code max} (or {@code np.max}, case-insensitive) or a positive number, the text form of
     * {@link #toString()}.
     *
     * @param text {@code max} or a number
     * @return the reference
     * @throws IllegalArgumentException if the text is neither
     */
    public static DbRef parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("max") || t.equals("np.max")) {
            return MAX;
        }
        try {
            return value(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ref must be 'max' or a number > 0, got '" + text + "'", e);
        }
    }

    /**
     * Returns whether this is {@link #MAX}, the input's maximum.
     *
     * @return true for {@code ref=np.max}
     */
    public boolean isMax() {
        return Double.isNaN(value);
    }

    /**
     * Returns the fixed reference value.
     *
     * @return the value, or NaN for {@link #MAX}
     */
    public double fixedValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbRef r && Double.compare(r.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : Double.toString(value);
    }
}
