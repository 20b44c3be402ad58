package org.audiotag.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.Resampler;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.models.internal.Windows;

/**
 * Tags audio with an exported model ({@link ExportedModel}, e.g. {@code RUN_DIR/model} of {@code audiotag train}):
 * loads the SavedModel together with the {@link TaggingConfig} and tag names stored beside it, so the model is always
 * fed the features it was trained on. A clip is decoded and resampled to the features' rate, its whole-clip features
 * are computed through audiotag-features ({@link LogMelFeatures} for log-mel models, the samples for waveform
 * models; {@link FeatureExtractor} of the clip prepared to a fixed length for models trained on the original's
 * fixed-length pipelines, {@link TaggingConfig#fixedLength()}), cut into windows of the model's input length (hop
 * and mean/max/first {@link WindowAggregation} as trained; clips shorter than a window are left-padded with their
 * minimum, 0 for waveforms), standardised, scored in batches of up to 64 windows, and the window probabilities are
 * combined per tag.
 *
 * <p>Thread-safe: feature extraction runs in the calling thread, the TensorFlow call is serialised. Owns the loaded
 * model; close it (try-with-resources).
 *
 * <p>Tagging a file, given an exported model directory {@code Path modelDir}, an audio {@code Path file} and mono
 * {@code float[] samples} at 48 kHz:
 * {@snippet :
 * try (Tagger tagger = Tagger.load(modelDir)) {                 // e.g. RUN_DIR/model of audiotag train
 *     for (TagScore s : tagger.tag(file, 3)) {                   // the 3 most probable tags
 *         System.out.printf("%s %.3f%n", s.tag(), s.probability());
 *     }
 *     float[] scores = tagger.scores(file);                      // one probability per tagger.tags()
 *     float[] live = tagger.scores(samples, 48000);              // resampled to tagger.sampleRate() first
 *     List<TagScore> top = tagger.topK(live, 5);
 *     FeatureConfig trainedOn = tagger.featureConfig();          // e.g. pipeline A's log-mel, whole clip
 * }
 * }
 */
public final class Tagger implements AutoCloseable {

    /** Windows scored per TensorFlow call. */
    private static final int CHUNK = 64;

    private final Path dir;
    private final SavedModelRunner model;
    private final List<String> tags;
    private final TaggingConfig tagging;
    private final Map<String, String> provenance;
    private final LogMelFeatures mel;
    private final FeatureExtractor waveform;
    private boolean closed;

    private Tagger(ExportedModel m, TaggingConfig tagging, SavedModelRunner model) {
        this.dir = m.directory();
        this.model = model;
        this.tags = m.tags();
        this.tagging = tagging;
        this.provenance = m.provenance();
        this.mel = tagging.isWaveform() || tagging.fixedLength() ? null : LogMelFeatures.from(tagging.features());
        this.waveform = mel == null ? FeatureExtractor.of(tagging.features()) : null;
    }

