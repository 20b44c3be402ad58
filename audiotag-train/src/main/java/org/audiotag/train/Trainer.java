package org.audiotag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FixedLength;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.WaveformFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.ExportedModel;
import org.audiotag.models.InputKind;
import org.audiotag.models.LossKind;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import org.audiotag.toolkit.Version;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Split;
import org.audiotag.train.internal.ListenerChain;
import org.audiotag.train.internal.ModelExport;
import org.audiotag.train.internal.RunDescription;
import org.audiotag.train.internal.RunState;
import org.audiotag.train.internal.Seeds;
import org.audiotag.train.internal.TrainingData;
import org.audiotag.train.internal.TrainingExamples;
import org.audiotag.train.internal.TrainingPass;
import org.audiotag.train.internal.ValidationPass;
import org.audiotag.train.internal.ValidationResult;

/**
 * The training loop of docs/ORIGINAL-PROJECT.md §5 with the fixes of §10: Adam with a learning rate fed every step,
 * BCE with logits, a {@link LrSchedule} stepped on validation lwlrap, random crops at train time and sliding windows
 * at test time, optional input standardisation and mixing, and at the end the model exported to the run folder.
 *
 * <p>The loop itself only trains and validates; everything else hangs on {@link TrainingListener}s, configured from
 * the {@link TrainingConfig}: {@link CheckpointListener} (per-epoch checkpoint and state in the {@link RunFolder},
 * pruning, restoring the best checkpoint at the end), {@link LoggingListener} and {@link EarlyStoppingListener};
 * the listeners given to {@link Builder#addTrainingListeners} run after them, in the order added.
 *
 * <p>Calling {@link #train} again on a folder whose run was interrupted resumes after its last finished epoch; since
 * every random choice (order, crops, mixing, augmentation) is drawn from (seed, epoch, index), the resumed run makes
 * the same choices as an uninterrupted one.
 *
 * <p>Training on ESC-10's folds 1-3 and validating on fold 5:
 * {@snippet :
 * Dataset esc = Datasets.esc10(Path.of("data/esc10"), LoadOptions.defaults());
 * TrainingConfig cfg = TrainingConfig.builder().architecture("dcnn").epochs(40).batchSize(32).seed(1).build();
 * Trainer trainer = Trainer.builder(cfg)
 *         .features(LogMelFeatures.from(FeatureConfig.pipelineA()))  // the default, written out
 *         .cacheRoot(Path.of("cache"))                                // required: where feature caches grow
 *         .build();
 * TrainingResult r = trainer.train(esc, esc.indicesOfFolds(1, 2, 3), esc.indicesOfFolds(5), Path.of("run"));
 * Path model = r.modelDir();  // run/model, for org.audiotag.models.Tagger.load
 * }
 * A trainer is immutable and may run several trainings one after the other (each in its own folder); it is not
 * meant for concurrent runs.
 */
public final class Trainer {

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

    /** The random stream of the shuffled validation order of the batch-averaged lwlrap. */
    private static final long VALIDATION_ORDER_STREAM = 7;

    private final TrainingConfig cfg;
    private final LogMelFeatures mel;
    private final AugmentSpec spec;
    private final double mixProbability;
    private final Path cacheRoot;
    private final ListenerChain listeners;
    private final FeatureConfig pipeline;

    /**
     * Creates a trainer from its five parts, as {@link #builder(TrainingConfig)} does with one caller listener.
     *
     * @param cfg training options
     * @param mel the log-mel configuration (its {@link LogMelFeatures#sr()} is also the waveform rate)
     * @param augment augmentation recipe ({@code null} = none); its mixing probability, when set, replaces
     *     {@link TrainingConfig#mixProbability()}, its waveform transforms run on the fly
     * @param cacheRoot folder of feature caches
     * @param listener progress receiver, called after the trainer's own listeners ({@code null} = none)
     * @throws NullPointerException naming {@code cfg}, {@code mel} or {@code cacheRoot} when it is {@code null}
     * @deprecated use {@link #builder(TrainingConfig)}: {@code Trainer.builder(cfg).features(mel).augment(augment)
     *     .cacheRoot(cacheRoot).addTrainingListeners(listener).build()} makes the same trainer (leave out
     *     {@code augment} or {@code addTrainingListeners} where the argument here is {@code null})
     */
    @Deprecated
    public Trainer(TrainingConfig cfg, LogMelFeatures mel, AugmentSpec augment, Path cacheRoot,
            TrainingListener listener) {
        this(cfg, mel, augment, cacheRoot, listener == null ? List.of() : List.of(listener), null);
    }

