package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.audiotag.models.ModelLoadException;
import org.audiotag.train.data.Vocabulary;

/**
 * The tagger of the earlier API, delegating to audiotag-models.
 *
 * @deprecated moved to audiotag-models as {@link org.audiotag.models.Tagger} (an application that only tags needs
 *     only that module); this delegating class keeps the earlier return types ({@link Vocabulary}, {@link TagScore},
 *     {@link LogMelFeatures}). Will be removed in the next release.
 */
@Deprecated(forRemoval = true)
@SuppressWarnings("removal")
public final class Tagger implements AutoCloseable {

    private final org.audiotag.models.Tagger tagger;
    private final Vocabulary vocabulary;

    private Tagger(org.audiotag.models.Tagger tagger) {
        this.tagger = tagger;
        this.vocabulary = Vocabulary.of(tagger.tags());
    }

    /**
     * Loads an exported model directory.
     *
     * @param dir {@code RUN_DIR/model}
     * @return the tagger; the caller closes it
     * @throws IOException if the directory is not an exported model (message names the missing or bad file)
     */
    public static Tagger load(Path dir) throws IOException {
        org.audiotag.models.Tagger t = org.audiotag.models.Tagger.load(dir);
        try {
            return new Tagger(t);
        } catch (RuntimeException e) {
            t.close();
            throw new ModelLoadException(dir.toAbsolutePath(), "inconsistent model files: " + e.getMessage(), e);
        }
    }

    /** Returns the tagger of audiotag-models this one delegates to. */
    public org.audiotag.models.Tagger tagger() {
        return tagger;
    }

    /** Returns the tags as a {@link Vocabulary}, in the order of {@link #scores(Path)}. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Returns the log-mel features the model was trained with, under the earlier name.
     *
     * @return the feature function
     * @throws IllegalStateException for a waveform model (see {@code tagger().featureConfig()})
     */
    public LogMelFeatures features() {
        if (tagger.tagging().isWaveform()) {
            throw new IllegalStateException(tagger.architecture() + " takes a waveform; its features are "
                    + tagger.featureConfig().toText());
        }
        return LogMelFeatures.from(tagger.featureConfig());
    }

    /** Returns the architecture name the model was built with (e.g. {@code "dcnn"}). */
    public String architecture() {
        return tagger.architecture();
    }

    /** Returns the provenance stored with the model (unmodifiable). */
    public Map<String, String> provenance() {
        return tagger.provenance();
    }

    /** Returns the sample rate audio is converted to before tagging, in Hz. */
    public int sampleRate() {
        return tagger.sampleRate();
    }

    /**
     * Scores an audio file: one sigmoid probability per tag, aggregated over the test windows as trained.
     *
     * @param file WAV, FLAC or Ogg Vorbis
     * @return one probability per tag of {@link #vocabulary()}, each in (0, 1)
     * @throws IOException if the file cannot be decoded
     */
    public float[] scores(Path file) throws IOException {
        return tagger.scores(file);
    }

    /**
     * Scores mono samples, resampled to {@link #sampleRate()} first when needed.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate its rate in Hz
     * @return one probability per tag, each in (0, 1)
     */
    public float[] scores(float[] samples, int sampleRate) {
        return tagger.scores(samples, sampleRate);
    }

    /**
     * Returns the {@code k} most probable tags of an audio file.
     *
     * @param file audio file
     * @param k number of tags
     * @return tags sorted by decreasing probability
     * @throws IOException if the file cannot be decoded
     */
    public List<TagScore> tag(Path file, int k) throws IOException {
        return convert(tagger.tag(file, k));
    }

    /**
     * Returns the {@code k} most probable tags of mono samples.
     *
     * @param samples mono audio in [-1, 1]
     * @param sampleRate its rate in Hz
     * @param k number of tags
     * @return tags sorted by decreasing probability
     */
    public List<TagScore> tag(float[] samples, int sampleRate, int k) {
        return convert(tagger.tag(samples, sampleRate, k));
    }

    /**
     * Tags a stream of audio blocks one by one (e.g. from a live source), lazily.
     *
     * @param windows mono audio blocks at {@code sampleRate}
     * @param sampleRate their rate in Hz
     * @param k tags per window
     * @return the top-k tags of each window
     */
    public Stream<List<TagScore>> tagWindows(Stream<float[]> windows, int sampleRate, int k) {
        return tagger.tagWindows(windows, sampleRate, k).map(Tagger::convert);
    }

    /**
     * Returns the {@code k} highest of the given per-tag probabilities with their tag names.
     *
     * @param scores one probability per tag
     * @param k number wanted
     * @return the top {@code k} by decreasing probability
     */
    public List<TagScore> topK(float[] scores, int k) {
        return convert(tagger.topK(scores, k));
    }

    private static List<TagScore> convert(List<org.audiotag.models.TagScore> s) {
        return s.stream().map(TagScore::of).toList();
    }

    /** Releases the TensorFlow model. */
    @Override
    public void close() {
        tagger.close();
    }
}
