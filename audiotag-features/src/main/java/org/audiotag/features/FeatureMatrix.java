package org.audiotag.features;

import java.util.Arrays;

/**
 * An immutable single-precision matrix in row-major order, the result type of the float32 feature fast paths
 * ({@link MelSpectrogram#compute(float[])}, {@link Decibels#powerToDb(FeatureMatrix, DbRef, double, double)},
 * {@link FeatureExtractor}).
 *
 * <p>Spectrogram-like results keep librosa's layout {@code (bins, frames)}: element (bin {@code k}, frame {@code t})
 * is at flat index {@code k * cols() + t}. Sequence results built for recurrent models ({@link #transpose()}) are
 * {@code (frames, bins)}. The values are in the unit of the producing function (magnitude, power, dB, ...). Models
 * take the time-major {@link TimeMajorFeatures} instead, whose type says its layout.
 */
public final class FeatureMatrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    FeatureMatrix(int rows, int cols, float[] data, boolean trusted) {
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
     * @param rows number of rows (bins), &gt;= 0
     * @param cols number of columns (frames), &gt;= 0
     * @param data row-major values, length {@code rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public static FeatureMatrix of(int rows, int cols, float[] data) {
        return new FeatureMatrix(rows, cols, data, false);
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows (frequency/mel bins in librosa's layout)
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
    public float get(int r, int c) {
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
    public float[] toArray() {
        return data.clone();
    }

    /**
     * Copies the row-major values into {@code dst} starting at {@code offset} (no allocation; for batching).
     *
     * @param dst destination array
     * @param offset first index written
     * @throws IndexOutOfBoundsException if {@code dst} has fewer than {@code offset + rows() * cols()} elements
     */
    public void copyTo(float[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    /**
     * Returns the transpose, e.g. (mels, frames) to the (frames, mels) sequence layout.
     *
     * @return the transposed matrix ({@code cols x rows})
     */
    public FeatureMatrix transpose() {
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[base + c];
            }
        }
        return new FeatureMatrix(cols, rows, out, true);
    }

    /**
     * Returns the same values widened to double precision.
     *
     * @return a double matrix of the same shape
     */
    public DoubleMatrix toDouble() {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i];
        }
        return new DoubleMatrix(rows, cols, out, true);
    }

    /**
     * Returns the largest element, as {@code np.max} for finite values.
     *
     * @return the largest element, or NaN for an empty matrix
     */
    public float max() {
        float m = Float.NaN;
        for (float v : data) {
            if (!(v <= m)) {
                m = v;
            }
        }
        return m;
    }

    float[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix f && f.rows == rows && f.cols == cols && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + "]";
    }
}