    /**
     * The one constructor: {@code callers} are the caller's listeners, in call order; {@code pipeline} a fixed-length
     * pipeline or {@code null}.
     */
    private Trainer(TrainingConfig cfg, LogMelFeatures mel, AugmentSpec augment, Path cacheRoot,
            List<TrainingListener> callers, FeatureConfig pipeline) {
        this.pipeline = pipeline;
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.mel = Objects.requireNonNull(mel, "mel");
        this.spec = augment == null ? AugmentSpec.none() : augment;
        this.mixProbability = spec.mixProbability() > 0 ? spec.mixProbability() : cfg.mixProbability();
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
        List<TrainingListener> user = callers.stream().filter(l -> l != TrainingListener.NONE).toList();
        List<TrainingListener> all = new ArrayList<>();
        all.add(new CheckpointListener(cfg.restoreBest()));
        // with a listener of the caller (the CLI's progress display) the per-epoch log line is DEBUG, else INFO
        all.add(new LoggingListener(user.isEmpty()));
        if (cfg.earlyStoppingPatience() > 0) {
            all.add(new EarlyStoppingListener(cfg.earlyStoppingPatience()));
        }
        all.addAll(user);
        this.listeners = new ListenerChain(all);
    }

    /**
     * Starts a {@link Builder} for a trainer with these training options.
     *
     * @param config the training options (checked by {@link Builder#build()})
     * @return a builder with the default features (pipeline A), no augmentation and no caller listeners; the
     *     feature cache folder must be set
     */
    public static Builder builder(TrainingConfig config) {
        return new Builder(config);
    }

    /** Returns the training options this trainer runs with. */
    public TrainingConfig config() {
        return cfg;
    }

    /** Returns the whole-clip log-mel features the model is trained on (and exported with). */
    public LogMelFeatures features() {
        return mel;
    }

    /**
     * Returns the fixed-length pipeline the model reads (the original's pipelines A, B or C: each clip prepared to
     * {@code n_samples} as {@code FeatureExtractor} prepares it, at train and test time), or {@code null} when the
     * model reads crops and windows of whole-clip features ({@link #features()}).
     */
    public FeatureConfig pipeline() {
        return pipeline;
    }

    /** Returns the augmentation recipe; {@link AugmentSpec#none()} when none was given. */
    public AugmentSpec augment() {
        return spec;
    }

    /** Returns the folder that holds the feature caches, one sub-folder per cache key. */
    public Path cacheRoot() {
        return cacheRoot;
    }

    /**
     * Returns every listener of a run in call order: the trainer's own ({@link CheckpointListener},
     * {@link LoggingListener}, {@link EarlyStoppingListener} when early stopping is on), then the caller's.
     *
     * @return an unmodifiable list
     */
    public List<TrainingListener> listeners() {
        return listeners.listeners();
    }

    /**
     * Trains (or resumes training) on {@code train} and validates on {@code validation} every epoch, in the run
     * folder {@code runDir} ({@link RunFolder#open}; a feature cache root inside it is allowed).
     *
     * @param data the dataset
     * @param train indices of training clips
     * @param validation indices of validation clips
     * @param runDir the run folder (created; an interrupted run in it is resumed)
     * @return the result; the model is exported to {@code runDir/model}
     * @throws RunFolderException if the folder holds anything but this run's files, or a different run
     * @throws IOException for unreadable audio (under FAIL) or disk errors
     * @throws IllegalArgumentException for an unknown architecture or empty / overlapping index sets
     */
    public TrainingResult train(Dataset data, int[] train, int[] validation, Path runDir) throws IOException {
        checkIndices(data, train, validation);
        Architecture.byName(cfg.architecture());
        return train(data, train, validation, RunFolder.open(runDir, cacheEntry(runDir)));
    }

