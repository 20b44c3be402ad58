package org.audiotag.features.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional float32 or float64 array read from a NumPy {@code .npy} file by {@link NpyFile#read}: its shape,
 * its dtype and its values in C (row-major) order, so element {@code [i][j][k]} of shape {@code (A, B, C)} is at
 * flat index {@code (i*B + j)*C + k}. Immutable; accessors copy.
 */
public final class NpyArray {

    private final int[] shape;
    private final double[] data;
    private final boolean float64;

    NpyArray(int[] shape, double[] data, boolean float64) {
        this.shape = shape;
        this.data = data;
        this.float64 = float64;
    }

    /**
     * The shape ({@code ()} for a 0-d scalar, which holds one element).
     *
     * @return a copy of the dimensions, outermost first
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Number of dimensions.
     *
     * @return {@code shape().length}
     */
    public int ndim() {
        return shape.length;
    }

    /**
     * Number of elements.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return data.length;
    }

    /**
     * Whether the file stored float64 ({@code '<f8'}) rather than float32 ({@code '<f4'}).
     *
     * @return true for float64
     */
    public boolean isFloat64() {
        return float64;
    }

    /**
     * The NumPy dtype string of the stored values, in little-endian form.
     *
     * @return {@code "<f4"} or {@code "<f8"}
     */
    public String dtype() {
        return float64 ? "<f8" : "<f4";
    }

    /**
     * The values in C order, as float64 (exact for float32 files).
     *
     * @return a fresh array of {@link #size()} values
     */
    public double[] toDoubleArray() {
        return data.clone();
    }

    /**
     * The values in C order, rounded to float32 (exact for float32 files).
     *
     * @return a fresh array of {@link #size()} values
     */
    public float[] toFloatArray() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    /**
     * One element by its flat C-order index, without copying.
     *
     * @param flatIndex index in {@code [0, size())}
     * @return the value
     */
    public double get(int flatIndex) {
        return data[flatIndex];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.float64 == float64 && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(data), float64);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype() + ", shape " + Arrays.toString(shape) + "]";
    }
}
