package org.audiotag.models;

import java.util.Objects;
import java.util.function.Consumer;
import org.audiotag.features.Resampler;
import org.audiotag.features.StreamingResampler;
import org.audiotag.models.internal.EventTracker;
import org.audiotag.models.internal.WindowFeed;

/**
 * Detects sound events in a live stream, chunk by chunk, reporting each event to a listener as soon as it is final:
 * the same events, in the same order, as {@link EventDetector#detect(float[], int)} gives for the whole stream at
 * once, whatever the sizes of the chunks (windows, timing, smoothing and thresholds as {@link EventDetector}
 * documents).
 *
 * <p>Memory is constant, whatever the stream's length: one window of samples and the previous one (a window identical
 * to the previous one, e.g. digital silence, reuses its probabilities instead of being scored again), the median
 * filter's {@code medianFrames} windows of probabilities, the open and merge-pending events (at most two per tag), and
 * for a stream whose rate differs from the model's the resampling filter's reach ({@link StreamingResampler}: exactly
 * the samples of {@link Resampler#resample(float[], int, int, org.audiotag.features.ResampleType)} with kaiser_best,
 * so the events equal the offline ones there too). Each call returns after the windows its samples complete are
 * scored, in the calling thread.
 *
 * <p>Latency: an event is reported once the audio up to {@link EventDetector#reportDelaySeconds()} past its reported
 * offset has arrived (2.125 s with the defaults and a 2-s window: less than one window plus one hop), or by
 * {@link #finish()} at the end of the stream, which closes the events still open at the stream's end.
 *
 * <p>Bytes ({@link #accept(byte[], int, int)}) are interleaved frames of {@code channels} samples in a
 * {@link PcmEncoding}, averaged to mono ({@code librosa.to_mono}); a frame split across two calls is joined; bytes
 * of an incomplete last frame at {@link #finish()} are dropped and counted ({@link #droppedBytes()}). Not
 * thread-safe: one stream per instance, fed from one thread. Does not own the detector's {@link Tagger}.
 *
 * {@snippet :
 * try (Tagger tagger = Tagger.load(modelDir)) {
 *     EventDetector detector = EventDetector.of(tagger, DetectionConfig.defaults());
 *     StreamingTagger live = StreamingTagger.ofPcm(detector, 48000, PcmEncoding.S16LE, 2,
 *             e -> System.out.printf("%.3f\t%.3f\t%s%n", e.onset(), e.offset(), e.label()));
 *     byte[] buf = new byte[4096];
 *     for (int n; (n = in.read(buf)) > 0; ) {
 *         live.accept(buf, 0, n);          // events are printed as they close
 *     }
 *     live.finish();                       // closes the events still open
 * }
 * }
 */
public final class StreamingTagger {

    private final EventDetector detector;
    private final int sampleRate;
    private final PcmEncoding encoding;
    private final int channels;
    private final StreamingResampler resampler;
    private final WindowFeed feed;
    private final EventTracker tracker;
    /** Bytes of an incomplete frame carried to the next call. */
    private final byte[] carry;
    private int carryLen;
    private long samplesIn;
    private long droppedBytes;
    private boolean finished;