    /**
     * Trains (or resumes training) in an opened run folder.
     *
     * @param data the dataset
     * @param train indices of training clips
     * @param validation indices of validation clips
     * @param folder the run folder
     * @return the result; the model is exported to {@link RunFolder#modelDirectory()}
     * @throws RunFolderException if the folder holds a different run, or its {@code model/} foreign files
     * @throws IOException for unreadable audio (under FAIL) or disk errors
     * @throws IllegalArgumentException for an unknown architecture or empty / overlapping index sets
     */
    public TrainingResult train(Dataset data, int[] train, int[] validation, RunFolder folder) throws IOException {
        checkIndices(data, train, validation);
        Architecture arch = Architecture.byName(cfg.architecture());
        checkPipeline(arch);
        try (TrainingData td = TrainingData.open(data, train, validation, arch.inputKind(), mel, cfg, cacheRoot,
                spec.needsWaveforms(), new WaveformFeatures(mel.sr()), pipeline)) {
            ModelConfig modelConfig = ModelConfig.builder().inputShape(td.inputShape(arch.inputKind()))
                    .numTags(td.numTags()).seed(cfg.seed()).learningRate((float) cfg.lr())
                    .weightDecay((float) cfg.weightDecay()).clipNorm((float) cfg.clipNorm()).loss(cfg.loss())
                    .build();
            RunDescription run = new RunDescription(cfg, arch, modelConfig, mel, spec, mixProbability, td);
            try (TagModel model = arch.build(modelConfig)) {
                RunState ctx = new RunState(cfg, folder, model, schedule());
                start(ctx, run, td);
                TrainingPass pass = new TrainingPass(new TrainingExamples(td, mel, spec, mixProbability,
                        cfg.seed(), cfg.threads()), td.train(), cfg.batchSize(), td.numTags(), cfg.seed(),
                        cfg.trainLwlrap());
                ValidationPass validationPass = new ValidationPass(td, cfg.aggregation());
                listeners.onTrainingBegin(ctx);
                for (int epoch = ctx.epochsDone(); epoch < cfg.epochs(); epoch++) {
                    listeners.onEpochBegin(ctx, epoch);
                    if (ctx.stopRequested()) {
                        break;
                    }
                    double lr = ctx.schedule().lr();
                    TrainingPass.Outcome t = pass.run(model, epoch, lr, listeners);
                    if (t.failure() != null) {
                        ctx.requestStop(StopReason.NAN_LOSS, t.failure());
                        break;
                    }
                    ValidationResult v = validationPass.run(model::predict);
                    double valLoss = cfg.loss() == LossKind.BINARY_CROSS_ENTROPY ? v.loss()
                            : validationPass.modelLoss(model::evaluateLoss);
                    double batchLwlrap = cfg.batchLwlrapSize() > 0 ? ValidationPass.batchAveragedLwlrap(v,
                            cfg.batchLwlrapSize(), Seeds.of(cfg.seed(), VALIDATION_ORDER_STREAM, epoch, -1))
                            : Double.NaN;
                    EpochRecord rec = new EpochRecord(epoch, lr, t.meanLoss(), valLoss, v.lwlrap(), v.map(),
                            v.accuracy(), t.seconds(), t.examplesPerSecond(), t.trainLwlrap(), batchLwlrap);
                    ctx.schedule().step(epoch, cfg.schedule() == ScheduleKind.PLATEAU_ON_LOSS ? valLoss
                            : v.lwlrap());
                    listeners.onEpochEnd(ctx, rec, ctx.record(rec));
                }
                ctx.finish();
                listeners.onTrainingEnd(ctx);
                return finish(ctx, validationPass, run, td);
            }
        }
    }

