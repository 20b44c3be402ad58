package org.audiotag.train.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureFunction;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.InputKind;
import org.audiotag.train.FeatureCache;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.LabeledClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data of one run: the feature caches of the dataset (log-mels, or decoded audio for raw-waveform models and
 * on-the-fly augmentation), the readable training and validation clips, the window geometry of crops and test
 * windows, each clip's padding value and the input normalisation. Owns the caches; close it.
 *
 * <p>Features are those of the whole clip (crops and windows cut from them), or, given a fixed-length pipeline
 * ({@link #pipeline()}: the original's pipelines A, B or C, docs/ORIGINAL-PROJECT.md §1.3-§1.5), those of the clip
 * prepared as {@code FeatureExtractor} prepares it ({@link PreparedClipFeatures}), whose one window is the whole
 * prepared clip.
 *
 * <p>When both caches are needed (log-mel models with on-the-fly augmentation), each clip is decoded once: the
 * decoded-audio cache is built first and the log-mels are computed from its samples, which are exactly the samples
 * {@link LogMelFeatures#compute(java.nio.file.Path)} decodes, so the log-mel cache is the one (same key, same
 * values) a run without augmentation builds and shares.
 */
public final class TrainingData implements AutoCloseable {

    /** Messages about the data keep the training log's logger name, which the command line shows. */
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Dataset dataset;
    private final boolean raw;
    private final FeatureCache features;
    private final FeatureCache waveforms;
    private final int[] train;
    private final int[] validation;
    private final int window;
    private final int hop;
    private final float[] clipMin;
    private final InputNormalization normalization;
    private final FeatureConfig pipeline;

    private TrainingData(Dataset dataset, boolean raw, FeatureCache features, FeatureCache waveforms, int[] trainIdx,
            int[] valIdx, LogMelFeatures mel, TrainingConfig cfg, FeatureConfig pipeline) throws IOException {
        this.dataset = dataset;
        this.pipeline = pipeline;
        this.raw = raw;
        this.features = features;
        this.waveforms = waveforms;
        this.train = usable(trainIdx, "training");
        this.validation = usable(valIdx, "validation");
        if (pipeline != null) {
            window = raw ? pipeline.nSamples() : pipeline.framesPerClip();
            hop = window;
        } else if (raw) {
            window = (int) Math.round(cfg.cropFrames() * 2.0 / 128 * mel.sr());
            hop = Math.max(1, (int) ((long) window * cfg.windowHopFrames() / cfg.cropFrames()));
        } else {
            window = cfg.cropFrames();
            hop = cfg.windowHopFrames();
        }
        clipMin = new float[dataset.size()];
        for (int i = 0; i < dataset.size(); i++) {
            clipMin[i] = raw ? 0f : minOf(features, i);
        }
        normalization = cfg.normalize() && !raw ? InputNormalization.fit(features, train) : InputNormalization.none();
    }

    /**
     * Opens (computing if needed) the caches and prepares the clips.
     *
     * @param dataset the dataset
     * @param trainIdx indices of training clips
     * @param valIdx indices of validation clips
     * @param kind the model's input kind
     * @param mel the log-mel configuration (its rate is also the waveform rate)
     * @param cfg training options (crop and window lengths, normalisation, threads, unreadable-audio policy)
     * @param cacheRoot folder of feature caches
     * @param needWaveforms whether decoded audio is needed besides log-mels (on-the-fly augmentation)
     * @return the data; the caller closes it
     * @throws IOException on unreadable audio under FAIL, disk errors, or no readable clip in a set
     */
    public static TrainingData open(Dataset dataset, int[] trainIdx, int[] valIdx, InputKind kind, LogMelFeatures mel,
            TrainingConfig cfg, Path cacheRoot, boolean needWaveforms) throws IOException {
        return open(dataset, trainIdx, valIdx, kind, mel, cfg, cacheRoot, needWaveforms,
                new WaveformFeatures(mel.sr()));
    }

    /**
     * Opens the caches as {@link #open(Dataset, int[], int[], InputKind, LogMelFeatures, TrainingConfig, Path,
     * boolean)} with a given decoder for the decoded-audio cache (tests count its calls).
     *
     * @param dataset the dataset
     * @param trainIdx indices of training clips
     * @param valIdx indices of validation clips
     * @param kind the model's input kind
     * @param mel the log-mel configuration
     * @param cfg training options
     * @param cacheRoot folder of feature caches
     * @param needWaveforms whether decoded audio is needed besides log-mels
     * @param decoder decodes one file to mono samples at {@code mel.sr()} Hz, one bin per frame, exactly as
     *     {@link WaveformFeatures} does (its cache key names the cache)
     * @return the data; the caller closes it
     * @throws IOException on unreadable audio under FAIL, disk errors, or no readable clip in a set
     */
    public static TrainingData open(Dataset dataset, int[] trainIdx, int[] valIdx, InputKind kind, LogMelFeatures mel,
            TrainingConfig cfg, Path cacheRoot, boolean needWaveforms, FeatureFunction decoder) throws IOException {
        return open(dataset, trainIdx, valIdx, kind, mel, cfg, cacheRoot, needWaveforms, decoder, null);
    }

    /**
     * Opens (computing if needed) the caches and prepares the clips, with whole-clip or fixed-length features.
     *
     * @param dataset the dataset
     * @param trainIdx indices of training clips
     * @param valIdx indices of validation clips
     * @param kind the model's input kind
     * @param mel the log-mel configuration (its rate is also the waveform rate; on-the-fly features)
     * @param cfg training options (crop and window lengths, normalisation, threads, unreadable-audio policy)
     * @param cacheRoot folder of feature caches
     * @param needWaveforms whether decoded audio is needed besides log-mels (on-the-fly augmentation)
     * @param decoder decodes one file to mono samples at {@code mel.sr()} Hz, as {@link WaveformFeatures} does
     * @param pipeline a fixed-length pipeline whose prepared-clip features the model reads ({@code RAW_WAVEFORM}
     *     for raw-waveform models, a log-mel kind otherwise), or {@code null} for whole-clip features
     * @return the data; the caller closes it
     * @throws IOException on unreadable audio under FAIL, disk errors, or no readable clip in a set
     */
    public static TrainingData open(Dataset dataset, int[] trainIdx, int[] valIdx, InputKind kind, LogMelFeatures mel,
            TrainingConfig cfg, Path cacheRoot, boolean needWaveforms, FeatureFunction decoder, FeatureConfig pipeline)
            throws IOException {
        boolean raw = kind == InputKind.RAW_WAVEFORM;
        List<Path> files = dataset.clips().stream().map(LabeledClip::file).toList();
        FeatureCache e = null;
        FeatureCache w = null;
        try {
            if (raw || needWaveforms) {
                w = FeatureCache.open(cacheRoot, files, raw && pipeline != null ? new PreparedClipFeatures(pipeline)
                        : decoder, cfg.threads(), cfg.badAudioPolicy());
            }
            if (!raw) {
                FeatureFunction f = pipeline != null ? new PreparedClipFeatures(pipeline)
                        : w == null ? mel : new LogMelOfDecoded(mel, w, files);
                e = FeatureCache.open(cacheRoot, files, f, cfg.threads(), cfg.badAudioPolicy());
            }
            return new TrainingData(dataset, raw, raw ? w : e, w, trainIdx, valIdx, mel, cfg, pipeline);
        } catch (IOException | RuntimeException ex) {
            if (e != null) {
                e.close();
            }
            if (w != null) {
                w.close();
            }
            throw ex;
        }
    }

    /**
     * The log-mel feature function computed from the decoded-audio cache instead of the file: same cache key and
     * values as {@code mel}, no second decoding. A clip the decoded-audio cache skipped fails with its message.
     */
    private static final class LogMelOfDecoded implements FeatureFunction {
        private final LogMelFeatures mel;
        private final FeatureCache decoded;
        private final Map<Path, Integer> index = new HashMap<>();

        LogMelOfDecoded(LogMelFeatures mel, FeatureCache decoded, List<Path> files) {
            this.mel = mel;
            this.decoded = decoded;
            for (int i = files.size() - 1; i >= 0; i--) {
                index.put(files.get(i).toAbsolutePath().normalize(), i);
            }
        }

        @Override
        public String cacheKey() {
            return mel.cacheKey();
        }

        @Override
        public int bins() {
            return mel.bins();
        }

        @Override
        public TimeMajorFeatures compute(Path file) throws IOException {
            Integer i = index.get(file.toAbsolutePath().normalize());
            if (i == null) {
                throw new IllegalStateException(file + ": not in the decoded-audio cache");
            }
            if (decoded.failure(i) != null) {
                throw new IOException(decoded.failure(i));
            }
            float[] y = new float[decoded.frames(i)];
            decoded.copyFrames(i, 0, y.length, y, 0);
            return mel.compute(y);
        }
    }

    private int[] usable(int[] idx, String what) throws IOException {
        int[] out = Arrays.stream(idx).filter(i -> features.failure(i) == null
                && (waveforms == null || waveforms.failure(i) == null)).toArray();
        if (out.length < idx.length) {
            LOG.warn("{} of {} {} clips are unreadable and left out", idx.length - out.length, idx.length, what);
        }
        if (out.length == 0) {
            throw new IOException("no readable " + what + " clips");
        }
        return out;
    }

    private static float minOf(FeatureCache c, int i) {
        if (c.frames(i) == 0) {
            return 0f;
        }
        float m = Float.POSITIVE_INFINITY;
        for (float v : c.get(i).data()) {
            m = Math.min(m, v);
        }
        return m;
    }

    /**
     * Returns the fixed-length pipeline the features were computed with, or {@code null} for whole-clip features.
     */
    public FeatureConfig pipeline() {
        return pipeline;
    }

    /** Returns the dataset the indices refer to. */
    public Dataset dataset() {
        return dataset;
    }

    /** Returns whether the model reads raw waveforms (windows in samples) rather than log-mels (windows in frames). */
    public boolean raw() {
        return raw;
    }

    /** Returns the cache crops and windows are cut from: log-mels, or decoded audio for raw-waveform models. */
    public FeatureCache features() {
        return features;
    }

    /** Returns the decoded-audio cache, or {@code null} when neither needed nor opened. */
    public FeatureCache waveforms() {
        return waveforms;
    }

    /** Returns the readable training clips (a copy). */
    public int[] train() {
        return train.clone();
    }

    /** Returns the readable validation clips (a copy). */
    public int[] validation() {
        return validation.clone();
    }

    /** Returns the number of readable training clips. */
    public int trainSize() {
        return train.length;
    }

    /**
     * Returns the dataset index of the {@code k}-th readable training clip.
     *
     * @param k position in the training set
     * @return the dataset index
     */
    public int trainClip(int k) {
        return train[k];
    }

    /** Returns the crop and test-window length: frames for log-mels, samples for waveforms. */
    public int window() {
        return window;
    }

    /** Returns the hop between test windows, in the unit of {@link #window()}. */
    public int hop() {
        return hop;
    }

    /** Returns the number of values per frame of {@link #features()}. */
    public int bins() {
        return features.bins();
    }

    /** Returns the number of tags. */
    public int numTags() {
        return dataset.vocabulary().size();
    }

    /** Returns the input normalisation (fitted on the training clips, or the identity). */
    public InputNormalization normalization() {
        return normalization;
    }

    /**
     * Returns a clip's length in frames (samples for waveforms).
     *
     * @param clip dataset index
     * @return the length
     */
    public int frames(int clip) {
        return features.frames(clip);
    }

    /**
     * Writes a {@link #window()}-long crop of a clip (time-major, {@link #bins()} values per frame), padded with the
     * clip's minimum (its silence in dB; 0 for waveforms) when the clip is shorter. Not normalised.
     *
     * @param clip dataset index
     * @param start crop start for long clips, or placement inside the window for short ones ({@link Crops#crop})
     * @param dst destination
     * @param off offset in {@code dst}
     */
    public void crop(int clip, int start, float[] dst, int off) {
        Crops.crop((f, c, d, o) -> features.copyFrames(clip, f, c, d, o), features.frames(clip), features.bins(),
                window, start, clipMin[clip], dst, off);
    }

    /**
     * Returns the model input shape of one window: (frames, mels, 1), (frames, mels) or (samples).
     *
     * @param kind the model's input kind
     * @return the shape
     */
    public int[] inputShape(InputKind kind) {
        return switch (kind) {
            case LOG_MEL_IMAGE -> new int[] {window, bins(), 1};
            case MEL_SEQUENCE -> new int[] {window, bins()};
            case RAW_WAVEFORM -> new int[] {window};
        };
    }

    @Override
    public void close() throws IOException {
        try {
            if (features != null) {
                features.close();
            }
        } finally {
            if (waveforms != null && waveforms != features) {
                waveforms.close();
            }
        }
    }
}
