package org.audiotag.beam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.audiotag.beam.internal.IsolatedDecoder;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.Tagger;
import org.audiotag.toolkit.InputFiles;

/**
 * Scores every file of a corpus with an exported model ({@link Tagger}): each worker loads the model once
 * ({@code @Setup}) and closes it at the end ({@code @Teardown}); files are decoded with the worker's own
 * {@link IsolatedDecoder}, their whole-clip features computed, and the windows of up to {@link #batchSize(int)} clips
 * scored together. The scores equal {@link Tagger#scores(Path)} of each file (to float rounding of the batched
 * model call).
 *
 * <p>Outputs: {@link #SCORES}, one {@link ClipScores} per file (its {@code fname} the path relative to the corpus
 * root), and {@link FailedFile#TAG}, a dead letter per file that cannot be decoded or scored. The model folder is
 * read when the transform is created ({@link #withModel(Path)}), so a missing or bad model is one error before any
 * pipeline runs. Counters: {@link CorpusCounts}.
 *
 * {@snippet :
 * TagCorpus tag = TagCorpus.withModel(Path.of("run/model")).batchSize(16);
 * PCollectionTuple out = pipeline.apply(AudioCorpus.of("data/esc10").read()).apply(tag);
 * out.get(TagCorpus.SCORES).apply(WriteScoresCsv.to(Path.of("scores.csv"), tag.tags()));
 * }
 */