    /**
     * Loads an exported model directory: its SavedModel, tagging settings and tag names.
     *
     * @param dir the exported model, {@code RUN_DIR/model} (a run folder is refused with that hint)
     * @return the tagger; the caller closes it
     * @throws ModelLoadException (an {@link IOException}) if the directory is not an exported model: the message
     *     names the directory and the missing or bad file; a bare SavedModel export without tagging settings or tag
     *     names is refused
     */
    public static Tagger load(Path dir) throws IOException {
        ExportedModel m = ExportedModel.read(dir);
        TaggingConfig t = m.tagging().orElseThrow(() -> new ModelLoadException(m.directory(), "no tagging settings "
                + "(feature configuration, windows, normalisation): " + (m.legacyLayout()
                        ? "no " + ExportedModel.LEGACY_TRAINING_FILE + " beside this release 0.1 export"
                        : "a bare SavedModel export (TagModel.exportSavedModel); export with ExportedModel.write"),
                null));
        if (m.tags().isEmpty()) {
            throw new ModelLoadException(m.directory(), "no " + ExportedModel.TAGS_FILE
                    + ": the tag names are missing", null);
        }
        SavedModelRunner r = SavedModelRunner.open(m);
        try {
            return new Tagger(m, t, r);
        } catch (RuntimeException e) {
            r.close();
            throw new ModelLoadException(m.directory(), "inconsistent model files: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the tag names, in the order of the scores.
     *
     * @return the names (unmodifiable), as in {@link #scores(Path)}
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Returns how clips become model inputs and scores, as stored with the model.
     *
     * @return the tagging settings
     */
    public TaggingConfig tagging() {
        return tagging;
    }

    /**
     * Returns the whole-clip feature configuration the model was trained with, {@code tagging().features()}.
     *
     * @return the feature configuration
     */
    public FeatureConfig featureConfig() {
        return tagging.features();
    }

    /**
     * Returns the architecture name recorded at export.
     *
     * @return e.g. {@code kaggle}
     */
    public String architecture() {
        return model.architecture();
    }

    /**
     * Returns every provenance key and value stored with the model (keys in {@link ProvenanceKeys}).
     *
     * @return the entries, unmodifiable
     */
    public Map<String, String> provenance() {
        return provenance;
    }

    /**
     * Returns the sample rate audio is converted to before its features are computed.
     *
     * @return the rate in Hz
     */
    public int sampleRate() {
        return tagging.features().sampleRate();
    }

    /**
     * Computes the tag probabilities of an audio file: decoded, mixed to mono, resampled to {@link #sampleRate()},
     * then features, windows, normalisation and aggregation as stored with the model.
     *
     * @param file WAV, FLAC or Ogg Vorbis
     * @return one probability per tag of {@link #tags()}, in (0, 1)
     * @throws IOException if the file cannot be decoded (message names the file); an
     *     {@link AudioFormatException} naming the file also if it decodes to no samples or to too few to resample
     * @throws IllegalStateException if the tagger is closed
     */
    public float[] scores(Path file) throws IOException {
        float[] y;
        try {
            y = AudioLoader.atRate(sampleRate()).load(file).samples();
        } catch (IllegalArgumentException e) { // the resampler's "too short to resample" names no file
            throw new AudioFormatException(file, e.getMessage(), e);
        }
        if (y.length == 0) {
            throw new AudioFormatException(file, "no audio: the file decodes to 0 samples");
        }
        try {
            return scoresOf(features(y));
        } catch (IllegalArgumentException e) {
            throw new AudioFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * Computes the tag probabilities of mono samples, resampled first (kaiser_best) when their rate differs.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate its rate in Hz (resampled to {@link #sampleRate()} if different)
     * @return one probability per tag
     * @throws IllegalArgumentException for empty input, NaN/infinite samples or a bad rate
     */
    public float[] scores(float[] samples, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: " + sampleRate + " must be > 0");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: empty");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples: value " + samples[i] + " at index " + i
                        + " is not finite");
            }
        }
        float[] y = sampleRate == sampleRate() ? samples
                : Resampler.resample(samples, sampleRate, sampleRate(), Resampler.DEFAULT_TYPE);
        return scoresOf(features(y));
    }

    /**
     * Computes the tag probabilities of a clip's whole-clip features, already computed as {@link #featureConfig()}
     * describes (e.g. by {@code LogMelFeatures.from(tagger.featureConfig())} or read from a feature cache).
     *
     * @param clip time-major features: {@code n_mels} bins per frame for a log-mel model, 1 for a waveform model
     * @return one probability per tag
     * @throws IllegalArgumentException if the clip has no frame, a non-finite value, or another number of bins
     */
    public float[] scores(TimeMajorFeatures clip) {
        Objects.requireNonNull(clip, "clip");
        check(clip);
        return scoresOf(clip);
    }

    /**
     * Returns the {@code k} most probable tags of a file, {@code topK(scores(file), k)}.
     *
     * @param file audio file
     * @param k number of tags, ≥ 1 (capped at the number of tags)
     * @return tags sorted by decreasing probability (ties: tag order)
     * @throws IOException if the file cannot be decoded
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<TagScore> tag(Path file, int k) throws IOException {
        return topK(scores(file), k);
    }

    /**
     * Returns the {@code k} most probable tags of mono samples, {@code topK(scores(samples, sampleRate), k)}.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate its rate in Hz
     * @param k number of tags, ≥ 1
     * @return tags sorted by decreasing probability (ties: tag order)
     * @throws IllegalArgumentException for empty input, NaN/infinite samples, a bad rate or {@code k < 1}
     */
    public List<TagScore> tag(float[] samples, int sampleRate, int k) {
        return topK(scores(samples, sampleRate), k);
    }

    /**
     * Tags a stream of audio blocks independently (e.g. successive 2-s blocks of a live signal); lazy, one result
     * per block in order, each block scored as a whole clip.
     *
     * @param windows mono audio blocks at {@code sampleRate}
     * @param sampleRate their rate in Hz
     * @param k tags per window
     * @return the top-k tags of each window
     */
    public Stream<List<TagScore>> tagWindows(Stream<float[]> windows, int sampleRate, int k) {
        return windows.map(w -> tag(w, sampleRate, k));
    }

    /**
     * Returns the {@code k} highest scores with their tag names.
     *
     * @param scores one probability per tag of {@link #tags()}
     * @param k number wanted, ≥ 1
     * @return the top {@code k} (fewer if there are fewer tags), by decreasing probability (ties: tag order)
     * @throws IllegalArgumentException if {@code k < 1} or there is not one score per tag
     */
    public List<TagScore> topK(float[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k: " + k + " must be ≥ 1");
        }
        if (scores.length != tags.size()) {
            throw new IllegalArgumentException("scores: " + scores.length + " values for " + tags.size() + " tags");
        }
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(scores[b], scores[a]));
        List<TagScore> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            out.add(new TagScore(tags.get(idx[i]), scores[idx[i]]));
        }
        return out;
    }

    /**
     * Scores one window of audio as a clip of its own, {@code scores(samples, sampleRate())} without the input
     * checks: the event detector and the streaming tagger call it with windows of exactly the model's input length,
     * which give one model window (one TensorFlow call of batch 1, so the result does not depend on what else is
     * scored with it).
     */
    float[] scoreWindow(float[] samples) {
        return scoresOf(features(samples));
    }

    /**
     * Computes the tag probabilities of many clips' whole-clip features at once: the windows of all clips are scored
     * together in TensorFlow calls of up to 64 windows (fewer calls than clip by clip when clips are short), then
     * aggregated per clip as {@link #scores(TimeMajorFeatures)} does; each result equals that method's for the same
     * clip (to float rounding of the batched model call).
     *
     * @param clips time-major features as {@link #featureConfig()} describes, e.g. from {@link #features(float[])}
     * @return one probability array per clip, in the order of {@code clips}
     * @throws IllegalArgumentException if a clip has no frame, a non-finite value or another number of bins (the
     *     message gives its index)
     * @throws IllegalStateException if the tagger is closed
     */
    public List<float[]> scores(List<TimeMajorFeatures> clips) {
        Objects.requireNonNull(clips, "clips");
        int[][] starts = new int[clips.size()][];
        int total = 0;
        for (int c = 0; c < clips.size(); c++) {
            TimeMajorFeatures f = Objects.requireNonNull(clips.get(c), "clip");
            try {
                check(f);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("clips[" + c + "]: " + e.getMessage(), e);
            }
            starts[c] = Windows.starts(tagging.aggregation(), f.frames(), tagging.window(), tagging.windowHop());
            total += starts[c].length;
        }
        int ex = tagging.window() * tagging.bins();
        float[] x = new float[total * ex];
        int w = 0;
        for (int c = 0; c < clips.size(); c++) {
            w = windows(clips.get(c), starts[c], x, w);
        }
        float[] p = predict(x, total);
        List<float[]> out = new ArrayList<>(clips.size());
        w = 0;
        for (int c = 0; c < clips.size(); c++) {
            out.add(aggregate(p, w, starts[c].length));
            w += starts[c].length;
        }
        return out;
    }

    /**
     * Computes the whole-clip features this tagger's model takes from mono samples already at {@link #sampleRate()}:
     * the log-mel of {@link LogMelFeatures#from(FeatureConfig) LogMelFeatures.from(featureConfig())} for log-mel
     * models, the prepared waveform for waveform models; for a model trained on fixed-length clips, of the clip
     * prepared as {@link FeatureExtractor#extract(float[])} prepares it (trim, then e.g. the first 2 s left-padded).
     * {@link #scores(Path)} is {@code scores(features(y))} of the file's samples.
     *
     * @param y mono samples at {@link #sampleRate()} Hz, in [-1, 1]
     * @return time-major features
     * @throws IllegalArgumentException for an empty array or NaN/infinite samples
     */
    public TimeMajorFeatures features(float[] y) {
        return mel != null ? mel.compute(y)
                : TimeMajorFeatures.of(tagging.features().kind(), waveform.extract(y));
    }

    private void check(TimeMajorFeatures clip) {
        if (clip.bins() != tagging.bins()) {
            throw new IllegalArgumentException("clip: " + architecture() + " takes time-major (frame, bin) features "
                    + "with " + tagging.bins() + (tagging.isWaveform() ? " bin (waveform samples)" : " mel bins")
                    + " per frame, got " + clip.frames() + " frames x " + clip.bins() + " bins");
        }
        if (clip.frames() < 1) {
            throw new IllegalArgumentException("clip: no frame");
        }
        float[] d = clip.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException("clip: value " + d[i] + " at frame " + i / clip.bins()
                        + " is not finite");
            }
        }
    }

