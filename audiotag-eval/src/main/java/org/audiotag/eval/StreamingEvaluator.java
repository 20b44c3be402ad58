package org.audiotag.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Collects predictions batch by batch (as a validation loop produces them) and scores them at the end. Memory is
 * linear in the number of samples: (8 + 1) bytes per (sample, class) pair, in arrays that grow by doubling.
 * Every batch is validated when added (shape, finite scores), naming the batch, its row and the sample index.
 * Not thread-safe: one evaluator per loop.
 *
 * <p>Accumulating a validation epoch batch by batch, then scoring it:
 * {@snippet :
 * StreamingEvaluator evaluator = new StreamingEvaluator(classNames.size());
 * for (int b = 0; b < batchTruth.size(); b++) {
 *     evaluator.add(batchTruth.get(b), batchScores.get(b));   // boolean[rows][C], float[rows][C] sigmoid outputs
 * }
 * Evaluation evaluation = evaluator.evaluate(classNames, TieRule.REFERENCE);
 * double lwlrap = evaluation.lwlrap().lwlrap();
 * evaluator.reset();                                            // ready for the next epoch
 * }
 */
public final class StreamingEvaluator {
    private final int nClasses;
    private boolean[] truth;
    private double[] scores;
    private int nSamples;
    private int nBatches;

    /**
     * Creates an empty evaluator for batches of {@code nClasses} columns.
     *
     * @param nClasses number of classes of every batch, at least 1
     * @throws IllegalArgumentException if nClasses &lt; 1
     */
    public StreamingEvaluator(int nClasses) {
        if (nClasses < 1) {
            throw new IllegalArgumentException("nClasses must be >= 1, got " + nClasses);
        }
        this.nClasses = nClasses;
        this.truth = new boolean[nClasses * 64];
        this.scores = new double[nClasses * 64];
    }

    /**
     * Returns the number of classes C of every batch.
     *
     * @return the number of classes
     */
    public int nClasses() {
        return nClasses;
    }

    /**
     * Returns the number of samples (rows) added since creation or the last {@link #reset()}.
     *
     * @return the number of samples
     */
    public int nSamples() {
        return nSamples;
    }

    /**
     * Adds one batch of (batch, nClasses) float scores, e.g. a model's sigmoid or logit outputs.
     *
     * @param batchTruth batchTruth[i][c] = class c is a label of row i
     * @param batchScores scores in the same shape, finite (widened exactly to double)
     * @throws IllegalArgumentException on a shape mismatch or a non-finite score (nothing is added then)
     */
    public void add(boolean[][] batchTruth, float[][] batchScores) {
        double[][] widened = new double[batchScores.length][];
        for (int i = 0; i < batchScores.length; i++) {
            widened[i] = new double[batchScores[i].length];
            for (int c = 0; c < batchScores[i].length; c++) {
                widened[i][c] = batchScores[i][c];
            }
        }
        add(batchTruth, widened);
    }

    /**
     * Adds one batch of (batch, nClasses) double scores.
     *
     * @param batchTruth batchTruth[i][c] = class c is a label of row i
     * @param batchScores scores in the same shape, finite
     * @throws IllegalArgumentException on a shape mismatch or a non-finite score (nothing is added then)
     */
    public void add(boolean[][] batchTruth, double[][] batchScores) {
        int rows = checkRows(batchTruth.length, batchScores.length);
        for (int i = 0; i < rows; i++) {
            checkRow(i, batchTruth[i].length, batchScores[i].length);
            for (int c = 0; c < nClasses; c++) {
                checkFinite(i, c, batchScores[i][c]);
            }
        }
        ensure(rows);
        for (int i = 0; i < rows; i++) {
            int off = (nSamples + i) * nClasses;
            System.arraycopy(batchTruth[i], 0, truth, off, nClasses);
            for (int c = 0; c < nClasses; c++) {
                scores[off + c] = batchScores[i][c] + 0.0;
            }
        }
        commit(rows);
    }