    private StreamingTagger(EventDetector detector, int sampleRate, PcmEncoding encoding, int channels,
            Consumer<DetectedEvent> listener) {
        this.detector = Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(listener, "listener");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: " + sampleRate + " must be > 0");
        }
        if (channels < 1 || channels > 255) {
            throw new IllegalArgumentException("channels: " + channels + " must be in [1, 255]");
        }
        this.sampleRate = sampleRate;
        this.encoding = encoding;
        this.channels = channels;
        this.resampler = sampleRate == detector.sampleRate() ? null
                : new StreamingResampler(sampleRate, detector.sampleRate(), Resampler.DEFAULT_TYPE);
        this.tracker = detector.tracker(listener);
        this.feed = detector.feed((k, s) -> tracker.push(s));
        this.carry = new byte[encoding == null ? 0 : encoding.bytesPerSample() * channels];
    }

    /**
     * Creates a streaming tagger fed mono float samples ({@link #accept(float[], int, int)}).
     *
     * @param detector the model and detection settings
     * @param sampleRate the stream's rate in Hz (resampled to the model's when it differs)
     * @param listener receives each event once it is final, in the calling thread
     * @return the tagger
     * @throws IllegalArgumentException for a rate the resampler cannot convert to the model's
     */
    public static StreamingTagger ofSamples(EventDetector detector, int sampleRate,
            Consumer<DetectedEvent> listener) {
        return new StreamingTagger(detector, sampleRate, null, 1, listener);
    }

    /**
     * Creates a streaming tagger fed raw PCM bytes ({@link #accept(byte[], int, int)}); float samples may be fed too.
     *
     * @param detector the model and detection settings
     * @param sampleRate the stream's rate in Hz (resampled to the model's when it differs)
     * @param encoding the sample encoding
     * @param channels interleaved channels per frame, in [1, 255]
     * @param listener receives each event once it is final, in the calling thread
     * @return the tagger
     * @throws IllegalArgumentException for a bad channel count or a rate the resampler cannot convert
     */
    public static StreamingTagger ofPcm(EventDetector detector, int sampleRate, PcmEncoding encoding, int channels,
            Consumer<DetectedEvent> listener) {
        return new StreamingTagger(detector, sampleRate, Objects.requireNonNull(encoding, "encoding"), channels,
                listener);
    }

    /**
     * Takes the next mono samples.
     *
     * @param samples mono audio at the stream's rate, in [-1, 1]
     * @param off first sample to take
     * @param len number of samples
     * @throws IllegalArgumentException for a non-finite sample (naming its position in the stream)
     * @throws IllegalStateException after {@link #finish()}
     */
    public void accept(float[] samples, int off, int len) {
        Objects.requireNonNull(samples, "samples");
        Objects.checkFromIndexSize(off, len, samples.length);
        checkOpen();
        for (int i = off; i < off + len; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples: value " + samples[i] + " at stream sample "
                        + (samplesIn + i - off) + " is not finite");
            }
        }
        samplesIn += len;
        if (resampler == null) {
            feed.push(samples, off, len);
        } else {
            float[] y = resampler.push(samples, off, len);
            feed.push(y, 0, y.length);
        }
    }

    /**
     * Takes the next raw PCM bytes: interleaved frames in the encoding and channel count given at creation, averaged
     * to mono; a frame split across calls is joined.
     *
     * @param pcm the bytes
     * @param off first byte to take
     * @param len number of bytes, any (not necessarily whole frames)
     * @throws IllegalArgumentException for a non-finite float sample (naming its frame in the stream)
     * @throws IllegalStateException if this tagger was made by {@link #ofSamples}, or after {@link #finish()}
     */
    public void accept(byte[] pcm, int off, int len) {
        Objects.requireNonNull(pcm, "pcm");
        Objects.checkFromIndexSize(off, len, pcm.length);
        checkOpen();
        if (encoding == null) {
            throw new IllegalStateException("bytes: this streaming tagger takes float samples (made by ofSamples); "
                    + "use ofPcm for raw PCM");
        }
        int frame = carry.length;
        int p = off;
        int end = off + len;
        if (carryLen > 0) {
            int n = Math.min(frame - carryLen, end - p);
            System.arraycopy(pcm, p, carry, carryLen, n);
            carryLen += n;
            p += n;
            if (carryLen < frame) {
                return;
            }
            accept(new float[] {mono(carry, 0, samplesIn)}, 0, 1);
            carryLen = 0;
        }
        int frames = (end - p) / frame;
        float[] y = new float[frames];
        for (int i = 0; i < frames; i++) {
            y[i] = mono(pcm, p + i * frame, samplesIn + i);
        }
        p += frames * frame;
        System.arraycopy(pcm, p, carry, 0, end - p);
        carryLen = end - p;
        accept(y, 0, frames);
    }

    /**
     * Ends the stream: scores the windows that reach past its end (zero-padded), reports every event still open (it
     * ends at the stream's end) or waiting for a merge, and drops the bytes of an incomplete last PCM frame. Calling
     * it again does nothing.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        droppedBytes = carryLen;
        carryLen = 0;
        if (resampler != null) {
            float[] y = resampler.finish();
            feed.push(y, 0, y.length);
        }
        feed.finish();
        tracker.finish((double) feed.samples() / detector.sampleRate());
    }

    /**
     * Returns the bytes of an incomplete last frame that {@link #finish()} dropped (a stream cut in the middle of a
     * sample or frame).
     *
     * @return bytes, 0 if the stream ended on a frame boundary
     */
    public long droppedBytes() {
        return droppedBytes;
    }

    /**
     * Returns the stream's rate.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the mono samples received so far, at the stream's rate.
     *
     * @return samples
     */
    public long samplesReceived() {
        return samplesIn;
    }

    /**
     * Returns the stream time received so far.
     *
     * @return seconds
     */
    public double secondsReceived() {
        return (double) samplesIn / sampleRate;
    }

    /**
     * Returns the windows scored so far (including windows whose identical samples let the previous probabilities be
     * reused).
     *
     * @return windows
     */
    public long windowsScored() {
        return feed.windows();
    }

    /**
     * Returns whether the stream is resampled to the model's rate.
     *
     * @return true if the stream's rate differs from {@link EventDetector#sampleRate()}
     */
    public boolean resampling() {
        return resampler != null;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
    }

    /** The mean of one interleaved frame's channels; {@code index} is the frame's position in the stream. */
    private float mono(byte[] b, int at, long index) {
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            int i = at + c * encoding.bytesPerSample();
            float v;
            if (encoding == PcmEncoding.S16LE) {
                v = (short) ((b[i] & 0xff) | (b[i + 1] << 8)) / 32768f;
            } else {
                v = Float.intBitsToFloat((b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16
                        | (b[i + 3] & 0xff) << 24);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("pcm: sample " + v + " in frame " + index
                            + " (channel " + c + ") is not finite");
                }
            }
            sum += v;
        }
        return channels == 1 ? (float) sum : (float) (sum / channels);
    }
}
