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

    /** @return lwlrap in [0, 1]: the mean precision over all positive (sample, class) pairs */
    public double lwlrap() {
        return lwlrap;
    }

    /** @return a copy of the per-class scores (reference: {@code per_class_lwlrap}), 0 for classes never labelled */
    public double[] classScores() {
        return classScores.clone();
    }

    /** @return a copy of the class weights n_c / P (reference: {@code weight_per_class}); they sum to 1 */
    public double[] classWeights() {
        return classWeights.clone();
    }

    /** @return a copy of the per-class support n_c (number of samples labelled with the class) */
    public int[] support() {
        return support.clone();
    }

    /** @return the tie rule the ranks were computed with */
    public TieRule tieRule() {
        return tieRule;
    }

    /** @return the number of samples with at least one label (the only ones that count) */
    public int nLabeledSamples() {
        return nLabeledSamples;
    }

    /** @return the total number of positive (sample, class) pairs P */
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
