package org.audiotag.beam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.audiotag.beam.internal.IsolatedDecoder;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.Decibels;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.LibrosaFeature;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.NpyFile;

/**
 * Computes the features a {@link FeatureConfig} describes for every file of a corpus and writes each as a float32
 * C-order {@code .npy} file ({@code numpy.load} reads it) under an output folder that mirrors the corpus tree:
 * {@code dog/1-100.ogg} becomes {@code OUT/dog/1-100.npy}, with the shape {@link FeatureExtractor#extract(AudioClip)}
 * returns ({@code (n_mels, frames)} for {@link FeatureConfig.Kind#LOG_MEL_IMAGE}, {@code (frames, n_mels)} for the
 * sequence, {@code (1, n_samples)} for the waveform). Trimming and the fixed-length step are the extractor's
 * ({@link FeatureExtractor#prepare}, first crop); the log-mel kinds are then computed in double precision,
 * {@code power_to_db(melspectrogram(y), ref, amin, top_db)} as {@code audiotag features} computes it, and rounded to
 * float32 (the extractor's own float32 path differs from it by up to about 2e-4 dB). Each file is decoded, mixed to
 * mono and resampled to the configuration's rate ({@code librosa.load(sr=...)}), or kept at its own rate with
 * {@link #atNativeRate()} (the configuration's rate is then replaced by the file's).
 *
 * <p>{@link #to(Path, LibrosaFeature)} writes instead one {@link LibrosaFeature} of each whole file (any kind:
 * {@code stft}, {@code mel}, {@code logmel}, {@code mfcc}) in librosa's {@code (bins, frames)} layout, computed in
 * double precision by {@link LibrosaFeature#compute(double[], int)} and rounded to float32: the values of
 * {@code audiotag features} with the same options. Each file keeps its own rate unless {@link #atRate(int)}
 * resamples.
 *
 * <p>Outputs: {@link #WRITTEN}, the relative path of every {@code .npy} written, and {@link FailedFile#TAG}, a dead
 * letter for every file that could not be decoded, featurised or written; a failing file never stops the corpus.
 * Counters: {@link CorpusCounts}. Each worker decodes with its own {@link IsolatedDecoder}, so Ogg Vorbis decoding
 * scales with workers.
 *
 * {@snippet :
 * PCollectionTuple out = pipeline.apply(AudioCorpus.of("data/esc10").read())
 *         .apply(ExtractFeatures.to(Path.of("features"), config));
 * out.get(FailedFile.TAG).apply(WriteFailures.to(Path.of("features/failed.csv")));
 * }
 */
