package org.audiotag.models.layers;

/**
 * The binary band mask of a masked conditional neural network (MCLNN) layer, Medhat et al. 2018 (arXiv 1803.02421),
 * built exactly as the original project did (docs/ORIGINAL-PROJECT.md §4.5).
 *
 * <p>With {@code S = in + bandwidth - overlap}, the flat index {@code p = 0 .. in*out-1} is on when
 * {@code p mod S < bandwidth}; the flat vector is read row-major as {@code (out rows, in columns)}, so row {@code r}
 * lists the input features that output channel {@code r} may see. Successive bands shift by
 * {@code bandwidth - overlap} features and wrap across row boundaries. For 128 -&gt; 256 with bandwidth 64 and overlap
 * 32 the density is 0.4004 (13,120 ones).
 *
 * {@snippet :
 * MclnnMask m = MclnnMask.of(128, 256, 64, 32);     // 128 mel bands -> 256 channels, as the MCNN's first layer
 * boolean seen = m.get(0, 10);                      // true: output channel 0 sees mel band 10
 * double density = m.density();                     // 0.4004
 * float[] kernel = m.toKernelLayout();              // (in, out) 0/1 values for Layers.mclnn
 * }
 */
public final class MclnnMask {

    private final int in;
    private final int out;
    private final int bandwidth;
    private final int overlap;
    private final boolean[] on;

    private MclnnMask(int in, int out, int bandwidth, int overlap) {
        this.in = in;
        this.out = out;
        this.bandwidth = bandwidth;
        this.overlap = overlap;
        this.on = new boolean[Math.multiplyExact(in, out)];
        long s = (long) in + bandwidth - overlap;
        for (int p = 0; p < on.length; p++) {
            on[p] = (p % s) < bandwidth;
        }
    }

    /**
     * Builds the mask.
     *
     * @param in        number of input features (channels), {@code >= 1}
     * @param out       number of output channels, {@code >= 1}
     * @param bandwidth ones per band, in {@code [1, in]}
     * @param overlap   features shared by successive bands, in {@code [0, bandwidth - 1]}
     * @return the mask
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public static MclnnMask of(int in, int out, int bandwidth, int overlap) {
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, got " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("out must be >= 1, got " + out);
        }
        if (bandwidth < 1 || bandwidth > in) {
            throw new IllegalArgumentException("bandwidth must be in [1, " + in + "] (the input width), got "
                    + bandwidth);
        }
        if (overlap < 0 || overlap >= bandwidth) {
            throw new IllegalArgumentException("overlap must be in [0, " + (bandwidth - 1) + "], got " + overlap);
        }
        return new MclnnMask(in, out, bandwidth, overlap);
    }

    /**
     * Returns the number of input features, the mask's columns.
     *
     * @return {@code in}
     */
    public int in() {
        return in;
    }

    /**
     * Returns the number of output channels, the mask's rows.
     *
     * @return {@code out}
     */
    public int out() {
        return out;
    }

    /**
     * Returns the number of consecutive input features in a band.
     *
     * @return the bandwidth
     */
    public int bandwidth() {
        return bandwidth;
    }

    /**
     * Returns the number of features shared by successive bands.
     *
     * @return the overlap
     */
    public int overlap() {
        return overlap;
    }

    /**
     * Returns whether output channel {@code row} sees input feature {@code col}.
     *
     * @param row output channel in {@code [0, out)}
     * @param col input feature in {@code [0, in)}
     * @return true when the weight is kept
     * @throws IndexOutOfBoundsException if (row, col) is outside the mask
     */
    public boolean get(int row, int col) {
        if (row < 0 || row >= out || col < 0 || col >= in) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + out + " x " + in);
        }
        return on[row * in + col];
    }

    /**
     * Counts the ones of the mask, the weights kept.
     *
     * @return the number of ones
     */
    public int ones() {
        int n = 0;
        for (boolean b : on) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the fraction of weights kept.
     *
     * @return {@code ones / (in * out)}
     */
    public double density() {
        return ones() / (double) on.length;
    }

    /**
     * Counts the ones in one row: the input features one output channel sees.
     *
     * @param row output channel in {@code [0, out)}
     * @return how many input features that channel sees
     */
    public int rowOnes(int row) {
        int n = 0;
        for (int c = 0; c < in; c++) {
            if (get(row, c)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Counts the ones in one column: the output channels one input feature feeds.
     *
     * @param col input feature in {@code [0, in)}
     * @return how many output channels that feature feeds
     */
    public int columnOnes(int col) {
        int n = 0;
        for (int r = 0; r < out; r++) {
            if (get(r, col)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the mask transposed to TensorFlow's kernel layout {@code (in, out)}, row-major, as 0/1 floats: element
     * {@code (c, r)} is at {@code c * out + r}. It is broadcast over the kernel taps by {@link Layers#mclnn}.
     *
     * @return a new array of length {@code in * out}
     */
    public float[] toKernelLayout() {
        float[] k = new float[on.length];
        for (int r = 0; r < out; r++) {
            for (int c = 0; c < in; c++) {
                k[c * out + r] = on[r * in + c] ? 1f : 0f;
            }
        }
        return k;
    }
}