    private float[] scoresOf(TimeMajorFeatures f) {
        int[] starts = Windows.starts(tagging.aggregation(), f.frames(), tagging.window(), tagging.windowHop());
        float[] x = new float[starts.length * tagging.window() * f.bins()];
        windows(f, starts, x, 0);
        return aggregate(predict(x, starts.length), 0, starts.length);
    }

    /** Cuts and standardises the windows of one clip into {@code x} from window {@code first}; returns the next. */
    private int windows(TimeMajorFeatures f, int[] starts, float[] x, int first) {
        int window = tagging.window();
        float pad = tagging.isWaveform() ? 0f : min(f.data());
        int bins = f.bins();
        int ex = window * bins;
        for (int i = 0; i < starts.length; i++) {
            Windows.crop((a, c, d, o) -> System.arraycopy(f.data(), a * bins, d, o, c * bins), f.frames(), bins,
                    window, starts[i], pad, x, (first + i) * ex);
        }
        float mean = tagging.normalizeMean();
        float std = tagging.normalizeStd();
        if (!(mean == 0f && std == 1f)) {
            float inv = 1f / std;
            for (int i = first * ex; i < (first + starts.length) * ex; i++) {
                x[i] = (x[i] - mean) * inv;
            }
        }
        return first + starts.length;
    }

