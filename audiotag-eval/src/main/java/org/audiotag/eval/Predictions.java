package org.audiotag.eval;

import java.util.Arrays;

/**
 * An immutable evaluation set: for n samples and C classes, 0/1 ground truth and real-valued scores, both
 * row-major (sample i, class c at flat index {@code i * C + c}), the layout of the reference's
 * {@code truth} / {@code scores} arrays of shape (n_samples, n_classes).
 *
 * <p>Validated at construction: shapes must agree and every score must be finite (NaN or infinite scores are
 * rejected with the sample and class named). {@code -0.0} is stored as {@code 0.0}, so it ties with {@code 0.0}
 * as in numpy. Scores may be anything monotone in the model's confidence (probabilities, logits): the ranking
 * metrics depend only on their order.
 * {@snippet :
 * Predictions fromModel = Predictions.of(targets, sigmoid);   // float[n][C] multi-hot 0/1 and float[n][C] scores
 * Predictions flat = Predictions.ofFlat(2, 3,
 *         new boolean[] {true, false, true, false, true, false},
 *         new double[] {0.9, 0.2, 0.4, 0.3, 0.1, 0.8});         // sample i, class c at i * 3 + c
 * boolean label = flat.truth(1, 1);                             // true
 * int[] support = flat.support();                               // {1, 1, 1}
 * }
 */
public final class Predictions {
    private final int nSamples;
    private final int nClasses;
    private final boolean[] truth;
    private final double[] scores;

    private Predictions(int nSamples, int nClasses, boolean[] truth, double[] scores) {
        this.nSamples = nSamples;
        this.nClasses = nClasses;
        this.truth = truth;
        this.scores = scores;
    }

