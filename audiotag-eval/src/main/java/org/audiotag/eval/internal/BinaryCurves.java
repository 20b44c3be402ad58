package org.audiotag.eval.internal;

/**
 * Average precision and ROC-AUC of one binary problem: {@link #averagePrecision} from items already ordered by
 * score (descending) with non-negative item weights (the bootstrap's multiplicities), {@link #apAndAuc} from
 * sorted positive and negative scores. Items with equal scores form one threshold, as in scikit-learn's
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
         * Returns the score of the item at position j.
         *
         * @param j position in score order
         * @return the score of the item at position j
         */
        double score(int j);

        /**
         * Tells whether the item at position j is positive.
         *
         * @param j position in score order
         * @return whether the item at position j is positive
         */
        boolean positive(int j);

        /**
         * Returns the weight of the item at position j (its multiplicity in a bootstrap resample).
         *
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
     * AP and ROC-AUC of an unweighted binary problem from its positive and negative scores, each sorted
     * ascending ({@code Arrays.sort}); same thresholds and tie handling as {@link #averagePrecision} and
     * {@link #rocAuc}, in O(P + N) after the sorts, without indirection.
     *
     * @param pos positive scores, ascending, no NaN, no -0.0
     * @param neg negative scores, ascending, no NaN, no -0.0
     * @return {AP, AUC}; AP is NaN without positives, AUC NaN without positives or negatives
     */
    public static double[] apAndAuc(double[] pos, double[] neg) {
        int i = pos.length - 1;
        int j = neg.length - 1;
        double totalPos = pos.length;
        double tp = 0;
        double fp = 0;
        double ap = 0;
        double area = 0;
        while (i >= 0 || j >= 0) {
            double t;
            if (i < 0) {
                t = neg[j];
            } else if (j < 0) {
                t = pos[i];
            } else {
                t = Math.max(pos[i], neg[j]);
            }
            int gtp = 0;
            while (i >= 0 && pos[i] == t) {
                gtp++;
                i--;
            }
            int gfp = 0;
            while (j >= 0 && neg[j] == t) {
                gfp++;
                j--;
            }
            area += gfp * (tp + 0.5 * gtp);
            tp += gtp;
            fp += gfp;
            if (gtp > 0) {
                ap += (gtp / totalPos) * (tp / (tp + fp));
            }
        }
        double apOut = pos.length == 0 ? Double.NaN : ap;
        double aucOut = pos.length == 0 || neg.length == 0 ? Double.NaN : area / ((double) pos.length * neg.length);
        return new double[] {apOut, aucOut};
    }
}
