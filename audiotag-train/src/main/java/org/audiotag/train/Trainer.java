package org.audiotag.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.eval.AveragePrecision;
import org.audiotag.eval.Lwlrap;
import org.audiotag.eval.Predictions;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.InputKind;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.models.TaggingConfig;
import org.audiotag.models.WindowAggregation;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.LabeledClip;
import org.audiotag.train.data.Split;
import org.audiotag.train.internal.AtomicFiles;
import org.audiotag.train.internal.Crops;
import org.audiotag.train.internal.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop of SEED-SPEC 5.1 with the fixes of section 10: Adam with a learning rate fed every step, BCE with
 * logits, a {@link LrSchedule} stepped on validation lwlrap, early stopping, the best checkpoint restored at the
 * end, random crops at train time and sliding windows at test time, optional input standardisation and mixing.
 *
 * <p>A run folder holds {@code state.properties} (the commit point of each epoch), {@code ckpt/epoch-NNNN.*}
 * TensorFlow checkpoints (the last one and the best one are kept), {@code history.csv}/{@code .json},
 * {@code split.csv}, {@code provenance.properties} and finally {@code model/} (SavedModel + feature configuration +
 * vocabulary). Calling {@link #train} again on a folder whose run was interrupted resumes after its last finished
 * epoch; since every random choice (order, crops, mixing, augmentation) is drawn from (seed, epoch, index), the resumed
 * run makes the same choices as an uninterrupted one.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    static final String STATE_FILE = "state.properties";
    /**
     * Name of the second provenance file of release 0.1 exports.
     *
     * @deprecated exported models now hold one provenance file, {@link ExportedModel#PROVENANCE_FILE}; this name
     *     is {@link ExportedModel#LEGACY_TRAINING_FILE}
     */
    @Deprecated(forRemoval = true)
    public static final String MODEL_INFO_FILE = ExportedModel.LEGACY_TRAINING_FILE;
    /**
     * Name of the vocabulary file inside an exported model.
     *
     * @deprecated use {@link ExportedModel#TAGS_FILE}
     */
    @Deprecated(forRemoval = true)
    public static final String VOCABULARY_FILE = ExportedModel.TAGS_FILE;

    private final TrainingConfig cfg;
    private final LogMelFeatures mel;
    private final AugmentPipeline augment;
    private final AugmentSpec spec;
    private final double mixProbability;
    private final Path cacheRoot;
    private final TrainingListener listener;

    /**
     * @param cfg training options
     * @param mel the log-mel configuration (its {@link LogMelFeatures#sr()} is also the waveform rate)
     * @param augment augmentation recipe ({@code null} = none); its mixing probability, when set, replaces
     *     {@link TrainingConfig#mixProbability()}, its waveform transforms run on the fly
     * @param cacheRoot folder of feature caches
     * @param listener progress receiver
     */
    public Trainer(TrainingConfig cfg, LogMelFeatures mel, AugmentSpec augment, Path cacheRoot,
            TrainingListener listener) {
        this.cfg = java.util.Objects.requireNonNull(cfg, "cfg");
        this.mel = java.util.Objects.requireNonNull(mel, "mel");
        this.spec = augment == null ? AugmentSpec.none() : augment;
        this.augment = spec.pipeline();
        this.mixProbability = spec.mixProbability() > 0 ? spec.mixProbability() : cfg.mixProbability();
        this.cacheRoot = java.util.Objects.requireNonNull(cacheRoot, "cacheRoot");
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    /**
     * Trains (or resumes training) on {@code train} and validates on {@code validation} every epoch.
     *
     * @param data the dataset
     * @param train indices of training clips
     * @param validation indices of validation clips
     * @param runDir the run folder (created; an interrupted run in it is resumed)
     * @return the result; the model is exported to {@code runDir/model}
     * @throws IOException for unreadable audio (under FAIL), disk errors, or a run folder holding a different run
     * @throws IllegalArgumentException for an unknown architecture or empty / overlapping index sets
     */
    public TrainingResult train(Dataset data, int[] train, int[] validation, Path runDir) throws IOException {
        if (train.length < 2) {
            throw new IllegalArgumentException("train: needs at least 2 clips, got " + train.length);
        }
        if (validation.length < 1) {
            throw new IllegalArgumentException("validation: needs at least 1 clip");
        }
        boolean[] inTrain = new boolean[data.size()];
        for (int i : train) {
            inTrain[i] = true;
        }
        for (int i : validation) {
            if (inTrain[i]) {
                throw new IllegalArgumentException("validation: clip " + data.clip(i).file()
                        + " is also a training clip");
            }
        }
        Architecture arch = Architecture.byName(cfg.architecture());
        Files.createDirectories(runDir);
        try (Run run = new Run(data, train, validation, runDir, arch)) {
            return run.execute();
        }
    }

    /** All state of one run. */
    private final class Run implements AutoCloseable {
        final Dataset data;
        final Path runDir;
        final Architecture arch;
        final boolean raw;
        final FeatureCache evalCache;
        final FeatureCache waveCache;
        final int[] train;
        final int[] val;
        final int window;
        final int hop;
        final int numTags;
        final float[] clipMin;
        float mean;
        float std = 1f;
        final ModelConfig modelConfig;
        final String fingerprint;

        Run(Dataset data, int[] trainIdx, int[] valIdx, Path runDir, Architecture arch) throws IOException {
            this.data = data;
            this.runDir = runDir;
            this.arch = arch;
            this.raw = arch.inputKind() == InputKind.RAW_WAVEFORM;
            this.numTags = data.vocabulary().size();
            List<Path> files = data.clips().stream().map(LabeledClip::file).toList();
            WaveformFeatures wf = new WaveformFeatures(mel.sr());
            FeatureCache e = null;
            FeatureCache w = null;
            try {
                if (!raw) {
                    e = FeatureCache.open(cacheRoot, files, mel, cfg.threads(), cfg.badAudioPolicy());
                }
                if (raw || augment != null) {
                    w = FeatureCache.open(cacheRoot, files, wf, cfg.threads(), cfg.badAudioPolicy());
                }
            } catch (IOException | RuntimeException ex) {
                if (e != null) {
                    e.close();
                }
                throw ex;
            }
            this.evalCache = raw ? w : e;
            this.waveCache = w;
            this.train = usable(trainIdx, "training");
            this.val = usable(valIdx, "validation");
            if (raw) {
                window = (int) Math.round(cfg.cropFrames() * 2.0 / 128 * mel.sr());
                hop = Math.max(1, (int) ((long) window * cfg.windowHopFrames() / cfg.cropFrames()));
            } else {
                window = cfg.cropFrames();
                hop = cfg.windowHopFrames();
            }
            clipMin = new float[data.size()];
            for (int i = 0; i < data.size(); i++) {
                clipMin[i] = raw ? 0f : minOf(evalCache, i);
            }
            if (cfg.normalize() && !raw) {
                double s = 0;
                double s2 = 0;
                long n = 0;
                for (int i : train) {
                    float[] d = evalCache.get(i).data();
                    for (float v : d) {
                        s += v;
                        s2 += (double) v * v;
                    }
                    n += d.length;
                }
                mean = (float) (s / n);
                std = (float) Math.sqrt(Math.max(s2 / n - (s / n) * (s / n), 1e-12));
            }
            int[] shape = switch (arch.inputKind()) {
                case LOG_MEL_IMAGE -> new int[] {window, mel.nMels(), 1};
                case MEL_SEQUENCE -> new int[] {window, mel.nMels()};
                case RAW_WAVEFORM -> new int[] {window};
            };
            modelConfig = ModelConfig.builder().inputShape(shape).numTags(numTags).seed(cfg.seed())
                    .learningRate((float) cfg.lr()).weightDecay((float) cfg.weightDecay())
                    .clipNorm((float) cfg.clipNorm()).build();
            // the epoch budget may grow on resume, except for cosine whose curve depends on it
            TrainingConfig id = cfg.schedule() == ScheduleKind.COSINE ? cfg : cfg.toBuilder().epochs(1).build();
            fingerprint = sha(id + "|" + arch.cliName() + "|" + modelConfig + "|" + mel.cacheKey() + "|"
                    + spec.text() + "|mix=" + mixProbability + "|" + Arrays.toString(train) + "|"
                    + Arrays.toString(val) + "|" + data.vocabulary().labels() + "|" + evalCache.key());
        }

        private int[] usable(int[] idx, String what) throws IOException {
            int[] out = Arrays.stream(idx).filter(i -> evalCache.failure(i) == null
                    && (waveCache == null || waveCache.failure(i) == null)).toArray();
            if (out.length < idx.length) {
                LOG.warn("{} of {} {} clips are unreadable and left out", idx.length - out.length, idx.length, what);
            }
            if (out.length == 0) {
                throw new IOException("no readable " + what + " clips");
            }
            return out;
        }

        TrainingResult execute() throws IOException {
            LrSchedule schedule = switch (cfg.schedule()) {
                case PLATEAU -> LrSchedule.reduceOnPlateau(cfg.lr(), cfg.plateauFactor(), cfg.plateauPatience(), 0);
                case COSINE -> LrSchedule.cosine(cfg.lr(), cfg.epochs(), 0);
                case CONSTANT -> LrSchedule.constant(cfg.lr());
            };
            List<EpochRecord> records = new ArrayList<>();
            int startEpoch = 0;
            int bestEpoch = -1;
            double bestLwlrap = Double.NEGATIVE_INFINITY;
            Path ckptDir = runDir.resolve("ckpt");
            try (TagModel model = arch.build(modelConfig)) {
                Properties st = readState();
                if (st != null) {
                    if (!fingerprint.equals(st.getProperty("fingerprint"))) {
                        throw new IOException(runDir + ": holds a different run (configuration, data or split "
                                + "differ); choose a new run folder");
                    }
                    int done = Integer.parseInt(st.getProperty("epochsDone"));
                    model.restoreCheckpoint(ckptDir.resolve(st.getProperty("lastCheckpoint")));
                    schedule.restore(parseDoubles(st.getProperty("schedule")));
                    bestEpoch = Integer.parseInt(st.getProperty("bestEpoch"));
                    bestLwlrap = Double.parseDouble(st.getProperty("bestLwlrap"));
                    records.addAll(History.read(runDir).records().subList(0, done));
                    startEpoch = done;
                    LOG.info("resuming {} after epoch {} (best lwlrap {} at epoch {})", runDir, done,
                            fmt(bestLwlrap), bestEpoch + 1);
                } else {
                    writeSplit();
                }
                writeProvenance(runDir.resolve("provenance.properties"), model);
                StopReason reason = StopReason.EPOCHS_DONE;
                String message = null;
                for (int epoch = startEpoch; epoch < cfg.epochs(); epoch++) {
                    if (cfg.earlyStoppingPatience() > 0 && bestEpoch >= 0
                            && epoch - 1 - bestEpoch >= cfg.earlyStoppingPatience()) {
                        reason = StopReason.EARLY_STOPPED;
                        break;
                    }
                    double lr = schedule.lr();
                    int[] order = Seeds.shuffled(train, Seeds.of(cfg.seed(), 1, epoch, -1));
                    int bs = cfg.batchSize();
                    int batches = (order.length + bs - 1) / bs;
                    float[] x = new float[bs * model.exampleSize()];
                    float[] y = new float[bs * numTags];
                    double lossSum = 0;
                    int lossCount = 0;
                    int seen = 0;
                    long t0 = System.nanoTime();
                    boolean nan = false;
                    for (int b = 0; b < batches; b++) {
                        int from = b * bs;
                        int n = Math.min(bs, order.length - from);
                        if (n < 2) {
                            continue; // batch norm needs 2 examples; the odd one is seen in other epochs
                        }
                        float[] xb = n == bs ? x : new float[n * model.exampleSize()];
                        float[] yb = n == bs ? y : new float[n * numTags];
                        for (int j = 0; j < n; j++) {
                            trainExample(order[from + j], epoch, from + j, xb, j * model.exampleSize(), yb,
                                    j * numTags);
                        }
                        float loss = model.trainStep(xb, yb, n, (float) lr);
                        if (!Float.isFinite(loss)) {
                            message = String.format(Locale.ROOT, "loss became %s at epoch %d batch %d (lr %s); "
                                    + "stopped, the last good checkpoint is kept", loss, epoch + 1, b + 1, fmt(lr));
                            nan = true;
                            break;
                        }
                        lossSum += loss * n;
                        lossCount += n;
                        seen += n;
                        listener.onBatch(epoch, b, batches, loss);
                    }
                    double trainSeconds = (System.nanoTime() - t0) / 1e9;
                    if (nan) {
                        LOG.error(message);
                        reason = StopReason.NAN_LOSS;
                        break;
                    }
                    Eval ev = evaluate(model);
                    EpochRecord rec = new EpochRecord(epoch, lr, lossSum / Math.max(1, lossCount), ev.loss,
                            ev.lwlrap, ev.map, ev.accuracy, trainSeconds, seen / trainSeconds);
                    schedule.step(epoch, ev.lwlrap);
                    boolean improved = ev.lwlrap > bestLwlrap;
                    if (improved) {
                        bestLwlrap = ev.lwlrap;
                        bestEpoch = epoch;
                    }
                    String prefix = String.format(Locale.ROOT, "epoch-%04d", epoch);
                    model.saveCheckpoint(ckptDir.resolve(prefix));
                    records.add(rec);
                    new History(records).write(runDir);
                    writeState(epoch + 1, prefix, schedule, bestEpoch, bestLwlrap);
                    pruneCheckpoints(ckptDir, prefix, String.format(Locale.ROOT, "epoch-%04d", bestEpoch));
                    // with a listener (the CLI's progress display) the per-epoch log line is DEBUG, else INFO
                    String line = String.format(Locale.ROOT, "epoch %d: lr %.3g train loss %.4f val loss %.4f lwlrap "
                            + "%.4f mAP %.4f acc %.4f (%.1f s, %.0f samples/s)%s", epoch + 1, lr, rec.trainLoss(),
                            rec.valLoss(), rec.valLwlrap(), rec.valMap(), rec.valAccuracy(), trainSeconds,
                            rec.trainSamplesPerSecond(), improved ? " *" : "");
                    if (listener == TrainingListener.NONE) {
                        LOG.info(line);
                    } else {
                        LOG.debug(line);
                    }
                    listener.onEpoch(rec, improved);
                }
                if (reason == StopReason.EPOCHS_DONE && cfg.earlyStoppingPatience() > 0 && bestEpoch >= 0
                        && records.size() < cfg.epochs()) {
                    reason = StopReason.EARLY_STOPPED;
                }
                History history = new History(records);
                if (bestEpoch < 0) {
                    return new TrainingResult(runDir, null, history, reason, message == null ? "no epoch finished"
                            : message, -1, Double.NaN, Double.NaN, Double.NaN, model.parameterCount(), Double.NaN);
                }
                if (cfg.restoreBest() || reason == StopReason.NAN_LOSS) {
                    Path best = ckptDir.resolve(String.format(Locale.ROOT, "epoch-%04d", bestEpoch));
                    if (reason == StopReason.NAN_LOSS && !cfg.restoreBest()) {
                        best = ckptDir.resolve(readState().getProperty("lastCheckpoint"));
                    }
                    model.restoreCheckpoint(best);
                }
                long t0 = System.nanoTime();
                Eval fin = evaluate(model);
                double clipsPerSecond = val.length / ((System.nanoTime() - t0) / 1e9);
                Path modelDir = export(model);
                if (message == null) {
                    message = String.format(Locale.ROOT, "%s after %d epochs; best epoch %d, val lwlrap %.4f, mAP "
                            + "%.4f, accuracy %.4f", reason == StopReason.EARLY_STOPPED ? "early stop"
                            : "finished", records.size(), bestEpoch + 1, fin.lwlrap, fin.map, fin.accuracy);
                }
                return new TrainingResult(runDir, modelDir, history, reason, message, bestEpoch, fin.lwlrap,
                        fin.map, fin.accuracy, model.parameterCount(), clipsPerSecond);
            }
        }

        /** Writes one training example (crop, optional mixing/augmentation, normalisation) and its target. */
        void trainExample(int clip, int epoch, int position, float[] x, int xo, float[] y, int yo) {
            SplittableRandom r = Seeds.of(cfg.seed(), 2, epoch, position);
            int bins = raw ? 1 : mel.nMels();
            if (augment != null && !raw) {
                augmentedExample(clip, epoch, position, r, x, xo, y, yo);
            } else {
                int frames = evalCache.frames(clip);
                Crops.crop((f, c, d, o) -> evalCache.copyFrames(clip, f, c, d, o), frames, bins, window,
                        Crops.randomStart(frames, window, r), clipMin[clip], x, xo);
                System.arraycopy(data.target(clip), 0, y, yo, numTags);
            }
            if (!raw && mixProbability > 0 && r.nextDouble() < mixProbability) {
                int other = train[r.nextInt(train.length)];
                int of = evalCache.frames(other);
                float[] buf = new float[window * bins];
                Crops.crop((f, c, d, o) -> evalCache.copyFrames(other, f, c, d, o), of, bins, window,
                        Crops.randomStart(of, window, r), clipMin[other], buf, 0);
                for (int k = 0; k < buf.length; k++) {
                    // power-domain sum of two dB spectrograms (ref 1): 10 log10(10^(a/10) + 10^(b/10))
                    double a = x[xo + k];
                    double b = buf[k];
                    double m = Math.max(a, b);
                    x[xo + k] = (float) (m + 10 * Math.log10(1 + Math.pow(10, (Math.min(a, b) - m) / 10)));
                }
                float[] t2 = data.target(other);
                for (int k = 0; k < numTags; k++) {
                    y[yo + k] = Math.max(y[yo + k], t2[k]);
                }
            }
            normalize(x, xo, window * bins);
        }

        void augmentedExample(int clip, int epoch, int position, SplittableRandom r, float[] x, int xo, float[] y,
                int yo) {
            int samples = (window - 1) * mel.hopLength();
            int len = waveCache.frames(clip);
            float[] audio = new float[samples];
            Crops.crop((f, c, d, o) -> waveCache.copyFrames(clip, f, c, d, o), len, 1, samples,
                    Crops.randomStart(len, samples, r), 0f, audio, 0);
            boolean silent = true;
            for (float v : audio) {
                if (v != 0f) {
                    silent = false;
                    break;
                }
            }
            if (silent) {
                audio[0] = 1e-6f; // augment rejects all-zero clips; a silent crop stays (numerically) silent
            }
            LabeledAudio in = LabeledAudio.of(audio, mel.sr(), data.target(clip), data.clip(clip).name());
            AugmentedExample ex = augment.apply(in, cfg.seed(), epoch, position);
            TimeMajorFeatures f = mel.compute(ex.audio().samples());
            float min = Float.POSITIVE_INFINITY;
            for (float v : f.data()) {
                min = Math.min(min, v);
            }
            Crops.crop((a, c, d, o) -> System.arraycopy(f.data(), a * f.bins(), d, o, c * f.bins()), f.frames(),
                    f.bins(), window, 0, min, x, xo);
            System.arraycopy(ex.audio().target(), 0, y, yo, numTags);
        }

        void normalize(float[] x, int off, int len) {
            if (mean == 0f && std == 1f) {
                return;
            }
            float inv = 1f / std;
            for (int k = off; k < off + len; k++) {
                x[k] = (x[k] - mean) * inv;
            }
        }

        Eval evaluate(TagModel model) {
            int bins = evalCache.bins();
            int ex = window * bins;
            double[][] scores = new double[val.length][numTags];
            boolean[][] truth = new boolean[val.length][numTags];
            int chunk = 64;
            float[] x = new float[chunk * ex];
            int[] owner = new int[chunk];
            int filled = 0;
            int[] windows = new int[val.length];
            for (int v = 0; v < val.length; v++) {
                int clip = val[v];
                float[] t = data.target(clip);
                for (int k = 0; k < numTags; k++) {
                    truth[v][k] = t[k] > 0.5f;
                    if (cfg.aggregation() == WindowAggregation.MAX) {
                        scores[v][k] = Double.NEGATIVE_INFINITY;
                    }
                }
                int frames = evalCache.frames(clip);
                int[] starts = cfg.aggregation() == WindowAggregation.FIRST
                        ? new int[] {frames >= window ? 0 : window - frames}
                        : Crops.windowStarts(frames, window, hop);
                windows[v] = starts.length;
                for (int s : starts) {
                    Crops.crop((f, c, d, o) -> evalCache.copyFrames(clip, f, c, d, o), frames, bins, window, s,
                            clipMin[clip], x, filled * ex);
                    normalize(x, filled * ex, ex);
                    owner[filled++] = v;
                    if (filled == chunk) {
                        accumulate(model, x, owner, filled, scores, ex);
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                accumulate(model, Arrays.copyOf(x, filled * ex), owner, filled, scores, ex);
            }
            double loss = 0;
            for (int v = 0; v < val.length; v++) {
                for (int k = 0; k < numTags; k++) {
                    if (cfg.aggregation() == WindowAggregation.MEAN) {
                        scores[v][k] /= windows[v];
                    }
                    double p = Math.min(Math.max(scores[v][k], 1e-7), 1 - 1e-7);
                    loss -= truth[v][k] ? Math.log(p) : Math.log(1 - p);
                }
            }
            return Eval.of(truth, scores, loss / ((double) val.length * numTags));
        }

        void accumulate(TagModel model, float[] x, int[] owner, int n, double[][] scores, int ex) {
            float[] p = model.predict(x.length == n * ex ? x : Arrays.copyOf(x, n * ex), n);
            for (int i = 0; i < n; i++) {
                double[] s = scores[owner[i]];
                for (int k = 0; k < numTags; k++) {
                    float v = p[i * numTags + k];
                    s[k] = cfg.aggregation() == WindowAggregation.MAX ? Math.max(s[k], v) : s[k] + v;
                }
            }
        }

        Path export(TagModel model) throws IOException {
            Path target = runDir.resolve("model").toAbsolutePath();
            Path tmp = runDir.resolve("model.tmp-" + System.nanoTime()).toAbsolutePath();
            try {
                // SavedModel, tag names and ONE provenance file (model, features, windows, normalisation, training)
                Map<String, String> training = new LinkedHashMap<>();
                training.put("config", cfg.toString());
                training.put("features", mel.cacheKey());
                training.put("augment", spec.text());
                training.put("mixProbability", Double.toString(mixProbability));
                training.put("dataset", data.name());
                training.put("trainClips", Integer.toString(train.length));
                training.put("validationClips", Integer.toString(val.length));
                training.put("split", "split.csv in the run folder (fold 0 = validation, 1 = training, 2 = unused)");
                training.put("splitSha256", sha(Arrays.toString(train) + "|" + Arrays.toString(val)));
                training.put("featureCache", evalCache.key());
                ExportedModel.write(model, tmp, TaggingConfig.builder()
                        .features(raw ? new WaveformFeatures(mel.sr()).config() : mel.config()).window(window)
                        .windowHop(hop).aggregation(cfg.aggregation()).normalization(mean, std).build(),
                        data.vocabulary().labels(), training);
                Path old = null;
                if (Files.exists(target)) {
                    old = runDir.resolve("model.old-" + System.nanoTime());
                    Files.move(target, old);
                }
                AtomicFiles.moveAtomically(tmp, target);
                if (old != null) {
                    deleteTree(old);
                }
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
            return target;
        }

        void writeProvenance(Path file, TagModel model) throws IOException {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("audiotag.version", version());
            p.put("architecture", arch.cliName());
            p.put("inputKind", arch.inputKind().name());
            p.put("inputShape", Arrays.toString(model.inputShape()));
            p.put("parameters", Long.toString(model.parameterCount()));
            p.put("modelConfig", modelConfig.toString());
            p.put("training", cfg.toString());
            p.put("seed", Long.toString(cfg.seed()));
            p.put("augment", spec.text());
            p.put("mixProbability", Double.toString(mixProbability));
            p.putAll(mel.toMap());
            p.put("window", Integer.toString(window));
            p.put("windowHop", Integer.toString(hop));
            p.put("aggregation", cfg.aggregation().name());
            p.put("normalize.mean", Float.toString(mean));
            p.put("normalize.std", Float.toString(std));
            p.put("dataset", data.name());
            p.put("trainClips", Integer.toString(train.length));
            p.put("validationClips", Integer.toString(val.length));
            p.put("split", "split.csv in the run folder (fold 0 = validation, 1 = training, 2 = unused)");
            p.put("splitSha256", sha(Arrays.toString(train) + "|" + Arrays.toString(val)));
            p.put("featureCache", evalCache.key());
            p.put("tags", String.join(",", data.vocabulary().labels()));
            StringBuilder sb = new StringBuilder("# audiotag training provenance\n");
            for (Map.Entry<String, String> e : p.entrySet()) {
                sb.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
            }
            AtomicFiles.writeString(file, sb.toString());
        }

        void writeSplit() throws IOException {
            int[] f = new int[data.size()];
            Arrays.fill(f, 2);
            for (int i : train) {
                f[i] = 1;
            }
            for (int i : val) {
                f[i] = 0;
            }
            Split.of(f, 3).write(runDir.resolve("split.csv"), data);
        }

        Properties readState() throws IOException {
            Path f = runDir.resolve(STATE_FILE);
            if (!Files.isRegularFile(f)) {
                return null;
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }

        void writeState(int epochsDone, String last, LrSchedule schedule, int bestEpoch, double bestLwlrap)
                throws IOException {
            String s = "# audiotag training state; the commit point of each epoch\n"
                    + "fingerprint=" + fingerprint + "\n"
                    + "epochsDone=" + epochsDone + "\n"
                    + "lastCheckpoint=" + last + "\n"
                    + "bestEpoch=" + bestEpoch + "\n"
                    + "bestLwlrap=" + Double.toString(bestLwlrap) + "\n"
                    + "schedule=" + String.join(",", Arrays.stream(schedule.state()).mapToObj(Double::toString)
                            .toList()) + "\n";
            AtomicFiles.writeString(runDir.resolve(STATE_FILE), s);
        }

        @Override
        public void close() throws IOException {
            if (evalCache != null) {
                evalCache.close();
            }
            if (waveCache != null && waveCache != evalCache) {
                waveCache.close();
            }
        }
    }

    /** Validation metrics. */
    private record Eval(double lwlrap, double map, double accuracy, double loss) {
        static Eval of(boolean[][] truth, double[][] scores, double loss) {
            Predictions p = Predictions.of(truth, scores);
            double lw = Lwlrap.compute(p).lwlrap();
            double map = AveragePrecision.macro(p);
            int hits = 0;
            for (int i = 0; i < truth.length; i++) {
                int best = 0;
                for (int k = 1; k < scores[i].length; k++) {
                    if (scores[i][k] > scores[i][best]) {
                        best = k;
                    }
                }
                if (truth[i][best]) {
                    hits++;
                }
            }
            return new Eval(lw, map, hits / (double) truth.length, loss);
        }
    }

    static float minOf(FeatureCache c, int i) {
        if (c.frames(i) == 0) {
            return 0f;
        }
        float m = Float.POSITIVE_INFINITY;
        for (float v : c.get(i).data()) {
            m = Math.min(m, v);
        }
        return m;
    }

    static void pruneCheckpoints(Path dir, String keep1, String keep2) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "epoch-*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(keep1 + ".") && !n.startsWith(keep2 + ".")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    static double[] parseDoubles(String s) {
        if (s == null || s.isBlank()) {
            return new double[0];
        }
        return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '=' -> sb.append("\\=");
                case ':' -> sb.append("\\:");
                default -> {
                    if (c > 126) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the audiotag-train version from the jar manifest, or "development" */
    public static String version() {
        String v = Trainer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