    /** Claims the folder; restores a resumed run (model, schedule, history, best epoch) or writes the split. */
    private void start(RunState ctx, RunDescription run, TrainingData td) throws IOException {
        RunFolder folder = ctx.runFolder();
        var saved = folder.claim(run.fingerprint(), run.summary());
        if (saved.isPresent()) {
            RunFolder.State s = saved.get();
            ctx.model().restoreCheckpoint(folder.checkpoint(s.lastEpoch()));
            ctx.schedule().restore(s.schedule());
            ctx.restore(History.read(folder.directory()).records().subList(0, s.epochsDone()), s.bestEpoch(),
                    s.bestLwlrap());
        } else {
            writeSplit(folder, td);
        }
        run.writeProvenance(folder.provenanceFile(), ctx.model());
    }

    /** Evaluates the final model (the best checkpoint, when restored), exports it and sums the run up. */
    private TrainingResult finish(RunState ctx, ValidationPass validationPass, RunDescription run, TrainingData td)
            throws IOException {
        TagModel model = ctx.model();
        History history = ctx.history();
        StopReason reason = ctx.stopReason();
        String message = ctx.stopMessage();
        Path dir = ctx.runFolder().directory();
        if (ctx.bestEpoch() < 0) {
            return new TrainingResult(dir, null, history, reason, message == null ? "no epoch finished" : message,
                    -1, Double.NaN, Double.NaN, Double.NaN, model.parameterCount(), Double.NaN);
        }
        long t0 = System.nanoTime();
        ValidationResult fin = validationPass.run(model::predict);
        double clipsPerSecond = td.validation().length / ((System.nanoTime() - t0) / 1e9);
        Path modelDir = export(model, ctx.runFolder(), run, td);
        if (message == null) {
            // epochs are printed from 1, as in history.csv: TrainingResult.bestEpochNumber()
            message = String.format(Locale.ROOT, "%s after %d epochs; best epoch %d, val lwlrap %.4f, mAP "
                    + "%.4f, accuracy %.4f", reason == StopReason.EARLY_STOPPED ? "early stop" : "finished",
                    history.records().size(), ctx.bestEpoch() + 1, fin.lwlrap(), fin.map(), fin.accuracy());
        }
        return new TrainingResult(dir, modelDir, history, reason, message, ctx.bestEpoch(), fin.lwlrap(), fin.map(),
                fin.accuracy(), model.parameterCount(), clipsPerSecond);
    }

    /**
     * The export step: the one call site that turns the trained model into {@code model/} (an {@link ExportedModel}:
     * SavedModel, tag names and one provenance file).
     */
    private static Path export(TagModel model, RunFolder folder, RunDescription run, TrainingData td)
            throws IOException {
        return ModelExport.export(model, folder, run, td.dataset().vocabulary());
    }

    private LrSchedule schedule() {
        return switch (cfg.schedule()) {
            case PLATEAU -> LrSchedule.reduceOnPlateau(cfg.lr(), cfg.plateauFactor(), cfg.plateauPatience(), 0);
            case COSINE -> LrSchedule.cosine(cfg.lr(), cfg.epochs(), 0);
            case CONSTANT -> LrSchedule.constant(cfg.lr());
            case PLATEAU_ON_LOSS -> LrSchedule.reduceOnPlateauOnLoss(cfg.lr(), cfg.plateauFactor(),
                    cfg.plateauPatience(), 0);
        };
    }

    /** Checks that a fixed-length pipeline gives what the architecture reads: waveforms or log-mels. */
    private void checkPipeline(Architecture arch) {
        if (pipeline == null) {
            return;
        }
        boolean rawModel = arch.inputKind() == InputKind.RAW_WAVEFORM;
        boolean rawPipeline = pipeline.kind() == FeatureConfig.Kind.RAW_WAVEFORM;
        if (rawModel != rawPipeline) {
            throw new IllegalArgumentException("features: the pipeline gives " + (rawPipeline ? "raw waveforms "
                    + "(pipeline B)" : "log-mels") + " but architecture " + arch.cliName() + " reads "
                    + (rawModel ? "raw waveforms (use FeatureConfig.rawWaveform())" : "log-mels"));
        }
    }

