package org.audiotag.eval;

import org.audiotag.eval.internal.RankingKernel;

/**
 * Label-weighted label-ranking average precision (lwlrap), the FSDKaggle2019 / DCASE2019 task 2 metric, computed as
 * the organisers' reference ({@code calculate_per_class_lwlrap} in their Colab notebook; docs/ORIGINAL-PROJECT.md
 * §3.1):
 *
 * <ol>
 *   <li>for every sample i with at least one label, and every label c of it,
 *       precision(i, c) = (labels of i ranked at or above c) / (rank of c), ranks 1-based by descending score,
 *       ties resolved by the {@link TieRule};</li>
 *   <li>samples without labels contribute nothing;</li>
 *   <li>per class: score_c = sum_i precision(i, c) / max(1, n_c), weight_c = n_c / P (P = all positives);</li>
 *   <li>lwlrap = sum_c weight_c score_c = the mean of precision(i, c) over all P positive pairs, which equals
 *       {@code sklearn.metrics.label_ranking_average_precision_score(truth, scores,
 *       sample_weight=truth.sum(1))} with {@link TieRule#SKLEARN}.</li>
 * </ol>
 *
 * <p>Cost O(n C P̄) for P̄ labels per sample (O(n C log C) for samples with many labels), memory O(C): 100,000 x 80
 * takes well under a second on one core (see the JMH benchmark {@code LwlrapBenchmark}).
 *
 * <p>Two clips, three classes: clip 0 is labelled with classes 0 and 2 and ranks them first and second
 * (precisions 1/1 and 2/2); clip 1 is labelled with class 1 and ranks it third (precision 1/3):
 * {@snippet :
 * boolean[][] truth = {{true, false, true}, {false, true, false}};
 * double[][] scores = {{0.9, 0.2, 0.4}, {0.3, 0.1, 0.8}};
 * LwlrapResult result = Lwlrap.compute(Predictions.of(truth, scores));   // TieRule.REFERENCE
 * double lwlrap = result.lwlrap();              // (1 + 1 + 1/3) / 3 = 0.7778
 * double[] perClass = result.classScores();     // {1, 1/3, 1}
 * double[] weights = result.classWeights();     // {1/3, 1/3, 1/3}: one positive each of 3
 * }
 */
public final class Lwlrap {
    private Lwlrap() {
    }

    /**
     * Computes lwlrap over the whole set with the reference's tie rule, {@link TieRule#REFERENCE}.
     *
     * @param predictions truth and scores
     * @return overall lwlrap in [0, 1], per-class score and per-class weight
     * @throws IllegalArgumentException if no sample has a label (lwlrap is undefined: the reference divides by 0)
     */
    public static LwlrapResult compute(Predictions predictions) {
        return compute(predictions, TieRule.REFERENCE);
    }

    /**
     * Computes lwlrap over the whole set with the given tie rule; with {@link TieRule#SKLEARN} it equals
     * {@code label_ranking_average_precision_score(truth, scores, sample_weight=truth.sum(1))}.
     *
     * @param predictions truth and scores
     * @param tieRule how equal scores are ranked
     * @return overall lwlrap in [0, 1], per-class score and per-class weight
     * @throws IllegalArgumentException if no sample has a label (lwlrap is undefined: the reference divides by 0)
     */
    public static LwlrapResult compute(Predictions predictions, TieRule tieRule) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        boolean[] t = predictions.truthArray();
        double[] s = predictions.scoreArray();
        RankingKernel kernel = new RankingKernel(nc, tieRule == TieRule.REFERENCE);
        int[] pos = new int[nc];
        double[] prec = new double[nc];
        double[] classSum = new double[nc];
        int[] support = new int[nc];
        double total = 0;
        long nPos = 0;
        int labeled = 0;
        for (int i = 0; i < n; i++) {
            int np = kernel.score(s, t, i * nc, pos, prec);
            if (np == 0) {
                continue;
            }
            labeled++;
            for (int j = 0; j < np; j++) {
                classSum[pos[j]] += prec[j];
                support[pos[j]]++;
                total += prec[j];
            }
            nPos += np;
        }
        if (nPos == 0) {
            throw new IllegalArgumentException("lwlrap is undefined: none of the " + n + " samples has a label");
        }
        double[] score = new double[nc];
        double[] weight = new double[nc];
        for (int c = 0; c < nc; c++) {
            score[c] = classSum[c] / Math.max(1, support[c]);
            weight[c] = (double) support[c] / nPos;
        }
        return new LwlrapResult(total / nPos, score, weight, support, tieRule, labeled);
    }

    /**
     * Computes the batch-averaged lwlrap of the original MCNN trainer (docs/ORIGINAL-PROJECT.md §3.2,
     * {@code calculate_overall_lwlrap_sklearn}
     * evaluated per mini-batch): the set is cut into consecutive batches of {@code batchSize} samples, lwlrap is
     * computed per batch (scikit-learn's tie rule unless told otherwise), and the batch values are averaged weighted
     * by batch size. Batches without any label are skipped (scikit-learn would fail on them). This is <b>not</b>
     * the dataset-level lwlrap; use it only to reproduce the original numbers.
     *
     * @param predictions truth and scores, in the order the batches were drawn
     * @param batchSize samples per batch (the original used 64), at least 1
     * @param tieRule how equal scores are ranked (the original: {@link TieRule#SKLEARN})
     * @return the batch-size-weighted mean of per-batch lwlrap
     * @throws IllegalArgumentException if batchSize &lt; 1 or no batch has a label
     */
    public static double batchAveraged(Predictions predictions, int batchSize, TieRule tieRule) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        boolean[] t = predictions.truthArray();
        double[] s = predictions.scoreArray();
        RankingKernel kernel = new RankingKernel(nc, tieRule == TieRule.REFERENCE);
        int[] pos = new int[nc];
        double[] prec = new double[nc];
        double weighted = 0;
        long weightSum = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            double sum = 0;
            long count = 0;
            for (int i = from; i < to; i++) {
                int np = kernel.score(s, t, i * nc, pos, prec);
                for (int j = 0; j < np; j++) {
                    sum += prec[j];
                }
                count += np;
            }
            if (count > 0) {
                weighted += (to - from) * (sum / count);
                weightSum += to - from;
            }
        }
        if (weightSum == 0) {
            throw new IllegalArgumentException("lwlrap is undefined: none of the " + n + " samples has a label");
        }
        return weighted / weightSum;
    }
}
