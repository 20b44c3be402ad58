package org.audiotag.style.internal;

/**
 * A row-compressed (CSR) copy of a dense matrix, used for the mel basis A (n_mels x n_bins), which has about two
 * non-zeros per column. Products work on frame-major blocks: a block of T frames of a (n_bins, T) spectrogram is
 * stored as {@code x[t * nBins + k]}, so that every frame is contiguous.
 */
public final class SparseMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] colIndex;
    private final double[] values;

    /**
     * Compresses a dense matrix, keeping its non-zero entries row by row.
     *
     * @param dense row-major values, {@code dense[r * cols + c]}
     * @param rows number of rows
     * @param cols number of columns
     */
    public SparseMatrix(double[] dense, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || dense.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix: " + dense.length + " values do not make " + rows + " x "
                    + cols);
        }
        this.rows = rows;
        this.cols = cols;
        int nnz = 0;
        for (double v : dense) {
            if (v != 0.0) {
                nnz++;
            }
        }
        rowStart = new int[rows + 1];
        colIndex = new int[nnz];
        values = new double[nnz];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            for (int c = 0; c < cols; c++) {
                double v = dense[r * cols + c];
                if (v != 0.0) {
                    colIndex[p] = c;
                    values[p++] = v;
                }
            }
        }
        rowStart[rows] = p;
    }

    /**
     * Returns the number of rows.
     *
     * @return number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of columns.
     *
     * @return number of columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the number of stored non-zero entries.
     *
     * @return number of stored non-zeros
     */
    public int nonZeros() {
        return values.length;
    }

    /**
     * Multiplies frame by frame, out[t*rows + r] = sum_c A[r,c] x[t*cols + c] for frames t in [t0, t1).
     *
     * @param x frame-major input, {@code cols} values per frame
     * @param out frame-major output, {@code rows} values per frame
     * @param t0 first frame
     * @param t1 end frame (exclusive)
     */
    public void multiply(double[] x, double[] out, int t0, int t1) {
        for (int t = t0; t < t1; t++) {
            int xo = t * cols;
            int oo = t * rows;
            for (int r = 0; r < rows; r++) {
                double s = 0.0;
                for (int p = rowStart[r], e = rowStart[r + 1]; p < e; p++) {
                    s += values[p] * x[xo + colIndex[p]];
                }
                out[oo + r] = s;
            }
        }
    }

    /**
     * Multiplies by the transpose frame by frame, out[t*cols + c] = scale * sum_r A[r,c] y[t*rows + r] for frames t
     * in [t0, t1).
     *
     * @param y frame-major input, {@code rows} values per frame
     * @param scale factor applied to the result
     * @param out frame-major output, {@code cols} values per frame (overwritten)
     * @param t0 first frame
     * @param t1 end frame (exclusive)
     */
    public void multiplyTransposed(double[] y, double scale, double[] out, int t0, int t1) {
        for (int t = t0; t < t1; t++) {
            multiplyTransposedFrame(y, t * rows, scale, out, t * cols);
        }
    }

    /**
     * One frame of the transposed product: out[oo + c] = scale * sum_r A[r,c] y[yo + r].
     *
     * @param y input holding {@code rows} values from {@code yo}
     * @param yo offset of the frame in {@code y}
     * @param scale factor applied to the result
     * @param out output receiving {@code cols} values from {@code oo} (overwritten)
     * @param oo offset of the frame in {@code out}
     */
    public void multiplyTransposedFrame(double[] y, int yo, double scale, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0.0);
        for (int r = 0; r < rows; r++) {
            double v = scale * y[yo + r];
            if (v == 0.0) {
                continue;
            }
            for (int p = rowStart[r], e = rowStart[r + 1]; p < e; p++) {
                out[oo + colIndex[p]] += values[p] * v;
            }
        }
    }

    /**
     * Computes the Gram matrix A A^T (rows x rows), row-major.
     *
     * @return dense A A^T
     */
    public double[] gram() {
        double[] dense = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                dense[r * cols + colIndex[p]] = values[p];
            }
        }
        double[] g = new double[rows * rows];
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < rows; j++) {
                double s = 0.0;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    s += values[p] * dense[j * cols + colIndex[p]];
                }
                g[i * rows + j] = s;
                g[j * rows + i] = s;
            }
        }
        return g;
    }
}
