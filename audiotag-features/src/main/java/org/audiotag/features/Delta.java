package org.audiotag.features;

import java.util.Locale;
import java.util.Objects;
import org.audiotag.features.internal.Padding;
import org.audiotag.features.internal.SavitzkyGolay;

/**
 * Computes delta features as {@code librosa.feature.delta(data, width, order, axis=-1, mode)}, i.e.
 * {@code scipy.signal.savgol_filter(data, width, polyorder=order, deriv=order, axis=-1, mode=mode)}: the
 * {@code order}-th derivative (per frame) of a local least-squares polynomial fit over {@code width} frames.
 * Applied along the frame axis (columns) of a {@code (features, frames)} matrix, e.g. MFCCs. Immutable and
 * thread-safe.
 *
 * <p>Given an MFCC matrix {@code DoubleMatrix mfcc} of at least 9 frames:
 * {@snippet :
 * DoubleMatrix d1 = Delta.defaults().apply(mfcc);                      // librosa.feature.delta(mfcc)
 * DoubleMatrix d2 = Delta.of(9, 2, Delta.Mode.INTERP).apply(mfcc);     // librosa.feature.delta(mfcc, order=2)
 * // librosa.feature.delta(mfcc, width=5, mode='nearest'): edges repeat the first and last frames
 * DoubleMatrix d5 = Delta.of(5, 1, Delta.Mode.parse("nearest")).apply(mfcc);
 * }
 */
public final class Delta {
    /** Edge handling, as scipy's {@code savgol_filter} {@code mode}. */
    public enum Mode {
        /** Fit a polynomial to the first / last {@code width} frames and evaluate it there (librosa default). */
        INTERP,
        /** Repeat the edge frame (scipy.ndimage {@code nearest}). */
        NEAREST,
        /** Reflect without repeating the edge (scipy.ndimage {@code mirror}). */
        MIRROR,
        /** Reflect repeating the edge, half-sample symmetric (scipy.ndimage {@code reflect}). */
        REFLECT,
        /** Periodic (scipy.ndimage {@code wrap}). */
        WRAP,
        /** Zeros outside (scipy.ndimage {@code constant}, cval 0). */
        CONSTANT;

        /**
         * Parses a scipy {@code savgol_filter} mode name, case-insensitively.
         *
         * @param name {@code interp}, {@code nearest}, {@code mirror}, {@code reflect}, {@code wrap} or
         *     {@code constant}
         * @return the mode
         * @throws IllegalArgumentException listing the allowed names if the name is unknown
         */
        public static Mode parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be one of interp, nearest, mirror, reflect, wrap, "
                        + "constant; got '" + name + "'", e);
            }
        }
    }

    private final int width;
    private final int order;
    private final Mode mode;
    private final double[] interior;

    private Delta(int width, int order, Mode mode) {
        if (width < 3 || width % 2 == 0) {
            throw new IllegalArgumentException("width must be an odd integer >= 3, got " + width);
        }
        if (order < 1) {
            throw new IllegalArgumentException("order must be a positive integer, got " + order);
        }
        if (order >= width) {
            throw new IllegalArgumentException("order=" + order + " must be less than width=" + width);
        }
        this.width = width;
        this.order = order;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.interior = SavitzkyGolay.weights(positions(width), order, order, 0.0);
    }

    /**
     * Returns the delta operator for a window width, derivative order and edge mode.
     *
     * @param width window width in frames, odd, &gt;= 3 (librosa default 9)
     * @param order derivative order, &gt;= 1 and &lt; width (librosa default 1)
     * @param mode edge handling (librosa default {@link Mode#INTERP})
     * @return the delta operator
     * @throws IllegalArgumentException naming {@code width} or {@code order} if out of range
     */
    public static Delta of(int width, int order, Mode mode) {
        return new Delta(width, order, mode);
    }

    /**
     * Returns the delta operator with librosa's defaults: width 9, order 1, mode interp.
     *
     * @return the delta operator
     */
    public static Delta defaults() {
        return new Delta(9, 1, Mode.INTERP);
    }

    /**
     * Applies the filter along the frame axis, row by row.
     *
     * @param data matrix {@code (features, frames)}; with {@link Mode#INTERP} it needs at least {@code width} frames
     * @return the delta matrix, same shape
     * @throws IllegalArgumentException if {@link Mode#INTERP} is used on fewer than {@code width} frames
     */
    public DoubleMatrix apply(DoubleMatrix data) {
        int rows = data.rows();
        int n = data.cols();
        if (mode == Mode.INTERP && width > n) {
            throw new IllegalArgumentException("when mode='interp', width=" + width
                    + " cannot exceed the number of frames " + n);
        }
        if (n == 0) {
            return data;
        }
        double[] in = data.raw();
        double[] out = new double[in.length];
        int half = width / 2;
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            for (int t = 0; t < n; t++) {
                double acc = 0;
                if (t - half >= 0 && t + half < n) {
                    for (int j = 0; j < width; j++) {
                        acc += interior[j] * in[base + t - half + j];
                    }
                } else {
                    for (int j = 0; j < width; j++) {
                        long idx = (long) t - half + j;
                        double v;
                        switch (mode) {
                            case NEAREST:
                                v = in[base + Padding.nearest(idx, n)];
                                break;
                            case MIRROR:
                                v = in[base + Padding.reflect(idx, n)];
                                break;
                            case REFLECT:
                                v = in[base + Padding.symmetric(idx, n)];
                                break;
                            case WRAP:
                                v = in[base + Padding.wrap(idx, n)];
                                break;
                            default:
                                v = idx >= 0 && idx < n ? in[base + (int) idx] : 0.0;
                        }
                        acc += interior[j] * v;
                    }
                }
                out[base + t] = acc;
            }
        }
        if (mode == Mode.INTERP) {
            double[] u = positions(width);
            for (int i = 0; i < half; i++) {
                double[] wStart = SavitzkyGolay.weights(u, order, order, i - half);
                double[] wEnd = SavitzkyGolay.weights(u, order, order, half - i);
                for (int r = 0; r < rows; r++) {
                    int base = r * n;
                    double a = 0;
                    double b = 0;
                    for (int j = 0; j < width; j++) {
                        a += wStart[j] * in[base + j];
                        b += wEnd[j] * in[base + n - width + j];
                    }
                    out[base + i] = a;
                    out[base + n - 1 - i] = b;
                }
            }
        }
        return new DoubleMatrix(rows, n, out, true);
    }

    private static double[] positions(int width) {
        double[] u = new double[width];
        for (int j = 0; j < width; j++) {
            u[j] = j - width / 2;
        }
        return u;
    }

    @Override
    public String toString() {
        return "Delta[width=" + width + ", order=" + order + ", mode=" + mode.name().toLowerCase(Locale.ROOT) + "]";
    }
}