    /** Window probabilities of {@code count} windows, in TensorFlow calls of up to {@link #CHUNK} windows. */
    private float[] predict(float[] x, int count) {
        int ex = x.length / Math.max(1, count);
        int nt = tags.size();
        float[] p = new float[count * nt];
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            float[] part = n == count ? x : Arrays.copyOfRange(x, from * ex, (from + n) * ex);
            float[] q;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException(dir + ": tagger is closed");
                }
                q = model.predict(part, n);
            }
            System.arraycopy(q, 0, p, from * nt, n * nt);
        }
        return p;
    }

    /** Mean or max over {@code count} window probabilities starting at window {@code first}. */
    private float[] aggregate(float[] p, int first, int count) {
        int nt = tags.size();
        boolean max = tagging.aggregation() == WindowAggregation.MAX;
        float[] out = new float[nt];
        if (max) {
            Arrays.fill(out, Float.NEGATIVE_INFINITY);
        }
        for (int w = first; w < first + count; w++) {
            for (int k = 0; k < nt; k++) {
                float v = p[w * nt + k];
                out[k] = max ? Math.max(out[k], v) : out[k] + v;
            }
        }
        if (!max) {
            for (int k = 0; k < nt; k++) {
                out[k] /= count;
            }
        }
        return out;
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** Releases the TensorFlow model; later calls throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