public final class ExtractFeatures extends PTransform<PCollection<CorpusFile>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;

    /** The relative paths of the {@code .npy} files written, {@code /}-separated. */
    public static final TupleTag<String> WRITTEN = new TupleTag<>("written") {
        private static final long serialVersionUID = 1L;
    };

    private final String outputDir;
    private final String config;
    private final LibrosaFeature feature;
    /** The rate every file is resampled to, or 0 to keep each file's own. */
    private final int sampleRate;

    private ExtractFeatures(String outputDir, String config, LibrosaFeature feature, int sampleRate) {
        this.outputDir = outputDir;
        this.config = config;
        this.feature = feature;
        this.sampleRate = sampleRate;
    }

    /**
     * Extracts {@code config}'s features into {@code outputDir}, at the configuration's sample rate.
     *
     * @param outputDir the folder the {@code .npy} tree is written under (created as needed)
     * @param config the features, e.g. {@code FeatureConfig.pipelineA()}
     * @return the transform
     */
    public static ExtractFeatures to(Path outputDir, FeatureConfig config) {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(config, "config");
        return new ExtractFeatures(outputDir.toAbsolutePath().normalize().toString(), config.toText(), null,
                config.sampleRate());
    }

    /**
     * Extracts one librosa feature of each whole file into {@code outputDir}, at each file's own sample rate
     * ({@code librosa.load(sr=None)}; {@link #atRate(int)} resamples): the shape and values of
     * {@code audiotag features} with the same parameters, rounded to float32.
     *
     * @param outputDir the folder the {@code .npy} tree is written under (created as needed)
     * @param feature the feature, e.g. {@code LibrosaFeature.builder().kind(LibrosaFeature.Kind.MFCC).build()}
     * @return the transform
     */
    public static ExtractFeatures to(Path outputDir, LibrosaFeature feature) {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(feature, "feature");
        return new ExtractFeatures(outputDir.toAbsolutePath().normalize().toString(), null, feature, 0);
    }

    /**
     * Returns a copy that resamples every file to {@code sr} ({@code librosa.load(sr=sr)}) before the features.
     *
     * @param sr the sample rate in Hz, &gt;= 1
     * @return the transform at that rate
     * @throws IllegalArgumentException if {@code sr < 1}
     */
    public ExtractFeatures atRate(int sr) {
        if (sr < 1) {
            throw new IllegalArgumentException("sr must be >= 1, got " + sr);
        }
        return new ExtractFeatures(outputDir, config, feature, sr);
    }

    /**
     * Returns a copy that keeps each file's own sample rate ({@code librosa.load(sr=None)}) instead of resampling to
     * the configuration's; a mel upper edge left at its default follows each file's Nyquist frequency.
     *
     * @return the transform at the files' native rates
     */
    public ExtractFeatures atNativeRate() {
        return new ExtractFeatures(outputDir, config, feature, 0);
    }

    /**
     * Returns where a corpus file's features are written: its relative path with the extension replaced by
     * {@code .npy} (added if it has none).
     *
     * @param relative the file's path relative to the corpus root
     * @return the {@code .npy} path relative to the output folder
     */
    public static String npyPath(String relative) {
        int dot = relative.lastIndexOf('.');
        String stem = dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
        return stem + ".npy";
    }

    /**
     * Checks that no two files of a corpus are written to one {@code .npy} ({@code a.wav} and {@code a.ogg} in one
     * folder), before any work starts.
     *
     * @param corpus the corpus
     * @throws IllegalArgumentException naming both files of the first clash
     */
    public static void requireDistinctOutputs(AudioCorpus corpus) {
        Map<String, String> seen = new HashMap<>();
        for (String r : corpus.relativePaths()) {
            String first = seen.putIfAbsent(npyPath(r), r);
            if (first != null) {
                throw new IllegalArgumentException(corpus.root().resolve(r) + ": its features would overwrite those "
                        + "of " + first + " (both are written to " + npyPath(r) + "); rename one or list them apart");
            }
        }
    }

    @Override
    public PCollectionTuple expand(PCollection<CorpusFile> files) {
        PCollectionTuple out = files.apply("ExtractFeatures",
                ParDo.of(new ExtractFn(outputDir, config, feature, sampleRate))
                        .withOutputTags(WRITTEN, TupleTagList.of(FailedFile.TAG)));
        out.get(WRITTEN).setCoder(StringUtf8Coder.of());
        out.get(FailedFile.TAG).setCoder(SerializableCoder.of(FailedFile.class));
        return out;
    }

    /** Decodes, featurises and writes one file per element. */
    static final class ExtractFn extends DoFn<CorpusFile, String> {
        private static final long serialVersionUID = 1L;

        private final String outputDir;
        private final String configText;
        private final LibrosaFeature feature;
        private final int sampleRate;
        private final Counter read = CorpusCounts.counter(CorpusCounts.READ);
        private final Counter done = CorpusCounts.counter(CorpusCounts.DONE);
        private final Counter failed = CorpusCounts.counter(CorpusCounts.FAILED);
        private transient IsolatedDecoder decoder;
        private transient FeatureConfig config;
        private transient Map<Integer, Extractor> extractors;

        ExtractFn(String outputDir, String configText, LibrosaFeature feature, int sampleRate) {
            this.outputDir = outputDir;
            this.configText = configText;
            this.feature = feature;
            this.sampleRate = sampleRate;
        }

        @Setup
        public void setup() {
            config = configText == null ? null : FeatureConfig.parse(configText);
            extractors = new HashMap<>();
            decoder = IsolatedDecoder.acquire();
        }

        @ProcessElement
        public void process(@Element CorpusFile file, MultiOutputReceiver out) {
            read.inc();
            String target = npyPath(file.relative());
            try {
                FeatureMatrix m = features(file.path());
                Path npy = Path.of(outputDir).resolve(target);
                Files.createDirectories(npy.getParent());
                NpyFile.write(npy, m.toArray(), m.rows(), m.cols());
            } catch (IOException | RuntimeException e) {
                failed.inc();
                out.get(FailedFile.TAG).output(FailedFile.of(file, e));
                return;
            }
            done.inc();
            out.get(WRITTEN).output(target);
        }

        private FeatureMatrix features(Path file) throws IOException {
            AudioLoader loader = sampleRate == 0 ? AudioLoader.nativeRate() : AudioLoader.atRate(sampleRate);
            AudioClip clip;
            try {
                clip = loader.fromDecoded(decoder.decode(file));
            } catch (IllegalArgumentException e) { // the resampler's "too short to resample" names no file
                throw new AudioFormatException(file, e.getMessage(), e);
            }
            if (clip.length() == 0) {
                throw new AudioFormatException(file, "no audio samples");
            }
            try {
                if (feature != null) {
                    return feature.compute(clip.samplesAsDouble(), clip.sampleRate()).toFloat();
                }
                Extractor x = extractors.computeIfAbsent(clip.sampleRate(), sr -> new Extractor(
                        sr == config.sampleRate() ? config : config.toBuilder().sampleRate(sr).build()));
                return x.features(clip.samples());
            } catch (IllegalArgumentException e) {
                throw new AudioFormatException(file, e.getMessage(), e);
            }
        }

        @Teardown
        public void teardown() {
            if (decoder != null) {
                IsolatedDecoder.release(decoder);
                decoder = null;
            }
        }
    }

    /** The features of one configuration at one sample rate. */
    private static final class Extractor {
        private final FeatureConfig config;
        private final FeatureExtractor extractor;
        private final MelSpectrogram mel;

        Extractor(FeatureConfig config) {
            this.config = config;
            this.extractor = FeatureExtractor.of(config);
            this.mel = config.kind() == FeatureConfig.Kind.RAW_WAVEFORM ? null : config.melSpectrogram();
        }

        /** Trim and length policy, then the waveform, or the log-mel in double precision rounded to float32. */
        FeatureMatrix features(float[] y) {
            float[] prepared = extractor.prepare(y, null);
            if (mel == null) {
                return extractor.featuresOfPrepared(prepared);
            }
            double[] yd = new double[prepared.length];
            for (int i = 0; i < yd.length; i++) {
                yd[i] = prepared[i];
            }
            DoubleMatrix db = Decibels.powerToDb(mel.compute(yd), config.ref(), config.amin(), config.topDb());
            return (config.kind() == FeatureConfig.Kind.LOG_MEL_SEQUENCE ? db.transpose() : db).toFloat();
        }
    }

    /**
     * The relative paths of the {@code .npy} files of a corpus, in corpus order.
     *
     * @param corpus the corpus
     * @return one {@link #npyPath(String)} per file
     */
    public static List<String> npyPaths(AudioCorpus corpus) {
        return corpus.relativePaths().stream().map(ExtractFeatures::npyPath).toList();
    }
}
