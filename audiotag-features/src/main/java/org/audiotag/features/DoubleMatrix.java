package org.audiotag.features;

import java.util.Arrays;

/**
 * An immutable double-precision matrix in row-major order, the result type of the exact (librosa float64) paths;
 * {@link FeatureMatrix} is its float32 counterpart.
 *
 * <p>Layout as librosa: {@code (bins, frames)} for spectrograms, {@code (n_mels, 1 + n_fft/2)} for filter banks,
 * {@code (n_mfcc, frames)} for MFCCs; element (r, c) is at flat index {@code r * cols() + c}.
 */
public final class DoubleMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    DoubleMatrix(int rows, int cols, double[] data, boolean trusted) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape "
                    + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = trusted ? data : data.clone();
    }

    /**
     * Creates a matrix from row-major values (the array is copied).
     *
     * @param rows number of rows, &gt;= 0
     * @param cols number of columns, &gt;= 0
     * @param data row-major values, length {@code rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public static DoubleMatrix of(int rows, int cols, double[] data) {
        return new DoubleMatrix(rows, cols, data, false);
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows (bins in librosa's layout)
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of columns (frames in librosa's layout)
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns element (r, c).
     *
     * @param r row index, {@code 0 <= r < rows()}
     * @param c column index, {@code 0 <= c < cols()}
     * @return the element at (r, c)
     * @throws IndexOutOfBoundsException if (r, c) is outside the matrix
     */
    public double get(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + " x " + cols);
        }
        return data[r * cols + c];
    }

    /**
     * Returns a copy of the values.
     *
     * @return row-major values, length {@code rows() * cols()}
     */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * Returns the values rounded to float32, as librosa's {@code .astype(np.float32)}.
     *
     * @return a float matrix of the same shape
     */
    public FeatureMatrix toFloat() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data[i];
        }
        return new FeatureMatrix(rows, cols, out, true);
    }

    /**
     * Returns the transpose.
     *
     * @return the transposed matrix ({@code cols x rows})
     */
    public DoubleMatrix transpose() {
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new DoubleMatrix(cols, rows, out, true);
    }

    /**
     * Returns the largest element, as {@code np.max} for finite values.
     *
     * @return the largest element, or NaN for an empty matrix
     */
    public double max() {
        double m = Double.NaN;
        for (double v : data) {
            if (!(v <= m)) {
                m = v;
            }
        }
        return m;
    }

    double[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleMatrix f && f.rows == rows && f.cols == cols && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DoubleMatrix[" + rows + " x " + cols + "]";
    }
}
