package org.audiotag.features.internal;

/** Argument checks shared by the feature classes. Not part of the API. */
public final class Checks {
    private Checks() {
    }

    /**
     * Checks that a float signal is non-null, non-empty and finite.
     *
     * @param y signal
     * @param name parameter name for the message
     * @throws IllegalArgumentException if null, empty or not finite somewhere (naming the first bad sample)
     */
    public static void finiteSignal(float[] y, String name) {
        if (y == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException(name + " is empty: the signal needs at least one sample");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException(name + " is not finite at sample " + i + " (" + y[i] + ")");
            }
        }
    }

    /**
     * Checks that a double signal is non-null, non-empty and finite.
     *
     * @param y signal
     * @param name parameter name for the message
     * @throws IllegalArgumentException if null, empty or not finite somewhere (naming the first bad sample)
     */
    public static void finiteSignal(double[] y, String name) {
        if (y == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException(name + " is empty: the signal needs at least one sample");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(name + " is not finite at sample " + i + " (" + y[i] + ")");
            }
        }
    }

    /**
     * Checks that a value is finite and strictly positive.
     *
     * @param v value
     * @param name parameter name for the message
     * @return v
     * @throws IllegalArgumentException naming the parameter otherwise
     */
    public static double positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
        return v;
    }
}
