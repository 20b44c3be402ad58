package org.audiotag.features;

/**
 * An immutable complex double-precision matrix in row-major order: the result of {@link Stft#stft(double[])} and
 * the input of {@link Stft#istft(ComplexMatrix, int)}, laid out as librosa's STFT: {@code (1 + n_fft/2, frames)},
 * element (bin {@code k}, frame {@code t}) at flat index {@code k * cols() + t} of the real and imaginary arrays.
 */
public final class ComplexMatrix {
    private final int rows;
    private final int cols;
    private final double[] re;
    private final double[] im;

    ComplexMatrix(int rows, int cols, double[] re, double[] im, boolean trusted) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != re.length || re.length != im.length) {
            throw new IllegalArgumentException("real/imaginary lengths " + re.length + "/" + im.length
                    + " do not match shape " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.re = trusted ? re : re.clone();
        this.im = trusted ? im : im.clone();
    }

    /**
     * Creates a matrix from separate row-major real and imaginary parts (copied).
     *
     * @param rows number of rows (frequency bins)
     * @param cols number of columns (frames)
     * @param re real parts, length {@code rows * cols}
     * @param im imaginary parts, length {@code rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if a length does not match the shape
     */
    public static ComplexMatrix of(int rows, int cols, double[] re, double[] im) {
        return new ComplexMatrix(rows, cols, re, im, false);
    }

    /**
     * Creates a matrix from numpy-style interleaved values {@code [re, im, re, im, ...]} in row-major order.
     *
     * @param rows number of rows (frequency bins)
     * @param cols number of columns (frames)
     * @param interleaved values, length {@code 2 * rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public static ComplexMatrix ofInterleaved(int rows, int cols, double[] interleaved) {
        if ((long) rows * cols * 2 != interleaved.length) {
            throw new IllegalArgumentException("interleaved length " + interleaved.length
                    + " does not match shape " + rows + " x " + cols + " x 2");
        }
        double[] r = new double[rows * cols];
        double[] i = new double[rows * cols];
        for (int n = 0; n < r.length; n++) {
            r[n] = interleaved[2 * n];
            i[n] = interleaved[2 * n + 1];
        }
        return new ComplexMatrix(rows, cols, r, i, true);
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of frequency bins, {@code 1 + n_fft/2} for an STFT
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of frames
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the real part of element (r, c).
     *
     * @param r row (bin), {@code 0 <= r < rows()}
     * @param c column (frame), {@code 0 <= c < cols()}
     * @return the real part at (r, c)
     * @throws IndexOutOfBoundsException if (r, c) is outside the matrix
     */
    public double re(int r, int c) {
        return re[index(r, c)];
    }

    /**
     * Returns the imaginary part of element (r, c).
     *
     * @param r row (bin), {@code 0 <= r < rows()}
     * @param c column (frame), {@code 0 <= c < cols()}
     * @return the imaginary part at (r, c)
     * @throws IndexOutOfBoundsException if (r, c) is outside the matrix
     */
    public double im(int r, int c) {
        return im[index(r, c)];
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + " x " + cols);
        }
        return r * cols + c;
    }

    /**
     * Returns a copy of the real parts.
     *
     * @return row-major real parts, length {@code rows() * cols()}
     */
    public double[] realParts() {
        return re.clone();
    }

    /**
     * Returns a copy of the imaginary parts.
     *
     * @return row-major imaginary parts, length {@code rows() * cols()}
     */
    public double[] imagParts() {
        return im.clone();
    }

    /**
     * Computes {@code |D| ** power} element-wise, as librosa's {@code np.abs(D) ** power}.
     *
     * @param power exponent &gt; 0 (1 = magnitude, 2 = power)
     * @return the real matrix of the same shape
     */
    public DoubleMatrix magnitude(double power) {
        Stft.checkPower(power);
        double[] out = new double[re.length];
        for (int n = 0; n < out.length; n++) {
            double p = re[n] * re[n] + im[n] * im[n];
            out[n] = Stft.powerOf(p, power);
        }
        return new DoubleMatrix(rows, cols, out, true);
    }

    double[] rawRe() {
        return re;
    }

    double[] rawIm() {
        return im;
    }

    @Override
    public String toString() {
        return "ComplexMatrix[" + rows + " x " + cols + "]";
    }
}
