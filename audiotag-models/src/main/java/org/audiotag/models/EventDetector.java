package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.Resampler;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.models.internal.EventTracker;
import org.audiotag.models.internal.WindowFeed;

/**
 * Finds when each tag's sound happens in a recording (sound event detection) with an exported model: scores windows of
 * the model's input length every {@link DetectionConfig#hopSeconds()}, median-filters each tag's probabilities over
 * successive windows, applies hysteresis thresholds, merges events of one tag separated by a short gap and drops short
 * events ({@link DetectionConfig}).
 *
 * <p><b>Windows and time.</b> Audio is brought to the model's rate ({@link Tagger#sampleRate()}, resampled with
 * kaiser_best). Window {@code k} covers samples {@code [k·hop, k·hop + W)}, where {@code W} is the model's input
 * length in samples ({@link #windowSamples()}: the training clip length when it gives exactly the model's frames,
 * e.g. 88200 samples = 2 s = 128 frames for pipeline A) and {@code hop} is the configured hop rounded to whole samples;
 * its probabilities are {@link Tagger#scores(float[], int)} of those {@code W} samples as a clip of their own. The
 * windows run until one reaches the end (the last ones zero-padded): {@code max(1, ceil((n − W) / hop) + 1)} windows
 * for {@code n} samples. Window {@code k} stands for one hop around its centre, {@code [k·hop + W/2 − hop/2,
 * k·hop + W/2 + hop/2)} in seconds (samples / rate), except that the first window's interval starts at 0 and an event
 * still active at the end of the recording ends at the recording's end. An event of windows {@code a..b} is thus
 * reported from {@code a·hop + W/2 − hop/2} (0 if {@code a = 0}) to {@code b·hop + W/2 + hop/2}. Its
 * {@link DetectedEvent#confidence()} is the largest median-filtered probability of its windows.
 *
 * <p><b>Several models.</b> {@link #of(List, DetectionConfig)} scores each window with every model and takes the mean
 * of their probabilities per tag (an ensemble, e.g. of models trained with other seeds on the same tags: averaging
 * lowers the variance of one model's mistakes, as sound event detection systems commonly do). The models must share
 * their tags (in the same order), sample rate and window length.
 *
 * <p>Events are listed in the order they become final (as {@link StreamingTagger} reports them: by the window at
 * which they end plus the merge gap, then by tag order), which {@link StreamingTagger} gives too, for the same audio,
 * whatever the chunking. The detector does not own the {@link Tagger}: close the tagger after use. Thread-safe as the
 * tagger is.
 *
 * {@snippet :
 * try (Tagger tagger = Tagger.load(modelDir)) {
 *     EventDetector detector = EventDetector.of(tagger, DetectionConfig.defaults());
 *     for (DetectedEvent e : detector.detect(file)) {
 *         System.out.printf("%.3f\t%.3f\t%s%n", e.onset(), e.offset(), e.label());
 *     }
 *     WindowScores raw = detector.windowScores(samples, 48000);   // probabilities before smoothing
 *     List<DetectedEvent> strict = detector.withConfig(DetectionConfig.builder().thresholds(0.8, 0.5).build())
 *             .events(raw);                                        // post-processing only, no new scoring
 * }
 * }
 */
public final class EventDetector {

    private final Tagger tagger;
    private final List<Tagger> taggers;
    private final DetectionConfig config;
    private final int windowSamples;
    private final int hopSamples;
    private final double[] onset;
    private final double[] offset;

    private EventDetector(List<Tagger> taggers, DetectionConfig config) {
        this.taggers = List.copyOf(taggers);
        this.tagger = this.taggers.get(0);
        this.config = config;
        this.windowSamples = windowSamplesOf(tagger.tagging());
        int sr = tagger.sampleRate();
        for (int i = 1; i < this.taggers.size(); i++) {
            String differs = difference(this.taggers.get(i));
            if (differs != null) {
                throw new IncompatibleModelsException(i, differs);
            }
        }
        long hop = Math.round(config.hopSeconds() * sr);
        if (hop < 1 || hop > windowSamples) {
            throw new IllegalArgumentException("hopSeconds: " + config.hopSeconds() + " s is " + hop
                    + " samples at " + sr + " Hz; it must be between 1 sample and the window, " + windowSamples
                    + " samples (" + (double) windowSamples / sr + " s)");
        }
        this.hopSamples = (int) hop;
        List<String> tags = tagger.tags();
        for (String label : config.classThresholds().keySet()) {
            if (!tags.contains(label)) {
                throw new IllegalArgumentException("classThresholds: tag '" + label + "' is not one of the model's "
                        + tags);
            }
        }
        this.onset = new double[tags.size()];
        this.offset = new double[tags.size()];
        for (int c = 0; c < tags.size(); c++) {
            DetectionConfig.Thresholds t = config.thresholds(tags.get(c));
            onset[c] = t.onset();
            offset[c] = t.offset();
        }
    }

