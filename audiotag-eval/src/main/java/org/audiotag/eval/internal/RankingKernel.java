package org.audiotag.eval.internal;

/**
 * Per-sample label-ranking precision: for every positive class c of one sample, {@code hits(c) / rank(c)} where
 * rank is the 1-based position of c in the classes ordered by score (descending) and hits the number of positive
 * classes at or above that position. This is the inner loop of lwlrap and LRAP.
 *
 * <p>Two tie rules:
 * <ul>
 *   <li>reference (DCASE2019 / Freesound Kaggle 2019 {@code _one_sample_positive_class_precisions}): a strict order
 *       from {@code np.argsort(scores)[::-1]} with a stable sort, so equal scores put the higher class index first:
 *       {@code rank(c) = 1 + #{k : s_k > s_c} + #{k : s_k == s_c, k > c}}, hits counted in the same order;</li>
 *   <li>pessimistic (scikit-learn {@code label_ranking_average_precision_score}):
 *       {@code rank(c) = #{k : s_k >= s_c}}, {@code hits(c) = #{positive k : s_k >= s_c}}.</li>
 * </ul>
 *
 * <p>Samples with few positives are scored by a direct scan, O(P·C) for P positives of C classes; samples with many
 * positives by a sort, O(C log C). Both give bit-identical results (the integers hits and rank are the same).
 * An instance holds scratch buffers and is not thread-safe.
 */
public final class RankingKernel {
    /** Default largest positive count scored by the scan rather than the sort. */
    public static final int DEFAULT_SCAN_LIMIT = 8;

    private final int nClasses;
    private final boolean reference;
    private final int scanLimit;
    private final int[] order;
    private final int[] tmp;

    /**
     * Creates a kernel with its scratch space for samples of {@code nClasses} classes.
     *
     * @param nClasses number of classes per sample
     * @param reference true for the reference (strict, stable) tie rule, false for scikit-learn's pessimistic rule
     * @param scanLimit samples with at most this many positives use the scan, the others the sort
     */
    public RankingKernel(int nClasses, boolean reference, int scanLimit) {
        this.nClasses = nClasses;
        this.reference = reference;
        this.scanLimit = scanLimit;
        this.order = new int[nClasses];
        this.tmp = new int[nClasses];
    }

    /**
     * Creates a kernel with the default scan limit, {@link #DEFAULT_SCAN_LIMIT}.
     *
     * @param nClasses number of classes per sample
     * @param reference true for the reference tie rule, false for scikit-learn's
     */
    public RankingKernel(int nClasses, boolean reference) {
        this(nClasses, reference, DEFAULT_SCAN_LIMIT);
    }

    /**
     * Scores one sample.
     *
     * @param scores row-major scores; the sample's classes are {@code scores[off .. off + nClasses)}
     * @param truth row-major 0/1 labels in the same layout
     * @param off offset of the sample's first class
     * @param posOut receives the positive class indices in ascending order (capacity nClasses)
     * @param precOut receives {@code precOut[j]} = precision of class {@code posOut[j]} (capacity nClasses)
     * @return the number of positive classes of the sample (0: nothing written)
     */
    public int score(double[] scores, boolean[] truth, int off, int[] posOut, double[] precOut) {
        int np = 0;
        for (int c = 0; c < nClasses; c++) {
            if (truth[off + c]) {
                posOut[np++] = c;
            }
        }
        if (np == 0) {
            return 0;
        }
        if (np <= scanLimit) {
            scan(scores, off, posOut, np, precOut);
        } else {
            sorted(scores, truth, off, posOut, np, precOut);
        }
        return np;
    }

    private void scan(double[] s, int off, int[] pos, int np, double[] prec) {
        for (int j = 0; j < np; j++) {
            int c = pos[j];
            double sc = s[off + c];
            int rank = 0;
            int hits = 0;
            if (reference) {
                // classes before c count when strictly higher, from c on also when equal (higher index first)
                for (int k = 0; k < c; k++) {
                    if (s[off + k] > sc) {
                        rank++;
                    }
                }
                for (int k = c; k < nClasses; k++) {
                    if (s[off + k] >= sc) {
                        rank++;
                    }
                }
                for (int q = 0; q < np; q++) {
                    int k = pos[q];
                    double sk = s[off + k];
                    if (k < c ? sk > sc : sk >= sc) {
                        hits++;
                    }
                }
            } else {
                for (int k = 0; k < nClasses; k++) {
                    if (s[off + k] >= sc) {
                        rank++;
                    }
                }
                for (int q = 0; q < np; q++) {
                    if (s[off + pos[q]] >= sc) {
                        hits++;
                    }
                }
            }
            prec[j] = (double) hits / rank;
        }
    }

    private void sorted(double[] s, boolean[] t, int off, int[] pos, int np, double[] prec) {
        for (int k = 0; k < nClasses; k++) {
            order[k] = k;
        }
        IndexSort.sortDescending(s, off, 1, order, nClasses, tmp);
        // order: scores descending, equal scores with ascending class index (stable)
        int hitsBefore = 0;
        int p = 0;
        while (p < nClasses) {
            double v = s[off + order[p]];
            int end = p + 1;
            while (end < nClasses && s[off + order[end]] == v) {
                end++;
            }
            int g = end - p;
            int gp = 0;
            for (int q = p; q < end; q++) {
                if (t[off + order[q]]) {
                    gp++;
                }
            }
            if (gp > 0) {
                int seen = 0; // positives of the group at positions < q
                for (int q = p; q < end; q++) {
                    int c = order[q];
                    if (!t[off + c]) {
                        continue;
                    }
                    int rank;
                    int hits;
                    if (reference) {
                        // the reference puts the group's higher class indices first: c (at group position q - p)
                        // is preceded by the g - 1 - (q - p) members with a higher index
                        rank = p + g - (q - p);
                        hits = hitsBefore + (gp - seen);
                    } else {
                        rank = end;
                        hits = hitsBefore + gp;
                    }
                    prec[indexOf(pos, np, c)] = (double) hits / rank;
                    seen++;
                }
                hitsBefore += gp;
            }
            p = end;
        }
    }

    private static int indexOf(int[] pos, int np, int c) {
        int lo = 0;
        int hi = np - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pos[mid] < c) {
                lo = mid + 1;
            } else if (pos[mid] > c) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("class " + c + " is not a positive");
    }
}
