package org.audiotag.eval;

import java.util.Arrays;
import org.audiotag.eval.internal.BinaryCurves;

/**
 * Average precision (AP) per class and its means, mirroring {@code sklearn.metrics.average_precision_score}:
 * AP = sum_n (R_n - R_{n-1}) P_n over the distinct score thresholds n (descending), where P_n and R_n are the
 * precision and recall of "score &gt;= threshold n". No interpolation.
 *
 * <p>Ties: all samples with an equal score enter at the same threshold (as scikit-learn's
 * {@code precision_recall_curve}), so the result does not depend on sample order.
 * A class with no positive sample has an undefined AP, reported as {@code NaN} and left out of the macro mean.
 * Samples without any label take part as negatives of every class, as in scikit-learn (only the label-ranking
 * metrics {@link Lwlrap} and {@link Lrap} leave them out, as the lwlrap reference does).
 * Cost: one primitive sort of the positive and of the negative scores per class, O(n log n) per class.
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
            ap[c] = binary(predictions, c, nc, predictions.nSamples())[0];
        }
        return ap;
    }

    /** {per-class AP, per-class ROC-AUC} with one sort per class. */
    static double[][] apAndAucPerClass(Predictions predictions) {
        int nc = predictions.nClasses();
        double[][] out = new double[2][nc];
        for (int c = 0; c < nc; c++) {
            double[] r = binary(predictions, c, nc, predictions.nSamples());
            out[0][c] = r[0];
            out[1][c] = r[1];
        }
        return out;
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
        double ap = binary(predictions, 0, 1, predictions.nSamples() * predictions.nClasses())[0];
        if (Double.isNaN(ap)) {
            throw new IllegalArgumentException("micro mAP is undefined: there is no positive label");
        }
        return ap;
    }

    /**
     * {AP, ROC-AUC} of the binary problem formed by the flat entries {@code off + j * stride}, j in [0, n): split
     * into positive and negative scores, sort each with the primitive sort, and walk the thresholds.
     */
    static double[] binary(Predictions p, int off, int stride, int n) {
        double[] s = p.scoreArray();
        boolean[] t = p.truthArray();
        int np = 0;
        for (int j = 0; j < n; j++) {
            if (t[off + j * stride]) {
                np++;
            }
        }
        double[] pos = new double[np];
        double[] neg = new double[n - np];
        int a = 0;
        int b = 0;
        for (int j = 0; j < n; j++) {
            int k = off + j * stride;
            if (t[k]) {
                pos[a++] = s[k];
            } else {
                neg[b++] = s[k];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return BinaryCurves.apAndAuc(pos, neg);
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