    /**
     * Adds one batch given as flat row-major arrays of rows*nClasses entries (row i, class c at
     * {@code i * nClasses + c}).
     *
     * @param rows number of rows in the batch (&gt;= 0)
     * @param batchTruth rows*nClasses labels
     * @param batchScores rows*nClasses finite scores
     * @throws IllegalArgumentException on a length mismatch or a non-finite score (nothing is added then)
     */
    public void addFlat(int rows, boolean[] batchTruth, double[] batchScores) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        long n = (long) rows * nClasses;
        if (batchTruth.length != n || batchScores.length != n) {
            throw new IllegalArgumentException("batch " + nBatches + ": expected rows*nClasses = " + n
                    + " entries, got truth " + batchTruth.length + " and scores " + batchScores.length);
        }
        for (int j = 0; j < n; j++) {
            checkFinite(j / nClasses, j % nClasses, batchScores[j]);
        }
        ensure(rows);
        int off = nSamples * nClasses;
        System.arraycopy(batchTruth, 0, truth, off, (int) n);
        for (int j = 0; j < n; j++) {
            scores[off + j] = batchScores[j] + 0.0;
        }
        commit(rows);
    }

    /**
     * Adds already validated predictions as one batch.
     *
     * @param batch the batch, with {@link #nClasses()} classes
     * @throws IllegalArgumentException if the class count differs
     */
    public void add(Predictions batch) {
        if (batch.nClasses() != nClasses) {
            throw new IllegalArgumentException("batch " + nBatches + " has " + batch.nClasses()
                    + " classes, the evaluator " + nClasses);
        }
        addFlat(batch.nSamples(), batch.truthArray(), batch.scoreArray());
    }

    /** Forgets every sample (keeps the allocated capacity). */
    public void reset() {
        nSamples = 0;
        nBatches = 0;
    }

    /**
     * Returns everything added so far as one set of predictions, rows in the order they were added.
     *
     * @return an immutable copy
     */
    public Predictions predictions() {
        int n = nSamples * nClasses;
        return Predictions.ofFlat(nSamples, nClasses, Arrays.copyOf(truth, n), Arrays.copyOf(scores, n));
    }

    /**
     * Computes lwlrap of everything added so far (see {@link Lwlrap#compute(Predictions, TieRule)}).
     *
     * @param tieRule how equal scores are ranked
     * @return lwlrap with its per-class decomposition
     * @throws IllegalArgumentException if no sample has a label
     */
    public LwlrapResult lwlrap(TieRule tieRule) {
        return Lwlrap.compute(predictions(), tieRule);
    }

    /**
     * Computes every metric of everything added so far (see {@link Evaluation#of}).
     *
     * @param classNames names of the classes, in column order (nClasses of them)
     * @param tieRule how equal scores are ranked
     * @return every metric of everything added so far
     * @throws IllegalArgumentException if no sample has a label or the names do not match the classes
     */
    public Evaluation evaluate(List<String> classNames, TieRule tieRule) {
        return Evaluation.of(predictions(), classNames, tieRule);
    }

    private int checkRows(int truthRows, int scoreRows) {
        if (truthRows != scoreRows) {
            throw new IllegalArgumentException("batch " + nBatches + ": truth has " + truthRows
                    + " rows but scores has " + scoreRows);
        }
        return truthRows;
    }

    private void checkRow(int i, int truthLen, int scoreLen) {
        if (truthLen != nClasses || scoreLen != nClasses) {
            throw new IllegalArgumentException("batch " + nBatches + ", row " + i + " (sample " + (nSamples + i)
                    + "): expected " + nClasses + " classes, got truth " + truthLen + " and scores " + scoreLen);
        }
    }

    private void checkFinite(int i, int c, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("batch " + nBatches + ", row " + i + " (sample " + (nSamples + i)
                    + "), class " + c + ": score is " + v + " (scores must be finite)");
        }
    }

    private void ensure(int rows) {
        long need = (long) (nSamples + rows) * nClasses;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many samples: " + (nSamples + rows) + " x " + nClasses
                    + " exceeds 2^31 entries");
        }
        if (need > truth.length) {
            long cap = Math.max(need, Math.min((long) Integer.MAX_VALUE - 8, 2L * truth.length));
            truth = Arrays.copyOf(truth, (int) cap);
            scores = Arrays.copyOf(scores, (int) cap);
        }
    }

    private void commit(int rows) {
        nSamples += rows;
        nBatches++;
    }
}
