package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiotag.features.AudioClip;
import org.audiotag.features.Resampler;
import org.audiotag.models.InputKind;
import org.audiotag.models.ModelLoadException;
import org.audiotag.models.SavedTagger;
import org.audiotag.toolkit.Provenance;
import org.audiotag.train.data.Vocabulary;
import org.audiotag.train.internal.Crops;

/**
 * Tags audio with a model exported by {@link Trainer} ({@code RUN_DIR/model}): loads the SavedModel together with the
 * feature configuration, input normalisation, window settings and vocabulary stored beside it, so the model is
 * always fed the features it was trained on. A clip is cut into windows of the training crop length (hop and
 * mean/max/first aggregation as trained), each window is scored, and the window probabilities are combined.
 *
 * <p>Thread-safe: feature extraction runs in the calling thread, the TensorFlow call is serialised. Owns the
 * loaded model; close it (try-with-resources).
 */
public final class Tagger implements AutoCloseable {

    private final Path dir;
    private final SavedTagger model;
    private final Vocabulary vocabulary;
    private final LogMelFeatures mel;
    private final boolean raw;
    private final int window;
    private final int hop;
    private final WindowAggregation aggregation;
    private final float mean;
    private final float std;
    private final Map<String, String> info;
    private boolean closed;

    private Tagger(Path dir, SavedTagger model, Vocabulary vocabulary, Map<String, String> info) {
        this.dir = dir;
        this.model = model;
        this.vocabulary = vocabulary;
        this.info = Map.copyOf(info);
        this.mel = LogMelFeatures.fromMap(info);
        this.raw = model.inputKind() == InputKind.RAW_WAVEFORM;
        this.window = Integer.parseInt(info.get("window"));
        this.hop = Integer.parseInt(info.get("windowHop"));
        this.aggregation = WindowAggregation.valueOf(info.get("aggregation"));
        this.mean = Float.parseFloat(info.get("normalize.mean"));
        this.std = Float.parseFloat(info.get("normalize.std"));
        if (vocabulary.size() != model.numTags()) {
            throw new IllegalArgumentException(dir + ": vocabulary has " + vocabulary.size() + " tags, model "
                    + model.numTags());
        }
    }

    /**
     * Loads an exported model directory.
     *
     * @param dir {@code RUN_DIR/model}
     * @return the tagger; the caller closes it
     * @throws IOException if the directory is not an audiotag model (message names the missing or bad file)
     */
    public static Tagger load(Path dir) throws IOException {
        Path infoFile = dir.resolve(Trainer.MODEL_INFO_FILE);
        if (!Files.isRegularFile(infoFile)) {
            throw new ModelLoadException(dir.toAbsolutePath(), "no " + Trainer.MODEL_INFO_FILE
                    + ": not a model exported by audiotag train", null);
        }
        Map<String, String> info = new HashMap<>(Provenance.read(infoFile).asMap());
        for (String k : List.of("window", "windowHop", "aggregation", "normalize.mean", "normalize.std")) {
            if (!info.containsKey(k)) {
                throw new ModelLoadException(dir.toAbsolutePath(), infoFile.getFileName() + " lacks '" + k + "'",
                        null);
            }
        }
        Vocabulary v = Vocabulary.read(dir.resolve(Trainer.VOCABULARY_FILE));
        SavedTagger m = SavedTagger.load(dir);
        try {
            return new Tagger(dir, m, v, info);
        } catch (RuntimeException e) {
            m.close();
            throw new ModelLoadException(dir.toAbsolutePath(), "inconsistent model files: " + e.getMessage(), e);
        }
    }

    /** @return the tags, in the order of {@link #scores(Path)} */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** @return the feature configuration the model was trained with */
    public LogMelFeatures features() {
        return mel;
    }

    /** @return the architecture name */
    public String architecture() {
        return model.architecture();
    }

    /** @return the training provenance stored with the model (unmodifiable) */
    public Map<String, String> provenance() {
        return info;
    }

    /** @return the sample rate audio is converted to before tagging, in Hz */
    public int sampleRate() {
        return mel.sr();
    }

