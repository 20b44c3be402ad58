package org.audiotag.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.audiotag.eval.internal.BinaryCurves;
import org.audiotag.eval.internal.IndexSort;
import org.audiotag.eval.internal.RankingKernel;

/**
 * Non-parametric bootstrap over samples (clips): each resample draws n samples with replacement (a sample drawn k
 * times counts k times, as a duplicated row would), the metric is recomputed, and the interval is the percentile
 * interval of the resampled values (Efron and Tibshirani 1993, ch. 13). Immutable configuration; the random
 * generator is passed to each call, so a seed reproduces an interval exactly.
 *
 * <p>lwlrap resamples cost O(n) each (the per-sample precisions do not depend on other samples); macro mAP resamples
 * cost O(n C) each (the per-class score orders are sorted once, resampling only changes weights).
 * {@snippet :
 * Bootstrap bootstrap = Bootstrap.of(2000, 0.95);
 * ConfidenceInterval ci = bootstrap.lwlrap(predictions, TieRule.REFERENCE, new SplittableRandom(42));
 * String text = String.format(Locale.ROOT, "lwlrap %.4f [%.4f, %.4f]", ci.estimate(), ci.lower(), ci.upper());
 * }
 */
public final class Bootstrap {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;

    private final int resamples;
    private final double level;

    private Bootstrap(int resamples, double level) {
        this.resamples = resamples;
        this.level = level;
    }

    /**
     * Returns a bootstrap configuration.
     *
     * @param resamples number of bootstrap resamples, in [1, 10^7]
     * @param level confidence level, in (0, 1)
     * @return the configuration
     * @throws IllegalArgumentException naming the parameter and its allowed range
     */
    public static Bootstrap of(int resamples, double level) {
        if (resamples < 1 || resamples > 10_000_000) {
            throw new IllegalArgumentException("resamples must be in [1, 10000000], got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return new Bootstrap(resamples, level);
    }

    /**
     * Returns the default configuration: {@link #DEFAULT_RESAMPLES} (1000) resamples at the
     * {@link #DEFAULT_LEVEL} (95 %) level.
     *
     * @return {@code of(1000, 0.95)}
     */
    public static Bootstrap defaults() {
        return of(DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    /**
     * Returns the number of bootstrap resamples.
     *
     * @return the number of resamples
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Returns the confidence level of the intervals.
     *
     * @return the level, in (0, 1)
     */
    public double level() {
        return level;
    }

    /**
     * Computes the percentile confidence interval of {@link Lwlrap} over bootstrap resamples of the samples.
     *
     * @param predictions truth and scores
     * @param tieRule the tie rule of the ranks
     * @param rng the random source (consumed)
     * @return the interval around {@code Lwlrap.compute(predictions, tieRule).lwlrap()}
     * @throws IllegalArgumentException if no sample has a label
     */
    public ConfidenceInterval lwlrap(Predictions predictions, TieRule tieRule, SplittableRandom rng) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        RankingKernel kernel = new RankingKernel(nc, tieRule == TieRule.REFERENCE);
        int[] pos = new int[nc];
        double[] prec = new double[nc];
        double[] rowSum = new double[n];
        int[] rowCount = new int[n];
        for (int i = 0; i < n; i++) {
            int np = kernel.score(predictions.scoreArray(), predictions.truthArray(), i * nc, pos, prec);
            double sum = 0;
            for (int j = 0; j < np; j++) {
                sum += prec[j];
            }
            rowSum[i] = sum;
            rowCount[i] = np;
        }
        double estimate = Lwlrap.compute(predictions, tieRule).lwlrap();
        double[] stats = new double[resamples];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            long count = 0;
            for (int k = 0; k < n; k++) {
                int i = rng.nextInt(n);
                sum += rowSum[i];
                count += rowCount[i];
            }
            if (count > 0) {
                stats[defined++] = sum / count;
            }
        }
        return interval(estimate, stats, defined);
    }

    /**
     * Computes the percentile confidence interval of macro mAP ({@link AveragePrecision#macro}) over bootstrap
     * resamples of the samples; in each resample the classes without a drawn positive are left out of the mean, as
     * in the full-data metric.
     *
     * @param predictions truth and scores
     * @param rng the random source (consumed)
     * @return the interval around {@code AveragePrecision.macro(predictions)}
     * @throws IllegalArgumentException if no class has a positive sample
     */
    public ConfidenceInterval meanAveragePrecision(Predictions predictions, SplittableRandom rng) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        double estimate = AveragePrecision.macro(predictions);
        int[][] orders = new int[nc][];
        for (int c = 0; c < nc; c++) {
            orders[c] = IndexSort.orderDescending(predictions.scoreArray(), c, nc, n);
        }
        double[] weights = new double[n];
        double[] stats = new double[resamples];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(weights, 0);
            for (int k = 0; k < n; k++) {
                weights[rng.nextInt(n)] += 1;
            }
            double sum = 0;
            int count = 0;
            for (int c = 0; c < nc; c++) {
                double ap = BinaryCurves.averagePrecision(
                        AveragePrecision.columnInOrder(predictions, c, orders[c], weights), n);
                if (!Double.isNaN(ap)) {
                    sum += ap;
                    count++;
                }
            }
            if (count > 0) {
                stats[defined++] = sum / count;
            }
        }
        return interval(estimate, stats, defined);
    }

    private ConfidenceInterval interval(double estimate, double[] stats, int defined) {
        if (defined == 0) {
            throw new IllegalArgumentException("no bootstrap resample drew a labelled sample");
        }
        double[] v = Arrays.copyOf(stats, defined);
        Arrays.sort(v);
        return new ConfidenceInterval(estimate, percentile(v, 50 * (1 - level)), percentile(v, 50 * (1 + level)),
                level, defined);
    }

    /** numpy.percentile with the default 'linear' method on sorted values. */
    static double percentile(double[] sorted, double q) {
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}
