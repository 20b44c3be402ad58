package org.audiotag.eval;

import org.audiotag.eval.internal.BinaryCurves;
import org.audiotag.eval.internal.IndexSort;

/**
 * Average precision (AP) per class and its means, mirroring {@code sklearn.metrics.average_precision_score}:
 * AP = sum_n (R_n - R_{n-1}) P_n over the distinct score thresholds n (descending), where P_n and R_n are the
 * precision and recall of "score &gt;= threshold n". No interpolation.
 *
 * <p>Ties: all samples with an equal score enter at the same threshold (as scikit-learn's
 * {@code precision_recall_curve}), so the result does not depend on sample order.
 * A class with no positive sample has an undefined AP, reported as {@code NaN} and left out of the macro mean.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /**
     * AP of every class ({@code average_precision_score(truth, scores, average=None)}).
     *
     * @param predictions truth and scores
     * @return per class AP in [0, 1], NaN for classes with no positive sample
     */
    public static double[] perClass(Predictions predictions) {
        int nc = predictions.nClasses();
        double[] ap = new double[nc];
        for (int c = 0; c < nc; c++) {
            ap[c] = BinaryCurves.averagePrecision(column(predictions, c, null), predictions.nSamples());
        }
        return ap;
    }

    /**
     * Macro mAP: the unweighted mean of the per-class AP over classes with at least one positive
     * ({@code average_precision_score(..., average="macro")}).
     *
     * @param predictions truth and scores
     * @return mAP in [0, 1]
     * @throws IllegalArgumentException if no class has a positive sample
     */
    public static double macro(Predictions predictions) {
        return meanDefined(perClass(predictions), "mAP");
    }

    /**
     * Micro mAP: the AP of the single binary problem formed by all (sample, class) pairs
     * ({@code average_precision_score(..., average="micro")}, which ravels both matrices).
     *
     * @param predictions truth and scores
     * @return micro AP in [0, 1]
     * @throws IllegalArgumentException if there is no positive label at all
     */
    public static double micro(Predictions predictions) {
        double[] s = predictions.scoreArray();
        boolean[] t = predictions.truthArray();
        int[] order = IndexSort.orderDescending(s, 0, 1, s.length);
        double ap = BinaryCurves.averagePrecision(new BinaryCurves.Items() {
            @Override
            public double score(int j) {
                return s[order[j]];
            }

            @Override
            public boolean positive(int j) {
                return t[order[j]];
            }

            @Override
            public double weight(int j) {
                return 1.0;
            }
        }, s.length);
        if (Double.isNaN(ap)) {
            throw new IllegalArgumentException("micro mAP is undefined: there is no positive label");
        }
        return ap;
    }

    static double meanDefined(double[] values, String what) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(what + " is undefined: no class has both the needed labels");
        }
        return sum / count;
    }

    /** Items of class c in descending score order (stable), with optional per-sample weights. */
    static BinaryCurves.Items column(Predictions p, int c, double[] sampleWeights) {
        int[] order = IndexSort.orderDescending(p.scoreArray(), c, p.nClasses(), p.nSamples());
        return columnInOrder(p, c, order, sampleWeights);
    }

    static BinaryCurves.Items columnInOrder(Predictions p, int c, int[] order, double[] sampleWeights) {
        int nc = p.nClasses();
        double[] s = p.scoreArray();
        boolean[] t = p.truthArray();
        return new BinaryCurves.Items() {
            @Override
            public double score(int j) {
                return s[order[j] * nc + c];
            }

            @Override
            public boolean positive(int j) {
                return t[order[j] * nc + c];
            }

            @Override
            public double weight(int j) {
                return sampleWeights == null ? 1.0 : sampleWeights[order[j]];
            }
        };
    }
}
