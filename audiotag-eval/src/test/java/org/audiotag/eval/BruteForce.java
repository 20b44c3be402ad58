package org.audiotag.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Deliberately naive metric implementations written straight from the definitions (boxed sorts, pairwise counts,
 * every threshold recomputed from scratch), used as independent references in the tests.
 */
final class BruteForce {
    private BruteForce() {
    }

    /** Precisions of every positive pair, in (sample, class) order, as the reference notebook computes them. */
    static List<double[]> pairPrecisions(Predictions p, TieRule rule) {
        List<double[]> out = new ArrayList<>(); // {sample, class, precision}
        int nc = p.nClasses();
        for (int i = 0; i < p.nSamples(); i++) {
            final int row = i;
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                order.add(c);
            }
            // reference: np.argsort(stable) reversed = score descending, equal scores higher index first
            order.sort(Comparator.<Integer>comparingDouble(c -> -p.score(row, c)).thenComparing(c -> -c));
            for (int c = 0; c < nc; c++) {
                if (!p.truth(i, c)) {
                    continue;
                }
                double prec;
                if (rule == TieRule.REFERENCE) {
                    int rank = order.indexOf(c) + 1;
                    int hits = 0;
                    for (int k = 0; k < rank; k++) {
                        if (p.truth(i, order.get(k))) {
                            hits++;
                        }
                    }
                    prec = (double) hits / rank;
                } else {
                    int rank = 0;
                    int hits = 0;
                    for (int k = 0; k < nc; k++) {
                        if (p.score(i, k) >= p.score(i, c)) {
                            rank++;
                            if (p.truth(i, k)) {
                                hits++;
                            }
                        }
                    }
                    prec = (double) hits / rank;
                }
                out.add(new double[] {i, c, prec});
            }
        }
        return out;
    }

    static double lwlrap(Predictions p, TieRule rule) {
        double sum = 0;
        List<double[]> pairs = pairPrecisions(p, rule);
        for (double[] q : pairs) {
            sum += q[2];
        }
        return sum / pairs.size();
    }

    static double[] perClassLwlrap(Predictions p, TieRule rule) {
        double[] sum = new double[p.nClasses()];
        int[] n = new int[p.nClasses()];
        for (double[] q : pairPrecisions(p, rule)) {
            sum[(int) q[1]] += q[2];
            n[(int) q[1]]++;
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= Math.max(1, n[c]);
        }
        return sum;
    }

    static double lrap(Predictions p, TieRule rule) {
        double[] rowSum = new double[p.nSamples()];
        int[] rowN = new int[p.nSamples()];
        for (double[] q : pairPrecisions(p, rule)) {
            rowSum[(int) q[0]] += q[2];
            rowN[(int) q[0]]++;
        }
        double total = 0;
        int count = 0;
        for (int i = 0; i < rowSum.length; i++) {
            if (rowN[i] > 0) {
                total += rowSum[i] / rowN[i];
                count++;
            }
        }
        return total / count;
    }

    /** AP from every distinct threshold, precision and recall recounted from scratch. */
    static double ap(boolean[] y, double[] s) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (pos == 0) {
            return Double.NaN;
        }
        TreeSet<Double> thresholds = new TreeSet<>(Comparator.reverseOrder());
        for (double v : s) {
            thresholds.add(v);
        }
        double ap = 0;
        double prevRecall = 0;
        for (double th : thresholds) {
            int sel = 0;
            int tp = 0;
            for (int j = 0; j < s.length; j++) {
                if (s[j] >= th) {
                    sel++;
                    tp += y[j] ? 1 : 0;
                }
            }
            double recall = (double) tp / pos;
            ap += (recall - prevRecall) * ((double) tp / sel);
            prevRecall = recall;
        }
        return ap;
    }

    /** AUC as the fraction of (positive, negative) pairs ordered correctly, ties 1/2. */
    static double auc(boolean[] y, double[] s) {
        double good = 0;
        long pairs = 0;
        for (int a = 0; a < s.length; a++) {
            if (!y[a]) {
                continue;
            }
            for (int b = 0; b < s.length; b++) {
                if (y[b]) {
                    continue;
                }
                pairs++;
                good += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : good / pairs;
    }

    static boolean[] truthColumn(Predictions p, int c) {
        boolean[] y = new boolean[p.nSamples()];
        for (int i = 0; i < y.length; i++) {
            y[i] = p.truth(i, c);
        }
        return y;
    }

    static double[] scoreColumn(Predictions p, int c) {
        double[] s = new double[p.nSamples()];
        for (int i = 0; i < s.length; i++) {
            s[i] = p.score(i, c);
        }
        return s;
    }

    static double nanMean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return sum / n;
    }

    /** Rows {@code idx} of p, in that order (duplicates allowed), as new predictions. */
    static Predictions rows(Predictions p, int[] idx) {
        int nc = p.nClasses();
        boolean[] t = new boolean[idx.length * nc];
        double[] s = new double[idx.length * nc];
        for (int k = 0; k < idx.length; k++) {
            for (int c = 0; c < nc; c++) {
                t[k * nc + c] = p.truth(idx[k], c);
                s[k * nc + c] = p.score(idx[k], c);
            }
        }
        return Predictions.ofFlat(idx.length, nc, t, s);
    }
}
