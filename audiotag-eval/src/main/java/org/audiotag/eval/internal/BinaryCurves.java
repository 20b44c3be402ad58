package org.audiotag.eval.internal;

/**
 * Average precision and ROC-AUC of one binary problem, from items already ordered by score (descending), with
 * optional non-negative item weights. Items with equal scores form one threshold, as in scikit-learn's
 * {@code precision_recall_curve} / {@code roc_curve} (which keep one point per distinct score).
 *
 * <ul>
 *   <li>AP = sum over thresholds n of (R_n - R_{n-1}) P_n ({@code sklearn.metrics.average_precision_score});</li>
 *   <li>AUC = trapezoidal area under the ROC curve over the same thresholds ({@code sklearn.metrics.roc_auc_score}),
 *       which equals the Mann-Whitney probability P(score of a positive &gt; score of a negative) with ties
 *       counted 1/2.</li>
 * </ul>
 * Items are addressed through an accessor so that one sample-by-class matrix serves per-class and micro averages.
 */
public final class BinaryCurves {
    private BinaryCurves() {
    }

    /** Read access to item j of an ordered list. */
    public interface Items {
        /**
         * @param j position in score order
         * @return the score of the item at position j
         */
        double score(int j);

        /**
         * @param j position in score order
         * @return whether the item at position j is positive
         */
        boolean positive(int j);

        /**
         * @param j position in score order
         * @return the weight of the item at position j (1 when unweighted)
         */
        double weight(int j);
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score}.
     *
     * @param items the items, ordered by score descending
     * @param n the number of items
     * @return AP in [0, 1], or NaN when the total positive weight is 0
     */
    public static double averagePrecision(Items items, int n) {
        double totalPos = 0;
        for (int j = 0; j < n; j++) {
            if (items.positive(j)) {
                totalPos += items.weight(j);
            }
        }
        if (!(totalPos > 0)) {
            return Double.NaN;
        }
        double tp = 0;
        double fp = 0;
        double ap = 0;
        int p = 0;
        while (p < n) {
            double v = items.score(p);
            double gtp = 0;
            double gfp = 0;
            int q = p;
            while (q < n && items.score(q) == v) {
                double w = items.weight(q);
                if (items.positive(q)) {
                    gtp += w;
                } else {
                    gfp += w;
                }
                q++;
            }
            tp += gtp;
            fp += gfp;
            if (gtp > 0) {
                ap += (gtp / totalPos) * (tp / (tp + fp));
            }
            p = q;
        }
        return ap;
    }

    /**
     * Area under the ROC curve as scikit-learn's {@code roc_auc_score} for one binary problem.
     *
     * @param items the items, ordered by score descending
     * @param n the number of items
     * @return AUC in [0, 1], or NaN when either the positive or the negative weight is 0
     */
    public static double rocAuc(Items items, int n) {
        double totalPos = 0;
        double totalNeg = 0;
        for (int j = 0; j < n; j++) {
            if (items.positive(j)) {
                totalPos += items.weight(j);
            } else {
                totalNeg += items.weight(j);
            }
        }
        if (!(totalPos > 0) || !(totalNeg > 0)) {
            return Double.NaN;
        }
        double tp = 0;
        double area = 0;
        int p = 0;
        while (p < n) {
            double v = items.score(p);
            double gtp = 0;
            double gfp = 0;
            int q = p;
            while (q < n && items.score(q) == v) {
                double w = items.weight(q);
                if (items.positive(q)) {
                    gtp += w;
                } else {
                    gfp += w;
                }
                q++;
            }
            area += gfp * (tp + 0.5 * gtp);
            tp += gtp;
            p = q;
        }
        return area / (totalPos * totalNeg);
    }
}
