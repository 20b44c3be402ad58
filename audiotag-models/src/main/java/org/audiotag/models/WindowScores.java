package org.audiotag.models;

import java.util.List;
import java.util.Objects;

/**
 * The window probabilities of one recording as {@link EventDetector#windowScores} computes them, before any
 * smoothing: window {@code k} covers samples {@code [k·hop, k·hop + W)} at the model's rate (the last windows
 * zero-padded past the end) and its probabilities are those of {@link Tagger#scores(float[], int)} on those
 * {@code W} samples. Keeping them lets {@link EventDetector#events(WindowScores)} try several {@link DetectionConfig}s
 * of the same hop without scoring again. Immutable.
 */
public final class WindowScores {

    private final List<String> tags;
    private final int sampleRate;
    private final int windowSamples;
    private final int hopSamples;
    private final long samples;
    private final float[][] scores;

    WindowScores(List<String> tags, int sampleRate, int windowSamples, int hopSamples, long samples,
            List<float[]> scores) {
        this.tags = List.copyOf(tags);
        this.sampleRate = sampleRate;
        this.windowSamples = windowSamples;
        this.hopSamples = hopSamples;
        this.samples = samples;
        this.scores = scores.toArray(new float[0][]);
    }

    /**
     * Returns the tag names, in the order of each window's probabilities.
     *
     * @return the tags
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Returns the number of windows.
     *
     * @return windows, 0 for an empty recording
     */
    public int frames() {
        return scores.length;
    }

    /**
     * Returns one window's probabilities.
     *
     * @param frame window index, in [0, frames)
     * @return a copy, one probability per tag
     */
    public float[] scores(int frame) {
        Objects.checkIndex(frame, scores.length);
        return scores[frame].clone();
    }

    /**
     * Returns the model's sample rate, the unit of the window positions.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the window length.
     *
     * @return samples at {@link #sampleRate()}
     */
    public int windowSamples() {
        return windowSamples;
    }

    /**
     * Returns the step between windows.
     *
     * @return samples at {@link #sampleRate()}
     */
    public int hopSamples() {
        return hopSamples;
    }

    /**
     * Returns the recording's length.
     *
     * @return seconds
     */
    public double durationSeconds() {
        return (double) samples / sampleRate;
    }

    /**
     * Returns the centre of a window, the time its probabilities stand for.
     *
     * @param frame window index
     * @return {@code (frame·hop + W/2) / sampleRate}, seconds
     */
    public double centreSeconds(int frame) {
        return (frame * (double) hopSamples + windowSamples / 2.0) / sampleRate;
    }

    long samples() {
        return samples;
    }
}
