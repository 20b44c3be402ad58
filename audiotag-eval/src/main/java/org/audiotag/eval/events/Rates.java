package org.audiotag.eval.events;

import java.util.Collection;

/**
 * The formulas of sed_eval's {@code metric} module (precision, recall, F-measure, error-rate parts) and its
 * class-wise averaging, shared by the segment-based and the event-based results.
 */
final class Rates {
    /** sed_eval's {@code eps}, {@code numpy.spacing(1)}: the distance from 1.0 to the next double. */
    static final double EPS = Math.ulp(1.0);

    private Rates() {
    }

    /** {@code Ntp / (Nsys + eps)}: 0 when nothing was output. */
    static double precision(long truePositives, long nSys) {
        return truePositives / (nSys + EPS);
    }

    /** {@code Ntp / (Nref + eps)}: 0 when nothing is in the reference. */
    static double recall(long truePositives, long nRef) {
        return truePositives / (nRef + EPS);
    }

    /** {@code 2 P R / (P + R)}, 0 when both are 0 (sed_eval's {@code f_measure} with beta 1). */
    static double fMeasure(double precision, double recall) {
        if (precision == 0 && recall == 0) {
            return 0.0;
        }
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * {@code count / (Nref + eps)} as sed_eval's substitution, deletion and insertion rates, except that with an
     * empty reference ({@code Nref = 0}) a positive count gives NaN (undefined) where sed_eval gives
     * {@code count / eps}, about {@code 4.5e15} per error; no error with an empty reference is 0 in both.
     */
    static double rate(long count, long nRef) {
        if (nRef == 0) {
            return count == 0 ? 0.0 : Double.NaN;
        }
        return count / (nRef + EPS);
    }

    /** The mean of the values that are not NaN ({@code numpy.nanmean}); NaN if there is none. */
    static double nanMean(Collection<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Checks the overall counts of a result: each {@code >= 0}, and {@code Ntp + S <= min(Nref, Nsys)}.
     *
     * @throws IllegalArgumentException naming the count that is out of range
     */
    static void overallCounts(long nRef, long nSys, long truePositives, long substitutions) {
        count(nRef, "nRef");
        count(nSys, "nSys");
        count(truePositives, "truePositives");
        count(substitutions, "substitutions");
        if (truePositives + substitutions > Math.min(nRef, nSys)) {
            throw new IllegalArgumentException("truePositives + substitutions " + (truePositives + substitutions)
                    + " exceed min(nRef " + nRef + ", nSys " + nSys + ")");
        }
    }

    /** Checks a count is {@code >= 0}. */
    static long count(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }
}
