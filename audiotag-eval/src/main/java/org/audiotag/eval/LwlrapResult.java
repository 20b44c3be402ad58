package org.audiotag.eval;

/**
 * The result of {@link Lwlrap#compute}: the overall score and its decomposition by class.
 *
 * <p>With n_c = number of samples labelled c and P = sum_c n_c: {@code classWeight(c) = n_c / P},
 * {@code classScore(c)} = mean label-ranking precision over the n_c positives of c (0 when n_c = 0), and
 * {@code lwlrap() = sum_c classWeight(c) * classScore(c)} = mean precision over all P positive (sample, class)
 * pairs. The names follow the reference's {@code calculate_per_class_lwlrap} outputs
 * ({@code per_class_lwlrap}, {@code weight_per_class}).
 */
public final class LwlrapResult {
    private final double lwlrap;
    private final double[] classScores;
    private final double[] classWeights;
    private final int[] support;
    private final TieRule tieRule;
    private final int nLabeledSamples;

    LwlrapResult(double lwlrap, double[] classScores, double[] classWeights, int[] support, TieRule tieRule,
            int nLabeledSamples) {
        this.lwlrap = lwlrap;
        this.classScores = classScores;
        this.classWeights = classWeights;
        this.support = support;
        this.tieRule = tieRule;
        this.nLabeledSamples = nLabeledSamples;
    }

    /**
     * Returns the overall lwlrap: the mean label-ranking precision over all P positive (sample, class) pairs.
     *
     * @return lwlrap in [0, 1]
     */
    public double lwlrap() {
        return lwlrap;
    }

    /**
     * Returns the per-class scores, the reference's {@code per_class_lwlrap}: for class c, the mean precision
     * over its n_c positives.
     *
     * @return a copy, one value in [0, 1] per class in column order; 0 for classes never labelled
     */
    public double[] classScores() {
        return classScores.clone();
    }

    /**
     * Returns the class weights n_c / P, the reference's {@code weight_per_class}.
     *
     * @return a copy, one weight per class in column order; they sum to 1
     */
    public double[] classWeights() {
        return classWeights.clone();
    }

    /**
     * Returns the per-class support n_c, the number of samples labelled with each class.
     *
     * @return a copy, one count per class in column order
     */
    public int[] support() {
        return support.clone();
    }

    /**
     * Returns the tie rule the ranks were computed with.
     *
     * @return the tie rule
     */
    public TieRule tieRule() {
        return tieRule;
    }

    /**
     * Returns the number of samples with at least one label, the only ones that count.
     *
     * @return the number of labelled samples
     */
    public int nLabeledSamples() {
        return nLabeledSamples;
    }

    /**
     * Returns the total number P of positive (sample, class) pairs, the sum of the supports.
     *
     * @return P
     */
    public long nPositives() {
        long p = 0;
        for (int n : support) {
            p += n;
        }
        return p;
    }

    @Override
    public String toString() {
        return "LwlrapResult[lwlrap=" + lwlrap + ", tieRule=" + tieRule + ", classes=" + support.length
                + ", labeledSamples=" + nLabeledSamples + "]";
    }
}