public final class TagCorpus extends PTransform<PCollection<CorpusFile>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;

    /** Default number of clips scored together. */
    public static final int DEFAULT_BATCH = 16;

    /** Most clips scored together. */
    public static final int MAX_BATCH = 4096;

    /** The scores of every file tagged. */
    public static final TupleTag<ClipScores> SCORES = new TupleTag<>("scores") {
        private static final long serialVersionUID = 1L;
    };

    private final String modelDir;
    private final List<String> tags;
    private final int batch;

    private TagCorpus(String modelDir, List<String> tags, int batch) {
        this.modelDir = modelDir;
        this.tags = List.copyOf(tags);
        this.batch = batch;
    }

    /**
     * Checks an exported model folder (its files and tag names, not the graph) and returns the transform that tags
     * with it.
     *
     * @param modelDir the exported model, e.g. {@code RUN_DIR/model}
     * @return the transform, batching {@value #DEFAULT_BATCH} clips
     * @throws IOException if the folder is missing or not an exported model (the message names it and the problem)
     */
    public static TagCorpus withModel(Path modelDir) throws IOException {
        Objects.requireNonNull(modelDir, "modelDir");
        ExportedModel m = ExportedModel.read(modelDir);
        if (m.tagging().isEmpty() || m.tags().isEmpty()) {
            // Tagger.load words the problem; loading here costs one graph load, only on this path
            Tagger.load(modelDir).close();
        }
        return new TagCorpus(m.directory().toString(), m.tags(), DEFAULT_BATCH);
    }

    /**
     * Returns a copy that scores up to {@code clips} clips per model call sequence.
     *
     * @param clips clips per batch, in [1, {@value #MAX_BATCH}]
     * @return the transform
     * @throws IllegalArgumentException if {@code clips} is out of range
     */
    public TagCorpus batchSize(int clips) {
        if (clips < 1 || clips > MAX_BATCH) {
            throw new IllegalArgumentException("batch: must be in [1, " + MAX_BATCH + "] clips, got " + clips);
        }
        return new TagCorpus(modelDir, tags, clips);
    }

    /**
     * Returns the model's tag names, the columns of the scores.
     *
     * @return the names in score order, unmodifiable
     */
    public List<String> tags() {
        return tags;
    }

    @Override
    public PCollectionTuple expand(PCollection<CorpusFile> files) {
        PCollectionTuple out = files.apply("TagCorpus", ParDo.of(new TagFn(modelDir, batch))
                .withOutputTags(SCORES, TupleTagList.of(FailedFile.TAG)));
        out.get(SCORES).setCoder(SerializableCoder.of(ClipScores.class));
        out.get(FailedFile.TAG).setCoder(SerializableCoder.of(FailedFile.class));
        return out;
    }

    /** A decoded clip's features waiting for its batch. */
    private record Pending(CorpusFile file, TimeMajorFeatures features) {
    }

    /** Loads the model once per worker, decodes and featurises each file, scores clips in batches. */
    static final class TagFn extends DoFn<CorpusFile, ClipScores> {
        private static final long serialVersionUID = 1L;

        private final String modelDir;
        private final int batch;
        private final Counter read = CorpusCounts.counter(CorpusCounts.READ);
        private final Counter done = CorpusCounts.counter(CorpusCounts.DONE);
        private final Counter failed = CorpusCounts.counter(CorpusCounts.FAILED);
        private transient Tagger tagger;
        private transient IsolatedDecoder decoder;
        private transient List<Pending> pending;

        TagFn(String modelDir, int batch) {
            this.modelDir = modelDir;
            this.batch = batch;
        }

        @Setup
        public void setup() throws IOException {
            tagger = Tagger.load(Path.of(modelDir));
            decoder = IsolatedDecoder.acquire();
        }

        @StartBundle
        public void startBundle() {
            pending = new ArrayList<>();
        }

        @ProcessElement
        public void process(@Element CorpusFile file, MultiOutputReceiver out) {
            read.inc();
            try {
                pending.add(new Pending(file, features(file.path())));
            } catch (IOException | RuntimeException e) {
                failed.inc();
                out.get(FailedFile.TAG).output(FailedFile.of(file, e));
                return;
            }
            if (pending.size() >= batch) {
                flush((s, f) -> {
                    if (s != null) {
                        out.get(SCORES).output(s);
                    } else {
                        out.get(FailedFile.TAG).output(f);
                    }
                });
            }
        }

        @FinishBundle
        public void finishBundle(FinishBundleContext c) {
            BoundedWindow w = GlobalWindow.INSTANCE;
            flush((s, f) -> {
                if (s != null) {
                    c.output(SCORES, s, w.maxTimestamp(), w);
                } else {
                    c.output(FailedFile.TAG, f, w.maxTimestamp(), w);
                }
            });
        }

        /** Where a flushed clip goes: scores or a dead letter (the other argument null). */
        private interface Sink {
            void accept(ClipScores scores, FailedFile failure);
        }

        private void flush(Sink sink) {
            if (pending.isEmpty()) {
                return;
            }
            List<float[]> scores;
            try {
                scores = tagger.scores(pending.stream().map(Pending::features).toList());
            } catch (RuntimeException e) {
                // one bad clip fails the whole call: score clip by clip so that only it becomes a dead letter
                scores = null;
            }
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                try {
                    float[] s = scores != null ? scores.get(i) : tagger.scores(p.features());
                    done.inc();
                    sink.accept(new ClipScores(p.file().relative(), s), null);
                } catch (RuntimeException e) {
                    failed.inc();
                    sink.accept(null, FailedFile.of(p.file(), e));
                }
            }
            pending.clear();
        }

        private TimeMajorFeatures features(Path file) throws IOException {
            InputFiles.requireReadableFile(file);
            float[] y;
            try {
                y = org.audiotag.features.AudioLoader.atRate(tagger.sampleRate()).fromDecoded(decoder.decode(file))
                        .samples();
            } catch (IllegalArgumentException e) { // the resampler's "too short to resample" names no file
                throw new AudioFormatException(file, e.getMessage(), e);
            }
            if (y.length == 0) {
                throw new AudioFormatException(file, "no audio: the file decodes to 0 samples");
            }
            try {
                return tagger.features(y);
            } catch (IllegalArgumentException e) {
                throw new AudioFormatException(file, e.getMessage(), e);
            }
        }

        @Teardown
        public void teardown() {
            try {
                if (tagger != null) {
                    tagger.close();
                    tagger = null;
                }
            } finally {
                if (decoder != null) {
                    IsolatedDecoder.release(decoder);
                    decoder = null;
                }
            }
        }
    }
}
