package org.audiotag.features.internal;

/** Argument checks shared by the feature classes. Not part of the API. */
public final class Checks {
    private Checks() {
    }

    /**
     * @param y signal
     * @param name parameter name for the message
     * @throws IllegalArgumentException if empty or not finite somewhere
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
     * @param y signal
     * @param name parameter name for the message
     * @throws IllegalArgumentException if empty or not finite somewhere
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
     * @param v value
     * @param name parameter
     * @return v
     */
    public static double positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
        return v;
    }
}
