package org.audiotag.train;

import java.util.Objects;

/**
 * A time-major feature matrix of one clip: {@code frames} rows of {@code bins} values, element (frame t, bin b) at
 * {@code data[t * bins + b]}. This is the transpose of librosa's (bin, frame) layout and the
 * (height = time, width = bin, channels = 1) order of an NHWC network input, so a time crop is one contiguous
 * slice. For a log-mel spectrogram the bins are mel bands and the values dB.
 *
 * @param frames number of frames (≥ 0)
 * @param bins values per frame (≥ 1)
 * @param data {@code frames * bins} values, not copied
 */
public record Features(int frames, int bins, float[] data) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if {@code data.length != frames * bins} or a dimension is out of range
     */
    public Features {
        Objects.requireNonNull(data, "data");
        if (frames < 0 || bins < 1) {
            throw new IllegalArgumentException("frames " + frames + " must be ≥ 0 and bins " + bins + " ≥ 1");
        }
        if ((long) frames * bins != data.length) {
            throw new IllegalArgumentException("data: length " + data.length + " is not frames × bins = " + frames
                    + " × " + bins);
        }
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
        if ((long) bins * frames != binMajor.length) {
            throw new IllegalArgumentException("binMajor: length " + binMajor.length + " is not " + bins + " × "
                    + frames);
        }
        float[] out = new float[binMajor.length];
        for (int b = 0; b < bins; b++) {
            for (int t = 0; t < frames; t++) {
                out[t * bins + b] = binMajor[b * frames + t];
            }
        }
        return new Features(frames, bins, out);
    }

    /**
     * @param t frame
     * @param b bin
     * @return the value at (t, b)
     */
    public float get(int t, int b) {
        return data[t * bins + b];
    }
}