    /** What keeps {@code other} from being averaged with the first model (tags, rate, window), or null. */
    private String difference(Tagger other) {
        if (!other.tags().equals(tagger.tags())) {
            return "tags " + other.tags() + " (model 0: " + tagger.tags() + ")";
        }
        if (other.sampleRate() != tagger.sampleRate()) {
            return "sample rate " + other.sampleRate() + " Hz (model 0: " + tagger.sampleRate() + " Hz)";
        }
        int window = windowSamplesOf(other.tagging());
        if (window != windowSamples) {
            return "window of " + window + " samples (model 0: " + windowSamples + ")";
        }
        return null;
    }

    /**
     * Creates a detector on a loaded model.
     *
     * @param tagger the model (not owned: the caller closes it)
     * @param config the detection settings
     * @return the detector
     * @throws IllegalArgumentException if the hop is longer than the model's window or shorter than a sample, or
     *     per-tag thresholds name a tag the model does not have
     */
    public static EventDetector of(Tagger tagger, DetectionConfig config) {
        return new EventDetector(List.of(Objects.requireNonNull(tagger, "tagger")),
                Objects.requireNonNull(config, "config"));
    }

    /**
     * Creates a detector on several loaded models whose probabilities it averages per window (see the class comment).
     *
     * @param taggers the models, at least one (not owned: the caller closes them); they share tags, sample rate and
     *     window length
     * @param config the detection settings
     * @return the detector
     * @throws IncompatibleModelsException if the models differ in tags, rate or window (naming the first that does)
     * @throws IllegalArgumentException if there is no model, or as {@link #of(Tagger, DetectionConfig)}
     */
    public static EventDetector of(List<Tagger> taggers, DetectionConfig config) {
        Objects.requireNonNull(taggers, "taggers");
        if (taggers.isEmpty()) {
            throw new IllegalArgumentException("taggers: at least one model is needed");
        }
        for (Tagger t : taggers) {
            Objects.requireNonNull(t, "taggers: a null model");
        }
        return new EventDetector(taggers, Objects.requireNonNull(config, "config"));
    }

    /**
     * Returns a detector on the same model with other settings.
     *
     * @param other the settings
     * @return the detector
     * @throws IllegalArgumentException as {@link #of}
     */
    public EventDetector withConfig(DetectionConfig other) {
        return of(taggers, other);
    }

    /**
     * Returns the model the detector scores with (the first, when it averages several).
     *
     * @return the tagger (owned by the caller)
     */
    public Tagger tagger() {
        return tagger;
    }

    /**
     * Returns every model the detector averages, in the order given.
     *
     * @return an unmodifiable list of one or more taggers (owned by the caller)
     */
    public List<Tagger> taggers() {
        return taggers;
    }

    /**
     * Returns the detection settings.
     *
     * @return the configuration
     */
    public DetectionConfig config() {
        return config;
    }

    /**
     * Returns the model's sample rate, at which windows are cut.
     *
     * @return Hz
     */
    public int sampleRate() {
        return tagger.sampleRate();
    }

    /**
     * Returns the window length {@code W}: the model's input length in samples.
     *
     * @return samples at {@link #sampleRate()}
     */
    public int windowSamples() {
        return windowSamples;
    }

    /**
     * Returns the hop, {@link DetectionConfig#hopSeconds()} rounded to whole samples.
     *
     * @return samples at {@link #sampleRate()}
     */
    public int hopSamples() {
        return hopSamples;
    }

    /**
     * Returns the longest time between an event's reported offset and the moment the audio that makes it final has
     * arrived: half a window, half a hop, the median filter's look-ahead ({@code (medianFrames − 1) / 2} hops) and the
     * merge gap (rounded down to whole hops). With the defaults and a 2-s window: 1 + 0.125 + 1 + 0 = 2.125 s, less
     * than one window plus one hop.
     *
     * @return seconds
     */
    public double reportDelaySeconds() {
        double sr = sampleRate();
        long gapFrames = (long) Math.floor(config.maxGapSeconds() * sr / hopSamples + 1e-9);
        return (windowSamples / 2.0 + hopSamples / 2.0 + (config.medianFrames() / 2 + gapFrames) * hopSamples) / sr;
    }

    /**
     * Detects the events of an audio file: decoded, mixed to mono, resampled to the model's rate.
     *
     * @param file WAV, FLAC or Ogg Vorbis
     * @return the events, in the order they become final
     * @throws IOException if the file cannot be decoded (the message names it)
     */
    public List<DetectedEvent> detect(Path file) throws IOException {
        return events(windowScores(file));
    }

