package org.audiotag.models.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a stream of samples into windows of {@code W} samples every {@code hop} samples and scores each as soon as it is
 * complete, keeping one window of samples (and the previous window, to reuse its scores when the samples are
 * identical, e.g. digital silence); at the end of the stream the windows that reach past it are zero-padded, as many
 * as needed for the windows to cover every sample ({@code max(1, ceil((n − W) / hop) + 1)} windows in all for
 * {@code n > 0} samples, none for an empty stream). The offline detector and the streaming tagger both feed it, so the
 * windows are the same whatever the chunking. Not part of the API.
 */
public final class WindowFeed {

    /** Scores one window. */
    @FunctionalInterface
    public interface Scorer {
        /**
         * Returns the probabilities of one window.
         *
         * @param window {@code W} samples (not kept)
         * @return one probability per tag
         */
        float[] score(float[] window);
    }

    /** Receives each window's probabilities. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes window {@code index}'s probabilities.
         *
         * @param index window index, from 0
         * @param scores one probability per tag
         */
        void accept(long index, float[] scores);
    }

    private final int window;
    private final int hop;
    private final Scorer scorer;
    private final Sink sink;
    private final float[] buf;
    private final float[] previous;
    private float[] previousScores;
    private int filled;
    private long windows;
    private long samples;
    private boolean finished;

    /**
     * Creates the feed.
     *
     * @param windowSamples samples per window, ≥ 1
     * @param hopSamples samples between window starts, in [1, windowSamples]
     * @param scorer scores a window
     * @param sink receives the scores, window by window
     */
    public WindowFeed(int windowSamples, int hopSamples, Scorer scorer, Sink sink) {
        if (windowSamples < 1 || hopSamples < 1 || hopSamples > windowSamples) {
            throw new IllegalArgumentException("window " + windowSamples + ", hop " + hopSamples
                    + ": need 1 <= hop <= window");
        }
        this.window = windowSamples;
        this.hop = hopSamples;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.buf = new float[windowSamples];
        this.previous = new float[windowSamples];
    }

    /**
     * Takes the next samples, scoring every window they complete.
     *
     * @param x samples
     * @param off first
     * @param len count
     */
    public void push(float[] x, int off, int len) {
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        int p = off;
        int end = off + len;
        while (p < end) {
            int n = Math.min(end - p, window - filled);
            System.arraycopy(x, p, buf, filled, n);
            filled += n;
            p += n;
            samples += n;
            if (filled == window) {
                emit();
                System.arraycopy(buf, hop, buf, 0, window - hop);
                filled = window - hop;
            }
        }
    }

    /** Ends the stream: scores the zero-padded windows that reach past its end. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (samples == 0) {
            return;
        }
        long total = samples <= window ? 1 : 1 + Math.floorDiv(samples - window + hop - 1, hop);
        while (windows < total) {
            Arrays.fill(buf, Math.max(0, filled), window, 0f);
            emit();
            System.arraycopy(buf, hop, buf, 0, window - hop);
            filled -= hop;
        }
    }

    /**
     * Returns the samples received.
     *
     * @return samples
     */
    public long samples() {
        return samples;
    }

    /**
     * Returns the windows scored.
     *
     * @return windows
     */
    public long windows() {
        return windows;
    }

    private void emit() {
        float[] s;
        if (previousScores != null && Arrays.equals(buf, previous)) {
            s = previousScores.clone();
        } else {
            s = scorer.score(buf.clone());
            System.arraycopy(buf, 0, previous, 0, window);
            previousScores = s.clone();
        }
        sink.accept(windows++, s);
    }
}