    /**
     * Creates predictions from flat row-major arrays (copied): sample i, class c at {@code i * nClasses + c}.
     *
     * @param nSamples number of samples n (may be 0)
     * @param nClasses number of classes C, at least 1
     * @param truth n*C labels, true = positive
     * @param scores n*C finite scores, higher = more likely
     * @return the validated predictions
     * @throws IllegalArgumentException naming the parameter, sample and class on a wrong length or non-finite score
     */
    public static Predictions ofFlat(int nSamples, int nClasses, boolean[] truth, double[] scores) {
        if (nClasses < 1) {
            throw new IllegalArgumentException("nClasses must be >= 1, got " + nClasses);
        }
        if (nSamples < 0) {
            throw new IllegalArgumentException("nSamples must be >= 0, got " + nSamples);
        }
        long n = (long) nSamples * nClasses;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("nSamples * nClasses must be < 2^31, got " + n);
        }
        if (truth.length != n) {
            throw new IllegalArgumentException("truth must have nSamples*nClasses = " + n + " entries, got "
                    + truth.length);
        }
        if (scores.length != n) {
            throw new IllegalArgumentException("scores must have nSamples*nClasses = " + n + " entries, got "
                    + scores.length);
        }
        double[] s = new double[scores.length];
        for (int j = 0; j < s.length; j++) {
            double v = scores[j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("scores: sample " + j / nClasses + ", class " + j % nClasses
                        + " is " + v + " (scores must be finite)");
            }
            s[j] = v + 0.0;
        }
        return new Predictions(nSamples, nClasses, truth.clone(), s);
    }

    /**
     * Creates predictions from (n_samples, n_classes) arrays (copied). With no rows the class count is taken as 1;
     * use {@link #ofFlat} to give it explicitly.
     *
     * @param truth truth[i][c] = class c is a label of sample i
     * @param scores scores[i][c], finite
     * @return the validated predictions
     * @throws IllegalArgumentException on ragged or mismatched shapes or non-finite scores, naming the row
     */
    public static Predictions of(boolean[][] truth, double[][] scores) {
        int n = checkRows(truth.length, scores.length);
        int nc = n == 0 ? 1 : truth[0].length;
        boolean[] t = new boolean[n * nc];
        double[] s = new double[n * nc];
        for (int i = 0; i < n; i++) {
            checkRow(i, nc, truth[i].length, scores[i].length);
            System.arraycopy(truth[i], 0, t, i * nc, nc);
            System.arraycopy(scores[i], 0, s, i * nc, nc);
        }
        return ofFlat(n, nc, t, s);
    }

    /**
     * Creates predictions from (n_samples, n_classes) float scores, as a model outputs them (copied and widened
     * exactly to double).
     *
     * @param truth truth[i][c] = class c is a label of sample i
     * @param scores scores[i][c], finite
     * @return the validated predictions
     * @throws IllegalArgumentException on ragged or mismatched shapes or non-finite scores, naming the row
     */
    public static Predictions of(boolean[][] truth, float[][] scores) {
        int n = checkRows(truth.length, scores.length);
        int nc = n == 0 ? 1 : truth[0].length;
        boolean[] t = new boolean[n * nc];
        double[] s = new double[n * nc];
        for (int i = 0; i < n; i++) {
            checkRow(i, nc, truth[i].length, scores[i].length);
            System.arraycopy(truth[i], 0, t, i * nc, nc);
            for (int c = 0; c < nc; c++) {
                s[i * nc + c] = scores[i][c];
            }
        }
        return ofFlat(n, nc, t, s);
    }

    /**
     * Creates predictions from a 0/1 float truth matrix (multi-hot targets, as a training loop holds them) and float
     * scores.
     *
     * @param truth truth[i][c] exactly 0 or 1
     * @param scores scores[i][c], finite
     * @return the validated predictions
     * @throws IllegalArgumentException on ragged or mismatched shapes, a truth value other than 0/1 or a
     *     non-finite score, naming the row and class
     */
    public static Predictions of(float[][] truth, float[][] scores) {
        boolean[][] t = new boolean[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            t[i] = new boolean[truth[i].length];
            for (int c = 0; c < truth[i].length; c++) {
                float v = truth[i][c];
                if (v != 0f && v != 1f) {
                    throw new IllegalArgumentException("truth row " + i + ", class " + c + " is " + v
                            + " (must be 0 or 1)");
                }
                t[i][c] = v == 1f;
            }
        }
        return of(t, scores);
    }

    private static int checkRows(int truthRows, int scoreRows) {
        if (truthRows != scoreRows) {
            throw new IllegalArgumentException("truth has " + truthRows + " rows but scores has " + scoreRows);
        }
        return truthRows;
    }

    private static void checkRow(int i, int nc, int truthLen, int scoreLen) {
        if (truthLen != nc) {
            throw new IllegalArgumentException("truth row " + i + " has " + truthLen + " classes, row 0 has " + nc);
        }
        if (scoreLen != nc) {
            throw new IllegalArgumentException("scores row " + i + " has " + scoreLen + " classes, truth has " + nc);
        }
    }

    /**
     * Returns the number of samples n (rows).
     *
     * @return n, possibly 0
     */
    public int nSamples() {
        return nSamples;
    }

    /**
     * Returns the number of classes C (columns).
     *
     * @return C, at least 1
     */
    public int nClasses() {
        return nClasses;
    }

    /**
     * Tells whether a class is a label of a sample.
     *
     * @param sample sample index in [0, n)
     * @param cls class index in [0, C)
     * @return whether the class is a label of the sample
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public boolean truth(int sample, int cls) {
        return truth[index(sample, cls)];
    }

    /**
     * Returns the score of a class for a sample.
     *
     * @param sample sample index in [0, n)
     * @param cls class index in [0, C)
     * @return the score of the class for the sample (finite; higher = more likely)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double score(int sample, int cls) {
        return scores[index(sample, cls)];
    }

    private int index(int sample, int cls) {
        if (sample < 0 || sample >= nSamples) {
            throw new IndexOutOfBoundsException("sample " + sample + " not in [0, " + nSamples + ")");
        }
        if (cls < 0 || cls >= nClasses) {
            throw new IndexOutOfBoundsException("class " + cls + " not in [0, " + nClasses + ")");
        }
        return sample * nClasses + cls;
    }

    /**
     * Returns the truth as one row-major array: sample i, class c at {@code i * C + c}.
     *
     * @return a copy, n*C entries
     */
    public boolean[] truthFlat() {
        return truth.clone();
    }

    /**
     * Returns the scores as one row-major array: sample i, class c at {@code i * C + c}.
     *
     * @return a copy, n*C entries
     */
    public double[] scoresFlat() {
        return scores.clone();
    }

    /**
     * Returns the support of each class: the number of samples that have it as a label, n_c.
     *
     * @return one count per class, in column order
     */
    public int[] support() {
        int[] n = new int[nClasses];
        for (int j = 0; j < truth.length; j++) {
            if (truth[j]) {
                n[j % nClasses]++;
            }
        }
        return n;
    }

    /**
     * Returns the number of samples with at least one positive label, the samples the ranking metrics count.
     *
     * @return the number of labelled samples
     */
    public int nLabeledSamples() {
        int count = 0;
        for (int i = 0; i < nSamples; i++) {
            for (int c = 0; c < nClasses; c++) {
                if (truth[i * nClasses + c]) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /**
     * Returns the samples {@code from .. to-1} as new predictions with the same classes.
     *
     * @param from first sample, inclusive
     * @param to last sample, exclusive
     * @return the slice
     * @throws IllegalArgumentException if the range is not within [0, n]
     */
    public Predictions slice(int from, int to) {
        if (from < 0 || to > nSamples || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") not within [0, " + nSamples + "]");
        }
        return new Predictions(to - from, nClasses, Arrays.copyOfRange(truth, from * nClasses, to * nClasses),
                Arrays.copyOfRange(scores, from * nClasses, to * nClasses));
    }

    // package-private zero-copy access for the metrics of this package
    boolean[] truthArray() {
        return truth;
    }

    double[] scoreArray() {
        return scores;
    }
}
