package org.audiotag.eval.events;

/**
 * The class-wise counts and scores of one event label, as sed_eval's {@code results_class_wise_metrics}: counted
 * in segments by {@link SegmentBasedMetrics}, in events by {@link EventBasedMetrics}.
 *
 * <p>With {@code Nfp = Nsys - Ntp} and {@code Nfn = Nref - Ntp}: precision {@code Ntp / Nsys}, recall
 * {@code Ntp / Nref}, {@code F1 = 2PR / (P + R)} (equal to {@code 2 Ntp / (2 Ntp + Nfp + Nfn)}), and the class-wise
 * error rate {@code ER = (Nfn + Nfp) / Nref}: sed_eval counts no substitutions within one class, every miss is a
 * deletion and every false alarm an insertion. Ratios are taken as sed_eval takes them, over {@code N + eps}
 * ({@code eps = 2.2e-16}), so an empty denominator gives 0; the one exception is a rate with {@code Nref = 0} and a
 * positive count, NaN here (sed_eval's {@code count / eps} is about {@code 4.5e15} per error).
 *
 * @param label the event label
 * @param nRef reference (truth) segments or events of the class, {@code Nref}
 * @param nSys system (predicted) segments or events of the class, {@code Nsys}
 * @param truePositives correct ones, {@code Ntp <= min(Nref, Nsys)}
 */
public record ClassResult(String label, long nRef, long nSys, long truePositives) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or {@code truePositives > min(nRef, nSys)}
     */
    public ClassResult {
        java.util.Objects.requireNonNull(label, "label");
        Rates.count(nRef, "nRef");
        Rates.count(nSys, "nSys");
        Rates.count(truePositives, "truePositives");
        if (truePositives > Math.min(nRef, nSys)) {
            throw new IllegalArgumentException("truePositives " + truePositives + " exceeds min(nRef " + nRef
                    + ", nSys " + nSys + ")");
        }
    }

    /**
     * Returns the false positives.
     *
     * @return {@code Nfp = Nsys - Ntp}
     */
    public long falsePositives() {
        return nSys - truePositives;
    }

    /**
     * Returns the false negatives.
     *
     * @return {@code Nfn = Nref - Ntp}
     */
    public long falseNegatives() {
        return nRef - truePositives;
    }

    /**
     * Returns the precision.
     *
     * @return {@code Ntp / (Nsys + eps)}, 0 when the system output nothing of the class
     */
    public double precision() {
        return Rates.precision(truePositives, nSys);
    }

    /**
     * Returns the recall.
     *
     * @return {@code Ntp / (Nref + eps)}, 0 when the reference holds nothing of the class
     */
    public double recall() {
        return Rates.recall(truePositives, nRef);
    }

    /**
     * Returns the F1 score.
     *
     * @return {@code 2PR / (P + R)}, 0 when both are 0
     */
    public double f1() {
        return Rates.fMeasure(precision(), recall());
    }

    /**
     * Returns the deletion rate.
     *
     * @return {@code Nfn / (Nref + eps)}
     */
    public double deletionRate() {
        return Rates.rate(falseNegatives(), nRef);
    }

    /**
     * Returns the insertion rate.
     *
     * @return {@code Nfp / (Nref + eps)}; NaN when {@code Nref = 0} and {@code Nfp > 0}
     */
    public double insertionRate() {
        return Rates.rate(falsePositives(), nRef);
    }

    /**
     * Returns the class-wise error rate.
     *
     * @return {@code (Nfn + Nfp) / (Nref + eps)}; NaN when {@code Nref = 0} and {@code Nfp > 0}, 0 when both are 0
     */
    public double errorRate() {
        return Rates.rate(falseNegatives() + falsePositives(), nRef);
    }
}