    /**
     * Tag probabilities of an audio file (decoded, mixed to mono, resampled to {@link #sampleRate()}).
     *
     * @param file WAV, FLAC or Ogg Vorbis
     * @return one probability per tag of {@link #vocabulary()}
     * @throws IOException if the file cannot be decoded (message names the file)
     */
    public float[] scores(Path file) throws IOException {
        AudioClip clip = org.audiotag.features.AudioLoader.atRate(mel.sr()).load(file);
        return scoresOfSamples(clip.samples());
    }

    /**
     * Tag probabilities of mono samples.
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
        float[] y = sampleRate == mel.sr() ? samples
                : Resampler.resample(samples, sampleRate, mel.sr(), Resampler.DEFAULT_TYPE);
        return scoresOfSamples(y);
    }

    /**
     * The {@code k} most probable tags of a file.
     *
     * @param file audio file
     * @param k number of tags, ≥ 1 (capped at the vocabulary size)
     * @return tags sorted by decreasing probability (ties: vocabulary order)
     * @throws IOException if the file cannot be decoded
     */
    public List<TagScore> tag(Path file, int k) throws IOException {
        return topK(scores(file), k);
    }

    /**
     * The {@code k} most probable tags of mono samples.
     *
     * @param samples mono audio
     * @param sampleRate its rate in Hz
     * @param k number of tags
     * @return tags sorted by decreasing probability
     */
    public List<TagScore> tag(float[] samples, int sampleRate, int k) {
        return topK(scores(samples, sampleRate), k);
    }

    /**
     * Tags a stream of audio windows independently (e.g. successive 2-s blocks of a live signal); lazy, one result
     * per window in order.
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
     * @param scores one probability per tag of {@link #vocabulary()}
     * @param k number wanted, ≥ 1
     * @return the top {@code k} (fewer if the vocabulary is smaller), by decreasing probability
     */
    public List<TagScore> topK(float[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k: " + k + " must be ≥ 1");
        }
        if (scores.length != vocabulary.size()) {
            throw new IllegalArgumentException("scores: " + scores.length + " values for " + vocabulary.size()
                    + " tags");
        }
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(scores[b], scores[a]));
        List<TagScore> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            out.add(new TagScore(vocabulary.label(idx[i]), scores[idx[i]]));
        }
        return out;
    }

    private float[] scoresOfSamples(float[] y) {
        Features f = raw ? new Features(y.length, 1, y) : mel.compute(y);
        float pad = raw ? 0f : min(f.data());
        int bins = f.bins();
        int ex = window * bins;
        int[] starts = aggregation == WindowAggregation.FIRST
                ? new int[] {f.frames() >= window ? 0 : window - f.frames()}
                : Crops.windowStarts(f.frames(), window, hop);
        float[] x = new float[starts.length * ex];
        for (int i = 0; i < starts.length; i++) {
            Crops.crop((a, c, d, o) -> System.arraycopy(f.data(), a * bins, d, o, c * bins), f.frames(), bins,
                    window, starts[i], pad, x, i * ex);
        }
        if (!(mean == 0f && std == 1f)) {
            float inv = 1f / std;
            for (int i = 0; i < x.length; i++) {
                x[i] = (x[i] - mean) * inv;
            }
        }
        int nt0 = vocabulary.size();
        float[] p = new float[starts.length * nt0];
        for (int from = 0; from < starts.length; from += 64) {
            int n = Math.min(64, starts.length - from);
            float[] part = n == starts.length ? x : Arrays.copyOfRange(x, from * ex, (from + n) * ex);
            float[] q;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException(dir + ": tagger is closed");
                }
                q = model.predict(part, n);
            }
            System.arraycopy(q, 0, p, from * nt0, n * nt0);
        }
        int nt = vocabulary.size();
        float[] out = new float[nt];
        if (aggregation == WindowAggregation.MAX) {
            Arrays.fill(out, Float.NEGATIVE_INFINITY);
        }
        for (int w = 0; w < starts.length; w++) {
            for (int k = 0; k < nt; k++) {
                float v = p[w * nt + k];
                out[k] = aggregation == WindowAggregation.MAX ? Math.max(out[k], v) : out[k] + v;
            }
        }
        if (aggregation != WindowAggregation.MAX) {
            for (int k = 0; k < nt; k++) {
                out[k] /= starts.length;
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
