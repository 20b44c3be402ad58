package org.audiotag.train.internal;

import org.audiotag.train.FeatureCache;

/**
 * Standardisation of network inputs by one global mean and standard deviation of the training features:
 * {@code x' = (x − mean) / std} (the fix of docs/ORIGINAL-PROJECT.md §5, where the original fed raw dB values).
 * Immutable.
 */
public final class InputNormalization {

    private static final InputNormalization NONE = new InputNormalization(0f, 1f);

    private final float mean;
    private final float std;

    private InputNormalization(float mean, float std) {
        this.mean = mean;
        this.std = std;
    }

    /** Returns the identity (mean 0, std 1). */
    public static InputNormalization none() {
        return NONE;
    }

    /**
     * Fits the mean and population standard deviation of every value of the given clips, accumulated in double:
     * {@code std = sqrt(max(E[x²] − E[x]², 1e-12))}.
     *
     * @param cache the features
     * @param clips indices of the (training) clips
     * @return the normalisation
     */
    public static InputNormalization fit(FeatureCache cache, int[] clips) {
        double s = 0;
        double s2 = 0;
        long n = 0;
        for (int i : clips) {
            float[] d = cache.get(i).data();
            for (float v : d) {
                s += v;
                s2 += (double) v * v;
            }
            n += d.length;
        }
        float mean = (float) (s / n);
        float std = (float) Math.sqrt(Math.max(s2 / n - (s / n) * (s / n), 1e-12));
        return new InputNormalization(mean, std);
    }

    /** Returns the mean subtracted. */
    public float mean() {
        return mean;
    }

    /** Returns the standard deviation divided by. */
    public float std() {
        return std;
    }

    /**
     * Standardises {@code x[off, off + len)} in place (nothing to do for the identity).
     *
     * @param x values
     * @param off first index
     * @param len number of values
     */
    public void apply(float[] x, int off, int len) {
        if (mean == 0f && std == 1f) {
            return;
        }
        float inv = 1f / std;
        for (int k = off; k < off + len; k++) {
            x[k] = (x[k] - mean) * inv;
        }
    }
}
