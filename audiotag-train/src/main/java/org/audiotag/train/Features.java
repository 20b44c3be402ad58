package org.audiotag.train;

import java.util.Objects;
import org.audiotag.features.TimeMajorFeatures;

/**
 * A time-major feature matrix of one clip: {@code frames} rows of {@code bins} values, element (frame t, bin b) at
 * {@code data[t * bins + b]}.
 *
 * @param frames number of frames (≥ 0)
 * @param bins values per frame (≥ 1)
 * @param data {@code frames * bins} values, not copied
 * @deprecated moved to audiotag-features as {@link TimeMajorFeatures} (a record cannot be aliased by a subtype, so
 *     methods that now return {@code TimeMajorFeatures} cannot return this type; convert with {@link #toTimeMajor()}
 *     and {@link #of(TimeMajorFeatures)}); will be removed in the next release
 */
@Deprecated(forRemoval = true)
public record Features(int frames, int bins, float[] data) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if {@code data.length != frames * bins} or a dimension is out of range
     */
    public Features {
        Objects.requireNonNull(data, "data");
        new TimeMajorFeatures(frames, bins, data);
    }

    /**
     * Builds time-major features from a librosa-layout matrix (bin, frame), row-major.
     *
     * @param bins number of rows (e.g. {@code n_mels})
     * @param frames number of columns
     * @param binMajor element (b, t) at {@code b * frames + t}
     * @return the transposed features
     */
    public static Features fromBinMajor(int bins, int frames, float[] binMajor) {
        return of(TimeMajorFeatures.fromBinMajor(bins, frames, binMajor));
    }

    /**
     * Wraps time-major features of audiotag-features in this deprecated type.
     *
     * @param f time-major features of audiotag-features
     * @return the same values (not copied)
     */
    public static Features of(TimeMajorFeatures f) {
        return new Features(f.frames(), f.bins(), f.data());
    }

    /** Returns the same values as audiotag-features' {@link TimeMajorFeatures} (the array is not copied). */
    public TimeMajorFeatures toTimeMajor() {
        return new TimeMajorFeatures(frames, bins, data);
    }

    /**
     * Returns the value of frame {@code t}, bin {@code b}: {@code data[t * bins + b]}.
     *
     * @param t frame, in {@code [0, frames)}
     * @param b bin, in {@code [0, bins)}
     * @return the value
     */
    public float get(int t, int b) {
        return data[t * bins + b];
    }
}