    /**
     * Detects the events of mono samples.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate their rate in Hz (resampled with kaiser_best when it differs from the model's)
     * @return the events, in the order they become final; none for empty input
     * @throws IllegalArgumentException for a non-finite sample or a bad rate
     */
    public List<DetectedEvent> detect(float[] samples, int sampleRate) {
        return events(windowScores(samples, sampleRate));
    }

    /**
     * Scores the windows of an audio file (decoded, mixed to mono, resampled to the model's rate).
     *
     * @param file WAV, FLAC or Ogg Vorbis
     * @return the window probabilities
     * @throws IOException if the file cannot be decoded (the message names it)
     */
    public WindowScores windowScores(Path file) throws IOException {
        float[] y;
        try {
            y = AudioLoader.atRate(sampleRate()).load(file).samples();
        } catch (IllegalArgumentException e) { // the resampler's "too short to resample" names no file
            throw new AudioFormatException(file, e.getMessage(), e);
        }
        return scoresAtModelRate(y);
    }

    /**
     * Scores the windows of mono samples.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate their rate in Hz (resampled with kaiser_best when it differs from the model's)
     * @return the window probabilities
     * @throws IllegalArgumentException for a non-finite sample or a bad rate
     */
    public WindowScores windowScores(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: " + sampleRate + " must be > 0");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples: value " + samples[i] + " at index " + i
                        + " is not finite");
            }
        }
        float[] y = sampleRate == sampleRate() || samples.length == 0 ? samples
                : Resampler.resample(samples, sampleRate, sampleRate(), Resampler.DEFAULT_TYPE);
        return scoresAtModelRate(y);
    }

    private WindowScores scoresAtModelRate(float[] y) {
        List<float[]> frames = new ArrayList<>();
        WindowFeed feed = feed((k, s) -> frames.add(s));
        feed.push(y, 0, y.length);
        feed.finish();
        return new WindowScores(tagger.tags(), sampleRate(), windowSamples, hopSamples, feed.samples(), frames);
    }

    /**
     * Turns window probabilities into events with this detector's settings (no scoring).
     *
     * @param scores window probabilities from {@link #windowScores}, with this detector's model, window and hop
     * @return the events, in the order they become final
     * @throws IllegalArgumentException if the scores were cut with another window, hop or set of tags
     */
    public List<DetectedEvent> events(WindowScores scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.windowSamples() != windowSamples || scores.hopSamples() != hopSamples
                || scores.sampleRate() != sampleRate() || !scores.tags().equals(tagger.tags())) {
            throw new IllegalArgumentException("scores: cut with window " + scores.windowSamples() + ", hop "
                    + scores.hopSamples() + " at " + scores.sampleRate() + " Hz for " + scores.tags().size()
                    + " tags; this detector uses window " + windowSamples + ", hop " + hopSamples + " at "
                    + sampleRate() + " Hz for " + tagger.tags().size() + " tags");
        }
        List<DetectedEvent> out = new ArrayList<>();
        EventTracker t = tracker(out::add);
        for (int k = 0; k < scores.frames(); k++) {
            t.push(scores.scores(k));
        }
        t.finish(scores.durationSeconds());
        return out;
    }

    /** The window cutting shared with the streaming tagger. */
    WindowFeed feed(WindowFeed.Sink sink) {
        return new WindowFeed(windowSamples, hopSamples, this::meanScores, sink);
    }

    /**
     * The mean of every model's probabilities for one window, summed in model order (for one model, its own
     * probabilities: {@code (0 + p) / 1} is {@code p} exactly).
     */
    private float[] meanScores(float[] samples) {
        float[] sum = new float[tagger.tags().size()];
        for (Tagger t : taggers) {
            float[] p = t.scoreWindow(samples);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += p[c];
            }
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= taggers.size();
        }
        return sum;
    }

    /** The post-processing shared with the streaming tagger. */
    EventTracker tracker(Consumer<DetectedEvent> sink) {
        return new EventTracker(tagger.tags(), onset, offset, config.medianFrames(), config.minDurationSeconds(),
                config.maxGapSeconds(), config.oneTagAtATime(), hopSamples, windowSamples, sampleRate(), sink);
    }

    /**
     * The model's window in samples: the waveform length for waveform models; for log-mel models the training clip
     * length ({@code n_samples}) when it gives exactly {@code window} frames ({@code 1 + floor(n / hop_length)}), else
     * {@code (window − 1) · hop_length}, the shortest length that does.
     */
    static int windowSamplesOf(TaggingConfig t) {
        if (t.isWaveform()) {
            return t.window();
        }
        FeatureConfig f = t.features();
        int hop = f.stft().hopLength();
        int n = f.nSamples();
        if (n > 0 && 1 + n / hop == t.window()) {
            return n;
        }
        return Math.max(1, (t.window() - 1) * hop);
    }
}
