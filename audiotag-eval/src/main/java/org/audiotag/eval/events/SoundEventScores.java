package org.audiotag.eval.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overall (micro-averaged) and class-wise (macro-averaged) scores sed_eval reports, computed from the counts of
 * a {@link SegmentBasedMetrics.Result} or an {@link EventBasedMetrics.Result}: {@code Nref} reference and
 * {@code Nsys} system items (segment activities or events), {@code Ntp} correct ones and {@code S} substitutions,
 * hence {@code D = Nref - Ntp - S} deletions and {@code I = Nsys - Ntp - S} insertions.
 *
 * <p>As Mesaros, Heittola and Virtanen, "Metrics for polyphonic sound event detection" (2016), and sed_eval's
 * {@code metric} module: precision {@code P = Ntp / Nsys}, recall {@code R = Ntp / Nref},
 * {@code F1 = 2PR / (P + R)} (equal to {@code 2 Ntp / (2 Ntp + Nfp + Nfn)}) and {@code ER = (S + D + I) / Nref}.
 * Every ratio is taken over {@code N + eps} ({@code eps = numpy.spacing(1) = 2.2e-16}) as sed_eval takes it, so a
 * result can differ from the plain fraction in the last bit, and an empty denominator gives 0. One deviation: with
 * an empty reference ({@code Nref = 0}) a positive error count gives a NaN rate, where sed_eval's
 * {@code count / eps} is about {@code 4.5e15} per error (with no error both give 0).
 */
public interface SoundEventScores {

    /**
     * Returns the number of reference items.
     *
     * @return {@code Nref}: active reference segment-class pairs, or reference events
     */
    long nRef();

    /**
     * Returns the number of system items.
     *
     * @return {@code Nsys}: active system segment-class pairs, or system events
     */
    long nSys();

    /**
     * Returns the number of correct system items.
     *
     * @return {@code Ntp}
     */
    long truePositives();

    /**
     * Returns the number of substitutions.
     *
     * @return {@code S}, counted as the implementing metric defines it
     */
    long substitutions();

    /**
     * Returns the class-wise results, by label in ascending order.
     *
     * @return an unmodifiable map, label to its result, over the union of the labels of truth and prediction
     */
    Map<String, ClassResult> perClass();

    /**
     * Returns the false positives.
     *
     * @return {@code Nfp = Nsys - Ntp}
     */
    default long falsePositives() {
        return nSys() - truePositives();
    }

    /**
     * Returns the false negatives.
     *
     * @return {@code Nfn = Nref - Ntp}
     */
    default long falseNegatives() {
        return nRef() - truePositives();
    }

    /**
     * Returns the deletions.
     *
     * @return {@code D = Nref - Ntp - S}
     */
    default long deletions() {
        return nRef() - truePositives() - substitutions();
    }

    /**
     * Returns the insertions.
     *
     * @return {@code I = Nsys - Ntp - S}
     */
    default long insertions() {
        return nSys() - truePositives() - substitutions();
    }

    /**
     * Returns the overall precision.
     *
     * @return {@code Ntp / (Nsys + eps)}, 0 when the system output nothing
     */
    default double precision() {
        return Rates.precision(truePositives(), nSys());
    }

    /**
     * Returns the overall recall.
     *
     * @return {@code Ntp / (Nref + eps)}, 0 when the reference is empty
     */
    default double recall() {
        return Rates.recall(truePositives(), nRef());
    }

    /**
     * Returns the overall (micro-averaged) F1 score.
     *
     * @return {@code 2PR / (P + R)}, 0 when both are 0
     */
    default double f1() {
        return Rates.fMeasure(precision(), recall());
    }

    /**
     * Returns the substitution rate.
     *
     * @return {@code S / (Nref + eps)}
     */
    default double substitutionRate() {
        return Rates.rate(substitutions(), nRef());
    }

    /**
     * Returns the deletion rate.
     *
     * @return {@code D / (Nref + eps)}
     */
    default double deletionRate() {
        return Rates.rate(deletions(), nRef());
    }

    /**
     * Returns the insertion rate.
     *
     * @return {@code I / (Nref + eps)}; NaN when {@code Nref = 0} and {@code I > 0}
     */
    default double insertionRate() {
        return Rates.rate(insertions(), nRef());
    }

    /**
     * Returns the overall error rate.
     *
     * @return {@code (S + D + I) / (Nref + eps)}, the sum of the three rates; NaN when {@code Nref = 0} and
     *     {@code I > 0}, 0 when nothing was to be found and nothing was output
     */
    default double errorRate() {
        return substitutionRate() + deletionRate() + insertionRate();
    }

    /**
     * Returns the class-wise average F1, sed_eval's {@code class_wise_average} F-measure.
     *
     * @return the mean of {@link ClassResult#f1()} over the classes; NaN without classes
     */
    default double macroF1() {
        List<Double> values = new ArrayList<>();
        for (ClassResult c : perClass().values()) {
            values.add(c.f1());
        }
        return Rates.nanMean(values);
    }

    /**
     * Returns the class-wise average error rate, sed_eval's {@code class_wise_average} error rate.
     *
     * @return the mean of {@link ClassResult#errorRate()} over the classes where it is defined (a class absent from
     *     the truth but output has none, as {@code numpy.nanmean} skips NaN); NaN if no class has one
     */
    default double macroErrorRate() {
        List<Double> values = new ArrayList<>();
        for (ClassResult c : perClass().values()) {
            values.add(c.errorRate());
        }
        return Rates.nanMean(values);
    }
}
