package org.audiotag.eval;

/**
 * Top-1 accuracy for single-label data ({@code sklearn.metrics.accuracy_score(truth.argmax(1), scores.argmax(1))}):
 * the fraction of samples whose highest-scoring class is their label. Ties for the highest score go to the lowest
 * class index, as {@code np.argmax}. {@link #hitRate} extends it to multi-label data.
 */
public final class Top1Accuracy {
    private Top1Accuracy() {
    }

    /**
     * Computes the fraction of samples whose highest-scoring class is their single label.
     *
     * @param predictions truth and scores; every sample must have exactly one label
     * @return accuracy in [0, 1]
     * @throws IllegalArgumentException naming the first sample that does not have exactly one label, or if the
     *     set is empty
     */
    public static double compute(Predictions predictions) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        if (n == 0) {
            throw new IllegalArgumentException("top-1 accuracy is undefined for 0 samples");
        }
        boolean[] t = predictions.truthArray();
        double[] s = predictions.scoreArray();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int label = -1;
            int best = 0;
            for (int c = 0; c < nc; c++) {
                if (t[i * nc + c]) {
                    if (label >= 0) {
                        throw new IllegalArgumentException("top-1 accuracy needs single-label data, but sample " + i
                                + " has more than one label");
                    }
                    label = c;
                }
                if (s[i * nc + c] > s[i * nc + best]) {
                    best = c;
                }
            }
            if (label < 0) {
                throw new IllegalArgumentException("top-1 accuracy needs single-label data, but sample " + i
                        + " has no label");
            }
            if (best == label) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /**
     * Top-1 hit rate (precision at 1) for single- or multi-label data: the fraction of samples whose highest-scoring
     * class is one of their labels. Ties for the highest score go to the lowest class index, as {@code np.argmax};
     * a sample without a label counts as a miss. On single-label data it equals {@link #compute}.
     *
     * @param predictions truth and scores
     * @return the hit rate in [0, 1]
     * @throws IllegalArgumentException if the set is empty
     */
    public static double hitRate(Predictions predictions) {
        int n = predictions.nSamples();
        int nc = predictions.nClasses();
        if (n == 0) {
            throw new IllegalArgumentException("top-1 hit rate is undefined for 0 samples");
        }
        boolean[] t = predictions.truthArray();
        double[] s = predictions.scoreArray();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < nc; c++) {
                if (s[i * nc + c] > s[i * nc + best]) {
                    best = c;
                }
            }
            if (t[i * nc + best]) {
                hits++;
            }
        }
        return (double) hits / n;
    }

    /**
     * Tells whether every sample has exactly one label, so that {@link #compute} applies.
     *
     * @param predictions truth and scores
     * @return true if the set is non-empty and every sample has exactly one label
     */
    public static boolean isSingleLabel(Predictions predictions) {
        int nc = predictions.nClasses();
        boolean[] t = predictions.truthArray();
        if (predictions.nSamples() == 0) {
            return false;
        }
        for (int i = 0; i < predictions.nSamples(); i++) {
            int count = 0;
            for (int c = 0; c < nc; c++) {
                if (t[i * nc + c]) {
                    count++;
                }
            }
            if (count != 1) {
                return false;
            }
        }
        return true;
    }
}
