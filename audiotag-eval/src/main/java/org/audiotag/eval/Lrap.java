package org.audiotag.eval;

import org.audiotag.eval.internal.RankingKernel;

/**
 * Label-ranking average precision (LRAP), mirroring {@code sklearn.metrics.label_ranking_average_precision_score}
 * without sample weights: the mean over samples of the mean over the sample's labels of precision(i, c) =
 * (labels ranked at or above c) / (rank of c). Unlike lwlrap every <i>sample</i> weighs the same, whatever its
 * number of labels.
 *
 * <p>Samples without a label do not count (as in the lwlrap reference). scikit-learn instead scores them 1, so for
 * data where every sample has a label the two agree exactly. Ties: {@link TieRule#SKLEARN} is scikit-learn's
 * pessimistic rule; {@link TieRule#REFERENCE} is the strict, stable order of the lwlrap reference.
 */
public final class Lrap {
    private Lrap() {
    }

    /**
     * Computes LRAP over the labelled samples; with {@link TieRule#SKLEARN} and every sample labelled it equals
     * {@code sklearn.metrics.label_ranking_average_precision_score(truth, scores)}.
     *
     * @param predictions truth and scores
     * @param tieRule how equal scores are ranked
     * @return LRAP in [0, 1]
     * @throws IllegalArgumentException if no sample has a label
     */
    public static double compute(Predictions predictions, TieRule tieRule) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        RankingKernel kernel = new RankingKernel(nc, tieRule == TieRule.REFERENCE);
        int[] pos = new int[nc];
        double[] prec = new double[nc];
        double total = 0;
        int labeled = 0;
        for (int i = 0; i < n; i++) {
            int np = kernel.score(predictions.scoreArray(), predictions.truthArray(), i * nc, pos, prec);
            if (np == 0) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < np; j++) {
                sum += prec[j];
            }
            total += sum / np;
            labeled++;
        }
        if (labeled == 0) {
            throw new IllegalArgumentException("LRAP is undefined: none of the " + n + " samples has a label");
        }
        return total / labeled;
    }
}
