package org.audiotag.models.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.audiotag.models.DetectedEvent;

/**
 * Turns a sequence of window probabilities into events, one window at a time, with constant memory: per-tag median
 * filter (ends padded with the first and last window's value), hysteresis, gap merging and the minimum duration, and
 * the mapping of windows to seconds. The offline detector and the streaming tagger both feed it, so that the same
 * window probabilities give the same events whatever the chunking. Not part of the API.
 *
 * <p>Time: window {@code k} covers samples {@code [k·hop, k·hop + W)} and stands for the interval of one hop around its
 * centre, {@code [k·hop + W/2 − hop/2, k·hop + W/2 + hop/2)} (seconds = samples / rate); the first window's interval
 * starts at 0 and an event still open at the end of the stream ends at the stream's end. An event of windows
 * {@code a..b} therefore spans {@code [a·hop + W/2 − hop/2, b·hop + W/2 + hop/2)}.
 */
public final class EventTracker {

    /** Slack for comparisons of durations computed from sample counts. */
    private static final double EPS = 1e-9;

    private final List<String> labels;
    private final double[] onset;
    private final double[] offset;
    private final int radius;
    private final double minDuration;
    private final long gapFrames;
    private final boolean oneTagAtATime;
    private final long hop;
    private final long window;
    private final int rate;
    private final Consumer<DetectedEvent> out;

    /** The last {@code 2·radius + 1} raw frames, oldest first (ring). */
    private final float[][] ring;
    private int ringStart;
    private int ringSize;
    private float[] lastRaw;
    /** Raw frames received. */
    private long rawFrames;
    /** Smoothed frames processed. */
    private long frames;

    private final boolean[] active;
    private final long[] start;
    private final long[] last;
    private final double[] conf;
    private final boolean[] pending;
    private final long[] pendStart;
    private final long[] pendEnd;
    private final double[] pendConf;
    private final float[] medianScratch;
    /** The current window's filtered probabilities, one per tag. */
    private final float[] smoothed;
    private boolean finished;

    /**
     * Creates the tracker.
     *
     * @param labels the tags, in the order of each frame's probabilities
     * @param onset per tag, the onset threshold
     * @param offset per tag, the offset threshold (≤ onset)
     * @param medianFrames odd median-filter length
     * @param minDurationSeconds shortest event kept
     * @param maxGapSeconds longest gap merged
     * @param oneTagAtATime whether only the tag with the largest filtered probability of a window keeps it (the first
     *     in tag order on a tie; the others count as 0)
     * @param hopSamples samples between windows
     * @param windowSamples samples per window (≥ hop)
     * @param sampleRate samples per second
     * @param out receives each event once it is final
     */
    public EventTracker(List<String> labels, double[] onset, double[] offset, int medianFrames,
            double minDurationSeconds, double maxGapSeconds, boolean oneTagAtATime, long hopSamples,
            long windowSamples, int sampleRate, Consumer<DetectedEvent> out) {
        int n = labels.size();
        this.labels = List.copyOf(labels);
        this.onset = onset.clone();
        this.offset = offset.clone();
        this.radius = medianFrames / 2;
        this.minDuration = minDurationSeconds;
        this.gapFrames = (long) Math.floor(maxGapSeconds * sampleRate / hopSamples + EPS);
        this.oneTagAtATime = oneTagAtATime;
        this.hop = hopSamples;
        this.window = windowSamples;
        this.rate = sampleRate;
        this.out = out;
        this.ring = new float[2 * radius + 1][];
        this.active = new boolean[n];
        this.start = new long[n];
        this.last = new long[n];
        this.conf = new double[n];
        this.pending = new boolean[n];
        this.pendStart = new long[n];
        this.pendEnd = new long[n];
        this.pendConf = new double[n];
        this.medianScratch = new float[2 * radius + 1];
        this.smoothed = new float[n];
    }

    /**
     * Returns the start of window {@code k}'s interval: 0 for the first window, else the centre minus half a hop.
     *
     * @param k window index
     * @param hopSamples samples between windows
     * @param windowSamples samples per window
     * @param sampleRate samples per second
     * @return seconds
     */
    public static double onsetSeconds(long k, long hopSamples, long windowSamples, int sampleRate) {
        return k == 0 ? 0.0 : (k * hopSamples + windowSamples / 2.0 - hopSamples / 2.0) / sampleRate;
    }

