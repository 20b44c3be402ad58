package org.audiotag.features;

import java.util.Objects;

/**
 * The features of one clip in time-major layout: {@code frames} rows of {@code bins} values, element (frame t, bin b)
 * at {@code data[t * bins + b]}. This is the transpose of librosa's (bin, frame) layout of a {@link FeatureMatrix}
 * spectrogram, and the (height = time, width = bin, channels = 1) order of an NHWC network input, so a time crop is
 * one contiguous slice. For a log-mel spectrogram the bins are mel bands and the values dB; for a waveform there is
 * one bin per frame and a frame is a sample.
 *
 * <p>The layout is carried by the type: model entry points that need time-major input take this record, so a
 * (mel, frame) matrix cannot be fed by mistake even when both axes have the same length (128 x 128). Conversions
 * from a {@link FeatureMatrix} name the layout they assume: {@link #fromBinMajor(FeatureMatrix)} for librosa's
 * (bin, frame), {@link #fromTimeMajor(FeatureMatrix)} for the (frame, bin) sequence layout, or
 * {@link #of(FeatureConfig.Kind, FeatureMatrix)} for what a {@link FeatureExtractor} of that kind returns.
 *
 * <p>Given an {@code AudioClip clip} at 44.1 kHz:
 * {@snippet :
 * FeatureExtractor extractor = FeatureExtractor.of(FeatureConfig.pipelineA());
 * FeatureMatrix melByFrame = extractor.logMel(clip.samples());          // librosa layout (128 mels, frames)
 * TimeMajorFeatures x = TimeMajorFeatures.fromBinMajor(melByFrame);    // (frames, 128 mels)
 * float v = x.get(10, 3);                      // frame 10, mel band 3: data()[10 * 128 + 3]
 * FeatureMatrix back = x.toBinMajor();         // equals(melByFrame)
 * TimeMajorFeatures wave = TimeMajorFeatures.of(FeatureConfig.Kind.RAW_WAVEFORM,
 *         FeatureExtractor.of(FeatureConfig.rawWaveform()).extract(clip));   // 88200 frames of 1 bin
 * }
 *
 * @param frames number of frames (&gt;= 0)
 * @param bins values per frame (&gt;= 1)
 * @param data {@code frames * bins} values, not copied
 */
public record TimeMajorFeatures(int frames, int bins, float[] data) {

    /**
     * Creates time-major features after checking the shape; the array is not copied.
     *
     * @throws IllegalArgumentException if {@code data.length != frames * bins} or a dimension is out of range
     */
    public TimeMajorFeatures {
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
     * Builds time-major features from values in librosa's layout (bin, frame), row-major.
     *
     * @param bins number of rows (e.g. {@code n_mels})
     * @param frames number of columns
     * @param binMajor element (b, t) at {@code b * frames + t}
     * @return the transposed features (a new array)
     * @throws IllegalArgumentException if the length is not {@code bins * frames}
     */
    public static TimeMajorFeatures fromBinMajor(int bins, int frames, float[] binMajor) {
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
        return new TimeMajorFeatures(frames, bins, out);
    }

    /**
     * Converts a spectrogram-like matrix in librosa's layout, {@code (bins, frames)} (e.g. {@link
     * FeatureExtractor#logMel(float[])}, {@link MelSpectrogram#compute(float[])} or a {@link
     * FeatureConfig.Kind#LOG_MEL_IMAGE} extraction), by transposing it.
     *
     * @param binsByFrames rows = bins, columns = frames
     * @return the time-major features (a new array)
     */
    public static TimeMajorFeatures fromBinMajor(FeatureMatrix binsByFrames) {
        Objects.requireNonNull(binsByFrames, "binsByFrames");
        return fromBinMajor(binsByFrames.rows(), binsByFrames.cols(), binsByFrames.raw());
    }

    /**
     * Wraps a matrix that is already time-major, {@code (frames, bins)} (e.g. a {@link
     * FeatureConfig.Kind#LOG_MEL_SEQUENCE} extraction or {@link FeatureMatrix#transpose()} of a spectrogram).
     *
     * @param framesByBins rows = frames, columns = bins (at least one column)
     * @return the time-major features (a copy of the values)
     * @throws IllegalArgumentException if the matrix has no column
     */
    public static TimeMajorFeatures fromTimeMajor(FeatureMatrix framesByBins) {
        Objects.requireNonNull(framesByBins, "framesByBins");
        return new TimeMajorFeatures(framesByBins.rows(), framesByBins.cols(), framesByBins.toArray());
    }

    /**
     * Converts what a {@link FeatureExtractor} of the given kind returned: a {@code LOG_MEL_IMAGE} matrix is
     * {@code (n_mels, frames)} and is transposed, a {@code LOG_MEL_SEQUENCE} matrix is {@code (frames, n_mels)} and
     * is kept, a {@code RAW_WAVEFORM} matrix {@code (1, n_samples)} becomes {@code n_samples} frames of one bin.
     *
     * @param kind the kind of the extractor's {@link FeatureConfig}
     * @param extracted its output
     * @return the time-major features (a new array)
     * @throws IllegalArgumentException if a waveform matrix has more than one row
     */
    public static TimeMajorFeatures of(FeatureConfig.Kind kind, FeatureMatrix extracted) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(extracted, "extracted");
        switch (kind) {
            case LOG_MEL_IMAGE:
                return fromBinMajor(extracted);
            case LOG_MEL_SEQUENCE:
                return fromTimeMajor(extracted);
            default:
                if (extracted.rows() != 1) {
                    throw new IllegalArgumentException("extracted: a raw_waveform matrix has 1 row, got "
                            + extracted.rows() + " x " + extracted.cols());
                }
                return new TimeMajorFeatures(extracted.cols(), 1, extracted.toArray());
        }
    }

    /**
     * Returns the value of bin {@code b} in frame {@code t}, {@code data[t * bins + b]}.
     *
     * @param t frame, {@code 0 <= t < frames}
     * @param b bin, {@code 0 <= b < bins}
     * @return the value at (t, b)
     */
    public float get(int t, int b) {
        return data[t * bins + b];
    }

    /**
     * Returns the same values in librosa's {@code (bins, frames)} layout, e.g. for a spectrogram image.
     *
     * @return a new {@code (bins, frames)} matrix
     */
    public FeatureMatrix toBinMajor() {
        float[] out = new float[data.length];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                out[b * frames + t] = data[t * bins + b];
            }
        }
        return new FeatureMatrix(bins, frames, out, true);
    }

    /**
     * Returns a short description of the shape, e.g. {@code TimeMajorFeatures[frames=319, bins=128]}.
     *
     * @return the description (without the values)
     */
    @Override
    public String toString() {
        return "TimeMajorFeatures[frames=" + frames + ", bins=" + bins + "]";
    }
}
