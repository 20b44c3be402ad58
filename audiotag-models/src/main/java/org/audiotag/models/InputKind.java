package org.audiotag.models;

/**
 * Names the kind of features an architecture consumes, so that training code can pick the matching feature
 * extractor.
 * Shapes exclude the batch axis and are row-major float arrays, one example after the other, always <b>time-major</b>
 * (the layout of {@code org.audiotag.features.TimeMajorFeatures}).
 *
 * <p>Mapping from the original PyTorch layouts (docs/ORIGINAL-PROJECT.md §1.3, §1.4): a log-mel "image"
 * {@code (N, 1, T, F)} becomes {@code (N, T, F, 1)} here (channels last; height = time, width = mel); an MCNN/GRU
 * sequence {@code (N, T, F)} stays {@code (N, T, F)}; a waveform {@code (N, 1, S)} becomes {@code (N, S)}. A librosa
 * mel matrix is {@code (n_mels, frames)}: transpose it to (frame, mel) before feeding ({@code
 * TimeMajorFeatures.fromBinMajor}), so element {@code (t, f)} sits at {@code t * nMels + f}.
 */
public enum InputKind {
    /** Pipeline A log-mel (power_to_db, top_db 80) as an image {@code (T = 128, F = 128, 1)}, time-major. */
    LOG_MEL_IMAGE(new int[] {128, 128, 1}),
    /** The same log-mel as a sequence {@code (T, F = 128)}, time-major (MCNN, GRU). */
    MEL_SEQUENCE(new int[] {128, 128}),
    /** Raw waveform {@code (S = 88200)} samples in [-1, 1] at 44.1 kHz (pipeline B, 2 s). */
    RAW_WAVEFORM(new int[] {88200});

    private final int[] defaultShape;

    InputKind(int[] defaultShape) {
        this.defaultShape = defaultShape;
    }

    /**
     * Returns the per-example shape of the original project, time axis first, without the batch axis.
     *
     * @return a copy of the shape
     */
    public int[] defaultShape() {
        return defaultShape.clone();
    }

    /**
     * Returns the per-example rank, without the batch axis.
     *
     * @return 3, 2 or 1
     */
    public int rank() {
        return defaultShape.length;
    }
}