    /**
     * Returns the end of window {@code k}'s interval, its centre plus half a hop.
     *
     * @param k window index
     * @param hopSamples samples between windows
     * @param windowSamples samples per window
     * @param sampleRate samples per second
     * @return seconds
     */
    public static double offsetSeconds(long k, long hopSamples, long windowSamples, int sampleRate) {
        return (k * hopSamples + windowSamples / 2.0 + hopSamples / 2.0) / sampleRate;
    }

    /**
     * Takes the probabilities of the next window.
     *
     * @param raw one probability per tag (not kept)
     */
    public void push(float[] raw) {
        if (finished) {
            throw new IllegalStateException("the tracker is finished");
        }
        float[] copy = raw.clone();
        if (rawFrames == 0) {
            for (int i = 0; i < radius; i++) {
                add(copy); // the start padded with the first window's value
            }
        }
        rawFrames++;
        lastRaw = copy;
        add(copy);
    }

    /**
     * Ends the stream: filters the last windows (padded with the last window's value) and reports every event still
     * open or waiting for a possible merge, an open event ending at the stream's end.
     *
     * @param durationSeconds the stream's length, seconds
     */
    public void finish(double durationSeconds) {
        if (finished) {
            return;
        }
        finished = true;
        if (rawFrames == 0) {
            return;
        }
        for (int i = 0; i < radius; i++) {
            add(lastRaw);
        }
        for (int c = 0; c < labels.size(); c++) {
            if (active[c]) {
                emit(c, start[c], durationSeconds, conf[c]);
                active[c] = false;
            } else if (pending[c]) {
                emit(c, pendStart[c], offsetSeconds(pendEnd[c], hop, window, rate), pendConf[c]);
                pending[c] = false;
            }
        }
    }

    /**
     * Returns the number of windows whose filtered probabilities have been processed.
     *
     * @return windows
     */
    public long framesProcessed() {
        return frames;
    }

    private void add(float[] f) {
        int cap = ring.length;
        if (ringSize < cap) {
            ring[(ringStart + ringSize) % cap] = f;
            ringSize++;
        } else {
            ring[ringStart] = f;
            ringStart = (ringStart + 1) % cap;
        }
        if (ringSize == cap) {
            step(frames++);
        }
    }

    /** Processes smoothed window {@code j}, the median of the ring. */
    private void step(long j) {
        int cap = ring.length;
        int best = 0;
        for (int c = 0; c < labels.size(); c++) {
            for (int i = 0; i < cap; i++) {
                medianScratch[i] = ring[(ringStart + i) % cap][c];
            }
            if (cap == 1) {
                smoothed[c] = medianScratch[0];
            } else {
                Arrays.sort(medianScratch);
                smoothed[c] = medianScratch[radius];
            }
            if (smoothed[c] > smoothed[best]) {
                best = c;
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            update(c, j, oneTagAtATime && c != best ? 0f : smoothed[c]);
        }
    }

    private void update(int c, long j, float v) {
        if (active[c]) {
            if (v >= offset[c]) {
                last[c] = j;
                conf[c] = Math.max(conf[c], v);
            } else {
                active[c] = false;
                pending[c] = true;
                pendStart[c] = start[c];
                pendEnd[c] = last[c];
                pendConf[c] = conf[c];
            }
        } else if (v >= onset[c]) {
            active[c] = true;
            last[c] = j;
            if (pending[c]) { // within the gap (else it was reported already): merge
                start[c] = pendStart[c];
                conf[c] = Math.max(pendConf[c], v);
                pending[c] = false;
            } else {
                start[c] = j;
                conf[c] = v;
            }
        }
        // a later onset at j + 1 or after would leave a gap of more than gapFrames windows: report now
        if (pending[c] && j - pendEnd[c] > gapFrames) {
            emit(c, pendStart[c], offsetSeconds(pendEnd[c], hop, window, rate), pendConf[c]);
            pending[c] = false;
        }
    }

    private void emit(int c, long firstFrame, double end, double confidence) {
        double begin = onsetSeconds(firstFrame, hop, window, rate);
        if (end - begin + EPS >= minDuration && end > begin) {
            out.accept(new DetectedEvent(begin, end, labels.get(c), Math.min(1.0, Math.max(0.0, confidence))));
        }
    }
}
