package org.audiotag.eval;

import org.audiotag.eval.internal.NormalQuantile;

/**
 * Area under the ROC curve per class and its macro mean, mirroring {@code sklearn.metrics.roc_auc_score}
 * (trapezoidal area over the distinct score thresholds), and the sensitivity index d'.
 *
 * <p>Ties: samples with equal scores enter at one threshold, so a tied (positive, negative) pair counts 1/2 (the
 * Mann-Whitney U statistic). A class whose samples are all positive or all negative has an undefined AUC
 * (scikit-learn raises "Only one class present"); it is reported as {@code NaN} and left out of the macro mean.
 * Samples without any label take part as negatives of every class, as in scikit-learn.
 */
public final class RocAuc {
    private static final double SQRT2 = Math.sqrt(2.0);

    private RocAuc() {
    }

    /**
     * ROC-AUC of every class ({@code roc_auc_score(truth, scores, average=None)}).
     *
     * @param predictions truth and scores
     * @return per class AUC in [0, 1], NaN where a class has no positive or no negative sample
     */
    public static double[] perClass(Predictions predictions) {
        int nc = predictions.nClasses();
        double[] auc = new double[nc];
        for (int c = 0; c < nc; c++) {
            auc[c] = AveragePrecision.binary(predictions, c, nc, predictions.nSamples())[1];
        }
        return auc;
    }

    /**
     * Macro ROC-AUC, the unweighted mean over the classes where it is defined
     * ({@code roc_auc_score(..., average="macro")}).
     *
     * @param predictions truth and scores
     * @return macro AUC in [0, 1]
     * @throws IllegalArgumentException if no class has both positive and negative samples
     */
    public static double macro(Predictions predictions) {
        return AveragePrecision.meanDefined(perClass(predictions), "ROC-AUC");
    }

    /**
     * The sensitivity index of an AUC, d' = sqrt(2) Phi^-1(AUC), with Phi^-1 the standard normal quantile
     * ({@code scipy.stats.norm.ppf}); this is the equal-variance Gaussian model's relation AUC = Phi(d' / sqrt 2)
     * used for AudioSet results (Hershey et al. 2017). d'(0.5) = 0; d'(1) = +infinity.
     *
     * @param auc an AUC in [0, 1] (NaN gives NaN)
     * @return d'
     * @throws IllegalArgumentException if auc is outside [0, 1]
     */
    public static double dPrime(double auc) {
        if (Double.isNaN(auc)) {
            return Double.NaN;
        }
        if (auc < 0 || auc > 1) {
            throw new IllegalArgumentException("auc must be in [0, 1], got " + auc);
        }
        return SQRT2 * NormalQuantile.inverse(auc);
    }
}