    private static void writeSplit(RunFolder folder, TrainingData td) throws IOException {
        int[] f = new int[td.dataset().size()];
        Arrays.fill(f, 2);
        for (int i : td.train()) {
            f[i] = 1;
        }
        for (int i : td.validation()) {
            f[i] = 0;
        }
        Split.of(f, 3).write(folder.splitFile(), td.dataset());
    }

    private static void checkIndices(Dataset data, int[] train, int[] validation) {
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
    }

    /** The glob of the top-level entry of {@code runDir} that holds the feature cache, if the cache is inside it. */
    private String[] cacheEntry(Path runDir) {
        Path r = runDir.toAbsolutePath().normalize();
        Path c = cacheRoot.toAbsolutePath().normalize();
        if (c.equals(r)) {
            return new String[] {"?".repeat(64)}; // cache folders are named by their 64-hex-digit key
        }
        if (!c.startsWith(r)) {
            return new String[0];
        }
        return new String[] {r.relativize(c).getName(0).toString().replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1")};
    }

    /** Returns the audiotag version, as every audiotag module reports it (the poms' version). */
    public static String version() {
        return Version.get();
    }

    /**
     * Collects the parts of a {@link Trainer}, in the manner of DJL's builders: every setter only records its
     * value and {@link #build()} checks them all at once, with a message naming the parameter. Defaults: features
     * {@code LogMelFeatures.from(FeatureConfig.pipelineA())} (docs/ORIGINAL-PROJECT.md §1.3), no augmentation, no
     * caller listeners.
     *
     * <p>The feature cache folder ({@link #cacheRoot}) has no default: caches grow with the dataset (under pipeline
     * A a five-second clip takes 319 frames × 128 mels × 4 bytes, about 160 kB) and stay until deleted, so the
     * caller decides where they go; the command line uses {@code RUN_DIR/../.audiotag-cache}.
     *
     * <p>Not thread-safe; one builder may build several trainers.
     */
    public static final class Builder {

        private final TrainingConfig config;
        private LogMelFeatures features;
        private boolean featuresSet;
        private FeatureConfig pipeline;
        private AugmentSpec augment = AugmentSpec.none();
        private Path cacheRoot;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(TrainingConfig config) {
            this.config = config;
        }

        /**
         * Sets the log-mel features the model is trained on; the exported model records them, and taggers compute
         * the same ones.
         *
         * @param features the feature function, e.g. {@code LogMelFeatures.from(FeatureConfig.pipelineA())} (the
         *     default); its sample rate is also the rate audio is decoded at for waveform augmentation
         * @return this builder
         */
        public Builder features(LogMelFeatures features) {
            this.features = features;
            this.featuresSet = true;
            this.pipeline = null;
            return this;
        }

        /**
         * Sets the features from a configuration: a whole-clip one (length policy {@code NONE}, no trimming) is
         * {@link #features(LogMelFeatures) features(LogMelFeatures.from(config))}; a fixed-length one is one of the
         * original's pipelines (docs/ORIGINAL-PROJECT.md §1.3-§1.5: {@link FeatureConfig#pipelineA()},
         * {@link FeatureConfig#rawWaveform()} (pipeline B), {@link FeatureConfig#pipelineC()}): every clip is prepared
         * as {@code FeatureExtractor.extract} prepares it (trim, then e.g. the first 2 s left-padded; the first crop
         * for random-crop policies) at train and test time, and its features are the model's one window. For a
         * raw-waveform pipeline the log-mel of {@link #features()} is pipeline A's at the same rate (used by nothing
         * but provenance).
         *
         * @param config the configuration, e.g. {@code Recipe.SEED2019.featuresFor("dcnn", false)}
         * @return this builder
         * @throws IllegalArgumentException for {@code null}, a whole-clip waveform, or a log-mel configuration
         *     {@code LogMelFeatures.from} does not accept
         */
        public Builder featureConfig(FeatureConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("featureConfig: null; pass e.g. FeatureConfig.pipelineA() or "
                        + "leave the features unset");
            }
            boolean whole = config.lengthPolicy() == FixedLength.Policy.NONE && config.trimTopDb() == 0;
            if (config.kind() == FeatureConfig.Kind.RAW_WAVEFORM) {
                if (whole) {
                    throw new IllegalArgumentException("features: a whole-clip raw waveform is what raw-waveform "
                            + "models read by default; pass a log-mel configuration or a fixed-length waveform");
                }
                this.features = LogMelFeatures.from(FeatureConfig.pipelineA().toBuilder()
                        .sampleRate(config.sampleRate()).nSamples(config.nSamples())
                        .fMax(Math.min(22050, config.sampleRate() / 2.0)).build());
            } else {
                this.features = LogMelFeatures.from(config);
            }
            this.featuresSet = true;
            this.pipeline = whole ? null : config;
            return this;
        }

        /**
         * Sets the augmentation recipe (default {@link AugmentSpec#none()}). Its mixing probability, when
         * positive, replaces {@link TrainingConfig#mixProbability()}; its waveform transforms switch training to
         * on-the-fly features.
         *
         * @param augment the recipe, e.g. {@code AugmentSpec.parse("mix:0.5,gain", irFolder, 44100)}
         * @return this builder
         */
        public Builder augment(AugmentSpec augment) {
            this.augment = augment;
            return this;
        }

        /**
         * Sets the folder of feature caches (required). Each cache is a sub-folder named by the SHA-256 of the
         * feature configuration and the file list ({@link FeatureCache}), so one folder can serve many runs and
         * datasets; it may lie inside the run folder.
         *
         * @param cacheRoot the folder, created when needed
         * @return this builder
         */
        public Builder cacheRoot(Path cacheRoot) {
            this.cacheRoot = cacheRoot;
            return this;
        }

        /**
         * Adds listeners that receive the run's events after the trainer's own listeners, in the order added (over
         * all calls). {@link TrainingListener#NONE} is left out.
         *
         * @param listeners the listeners
         * @return this builder
         */
        public Builder addTrainingListeners(TrainingListener... listeners) {
            if (listeners == null) {
                this.listeners.add(null);
            } else {
                this.listeners.addAll(Arrays.asList(listeners));
            }
            return this;
        }

        /**
         * Checks every part and builds the trainer.
         *
         * @return a trainer equal in behaviour to the deprecated five-argument constructor given the same parts
         * @throws IllegalArgumentException naming the parameter: {@code config}, {@code features} or {@code augment}
         *     set to {@code null}, {@code cacheRoot} not set or an existing file, or a {@code null} listener (with
         *     its position)
         */
        public Trainer build() {
            if (config == null) {
                throw new IllegalArgumentException("config: null; pass a TrainingConfig to Trainer.builder");
            }
            LogMelFeatures mel = features;
            if (!featuresSet) {
                mel = LogMelFeatures.from(FeatureConfig.pipelineA());
            } else if (mel == null) {
                throw new IllegalArgumentException("features: null; leave it unset for pipeline A "
                        + "(LogMelFeatures.from(FeatureConfig.pipelineA()))");
            }
            if (augment == null) {
                throw new IllegalArgumentException("augment: null; leave it unset or pass AugmentSpec.none()");
            }
            if (cacheRoot == null) {
                throw new IllegalArgumentException("cacheRoot: not set; pass the folder for feature caches "
                        + "(the command line uses RUN_DIR/../.audiotag-cache)");
            }
            if (Files.exists(cacheRoot) && !Files.isDirectory(cacheRoot)) {
                throw new IllegalArgumentException("cacheRoot: " + cacheRoot + " is a file, not a folder");
            }
            for (int i = 0; i < listeners.size(); i++) {
                if (listeners.get(i) == null) {
                    throw new IllegalArgumentException("trainingListeners: listener " + i + " (0-based, in the "
                            + "order added) is null");
                }
            }
            return new Trainer(config, mel, augment, cacheRoot, List.copyOf(listeners), pipeline);
        }
    }
}
