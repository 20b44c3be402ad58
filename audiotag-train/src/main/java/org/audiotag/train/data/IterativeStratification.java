package org.audiotag.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Iterative stratification for multi-label data (Sechidis, Tsoumakas &amp; Vlahavas 2011, "On the stratification
 * of multi-label data", extended to label combinations of a given order by Szymański &amp; Kajdanowicz 2017), as
 * scikit-multilearn's {@code IterativeStratification(n_splits, order, sample_distribution_per_fold)}.
 *
 * <p>Each sample contributes the combinations-with-replacement of its positive labels of size {@code order}
 * (order 2: every label pair, {@code (a, a)} included). Repeatedly the combination with the fewest remaining
 * samples is taken, and each of its samples goes to the fold that most wants that combination (ties broken by the
 * fold that most wants samples overall, then at random); samples with no label are spread at random among folds
 * that still want samples. Randomness comes only from the given seed.
 */
public final class IterativeStratification {

    private IterativeStratification() {
    }

    /**
     * Assigns every sample to a fold.
     *
     * @param y multi-hot targets {@code [samples][labels]}
     * @param proportions desired fraction of samples per fold, each in (0, 1], summing to 1 (± 1e-6)
     * @param order label-combination order, ≥ 1 (the original used 2)
     * @param seed seed of the tie-breaking generator
     * @return the fold of each sample, in {@code [0, proportions.length)}
     * @throws IllegalArgumentException for an empty or ragged {@code y}, bad proportions or order
     */
    public static int[] assign(boolean[][] y, double[] proportions, int order, long seed) {
        if (y.length == 0) {
            throw new IllegalArgumentException("y: needs at least 1 sample");
        }
        if (order < 1 || order > 4) {
            throw new IllegalArgumentException("order: " + order + " must be in [1, 4]");
        }
        if (proportions.length < 2) {
            throw new IllegalArgumentException("proportions: needs at least 2 folds, got " + proportions.length);
        }
        double sum = 0;
        for (double p : proportions) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("proportions: " + p + " must be in (0, 1]");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("proportions: sum " + sum + " must be 1");
        }
        int n = y.length;
        int nLabels = y[0].length;
        int k = proportions.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] desiredPerFold = new double[k];
        for (int j = 0; j < k; j++) {
            desiredPerFold[j] = proportions[j] * n;
        }
        Map<List<Integer>, List<Integer>> samplesWith = new LinkedHashMap<>();
        List<List<List<Integer>>> perRow = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (y[i].length != nLabels) {
                throw new IllegalArgumentException("y: row " + i + " has " + y[i].length + " labels, row 0 has "
                        + nLabels);
            }
            List<Integer> pos = new ArrayList<>();
            for (int l = 0; l < nLabels; l++) {
                if (y[i][l]) {
                    pos.add(l);
                }
            }
            List<List<Integer>> combos = new ArrayList<>();
            combinationsWithReplacement(pos, order, 0, new ArrayList<>(), combos);
            for (List<Integer> c : combos) {
                samplesWith.computeIfAbsent(c, x -> new ArrayList<>()).add(i);
            }
            perRow.add(combos);
        }
        Map<List<Integer>, double[]> desiredPerCombo = new LinkedHashMap<>();
        for (Map.Entry<List<Integer>, List<Integer>> e : samplesWith.entrySet()) {
            double[] d = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = e.getValue().size() * proportions[j];
            }
            desiredPerCombo.put(e.getKey(), d);
        }
        int[] fold = new int[n];
        Arrays.fill(fold, -1);
        List<Integer> l = mostDesired(samplesWith);
        while (l != null) {
            List<Integer> evidence = samplesWith.get(l);
            while (!evidence.isEmpty()) {
                int row = evidence.remove(evidence.size() - 1);
                if (fold[row] >= 0) {
                    continue;
                }
                double[] want = desiredPerCombo.get(l);
                int m = tieBreak(want, desiredPerFold, rng);
                fold[row] = m;
                for (List<Integer> c : perRow.get(row)) {
                    samplesWith.get(c).remove(Integer.valueOf(row));
                    desiredPerCombo.get(c)[m] -= 1;
                }
                desiredPerFold[m] -= 1;
            }
            l = mostDesired(samplesWith);
        }
        // negative evidence: rows without labels, taken from the end as scikit-multilearn does
        for (int row = n - 1; row >= 0; row--) {
            if (fold[row] >= 0) {
                continue;
            }
            int[] open = java.util.stream.IntStream.range(0, k).filter(j -> desiredPerFold[j] > 0).toArray();
            int m = open.length == 0 ? argMax(desiredPerFold) : open[rng.nextInt(open.length)];
            desiredPerFold[m] -= 1;
            fold[row] = m;
        }
        return fold;
    }

    private static int argMax(double[] a) {
        int b = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[b]) {
                b = i;
            }
        }
        return b;
    }

    private static int tieBreak(double[] want, double[] desiredPerFold, SplittableRandom rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (double w : want) {
            max = Math.max(max, w);
        }
        List<Integer> m = new ArrayList<>();
        for (int j = 0; j < want.length; j++) {
            if (want[j] == max) {
                m.add(j);
            }
        }
        if (m.size() == 1) {
            return m.get(0);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j : m) {
            best = Math.max(best, desiredPerFold[j]);
        }
        List<Integer> prim = new ArrayList<>();
        for (int j : m) {
            if (desiredPerFold[j] == best) {
                prim.add(j);
            }
        }
        return prim.get(rng.nextInt(prim.size()));
    }

    private static List<Integer> mostDesired(Map<List<Integer>, List<Integer>> samplesWith) {
        List<Integer> chosen = null;
        int chosenCount = Integer.MAX_VALUE;
        for (Map.Entry<List<Integer>, List<Integer>> e : samplesWith.entrySet()) {
            int c = e.getValue().size();
            if (c > 0 && c < chosenCount) {
                chosen = e.getKey();
                chosenCount = c;
            }
        }
        return chosen;
    }

    private static void combinationsWithReplacement(List<Integer> items, int r, int start, List<Integer> cur,
            List<List<Integer>> out) {
        if (cur.size() == r) {
            out.add(List.copyOf(cur));
            return;
        }
        for (int i = start; i < items.size(); i++) {
            cur.add(items.get(i));
            combinationsWithReplacement(items, r, i, cur, out);
            cur.remove(cur.size() - 1);
        }
    }
}
