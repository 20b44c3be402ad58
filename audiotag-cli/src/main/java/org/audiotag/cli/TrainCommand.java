package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.audiotag.features.FeatureConfig;
import org.audiotag.models.WindowAggregation;
import org.audiotag.toolkit.InputFiles;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.ScheduleKind;
import org.audiotag.train.StopReason;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingResult;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.DatasetFormatException;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LabeledClip;
import org.audiotag.train.data.LoadOptions;
import org.audiotag.train.data.RowPolicy;
import org.audiotag.train.data.Split;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains one architecture on a dataset ({@code audiotag train --data DIR_OR_CSV --model NAME [...] --out RUN_DIR}),
 * validating
 * every epoch on a source fold ({@code --val-fold}), a separate list ({@code --val-csv}) or, by default, a seeded
 * 10 % iterative-stratification split; writes checkpoints, history and the exported model into RUN_DIR. Re-running
 * the same command on the same RUN_DIR resumes an interrupted run.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a tagging model on a dataset (FSDKaggle2019 CSV, generic CSV, ESC-10 or label folders).")
final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR_OR_CSV", description = "The training data.")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "Architecture: dcnn, moddcnn, kaggle, gru, mcnn, samplecnn, rese2multi, ...")
    String model;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "Run folder (resumed if present).")
    Path out;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--augment", defaultValue = "none", paramLabel = "SPEC",
            description = "e.g. mix:0.5,reverb:0.3,noise,pitch,stretch,gain,scene:0.7 (scene: windows of synthetic "
                    + "soundscapes around the clips, for event detection), or faithful (the original's mixing of 1-2"
                    + " clips at random weights, crops and reverb, on waveforms; impulse responses from"
                    + " data/impulse-responses) (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.ArgGroup(exclusive = true)
    Validation validation;

    /** Mutually exclusive validation choices. */
    static final class Validation {
        @Option(names = "--val-fold", paramLabel = "K",
                description = "Validate on source fold K (e.g. ESC-10's 5), or on fold K of 5 stratified folds.")
        Integer fold;

        @Option(names = "--val-csv", paramLabel = "FILE", description = "Validate on this dataset (any layout).")
        Path csv;
    }

    @Option(names = "--split", paramLabel = "SPLIT.csv",
            description = "Use a split written by 'audiotag split': validation = its fold 0, or fold K with "
                    + "--val-fold K.")
    Path splitFile;

    @Option(names = "--schedule", defaultValue = "PLATEAU",
            description = "PLATEAU (factor 0.5, patience 10), COSINE or CONSTANT (default: ${DEFAULT-VALUE}).")
    ScheduleKind schedule;

    @Option(names = "--patience", defaultValue = "20",
            description = "Early-stopping patience in epochs, 0 = off (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--aggregation", defaultValue = "MEAN",
            description = "Test-time windows: MEAN, MAX or FIRST (the original's first 2 s) "
                    + "(default: ${DEFAULT-VALUE}).")
    WindowAggregation aggregation;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", defaultValue = "0", description = "Global gradient-norm clip, 0 = off.")
    double clipNorm;

    @Option(names = "--no-normalize", description = "Feed raw dB values (the original) instead of standardised ones.")
    boolean noNormalize;

    @Option(names = "--skip-bad", description = "Skip bad rows and unreadable audio instead of failing.")
    boolean skipBad;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Feature cache folder (default: RUN_DIR/../.audiotag-cache).")
    Path cache;

    @Option(names = "--recipe", paramLabel = "NAME",
            description = "seed2019 (the 2019 study's training, its bugs kept) or modern (whole-clip log-mels, "
                    + "cosine, batch 32, window averages): every setting from the recipe. Options typed explicitly "
                    + "override it (--epochs, --batch-size, --lr, --seed, --schedule, --patience, --weight-decay, "
                    + "--clip-norm, --no-normalize, --augment); --aggregation and --pipeline must agree with it "
                    + "(seed2019: FIRST and its own pipeline; modern: no --pipeline). Default: no recipe, the "
                    + "option defaults shown here.")
    String recipe;

    @Option(names = "--pipeline", paramLabel = "A|B|C",
            description = "Fixed-length features of the original: A (first 2 s left-padded, log-mel hop 692), "
                    + "B (first 88,200 samples, raw-waveform models), C (trim at 60 dB, centre-pad, hop 694, fmin "
                    + "20), the same at train and test time. Default: whole-clip pipeline-A log-mels (seed2019: A, "
                    + "B for raw-waveform models, C for MCNN with --augment).")
    String pipeline;

    /**
     * Reads the data, selects the validation clips, trains (or resumes) in RUN_DIR and prints the run's summary.
     * Returns exit code 0; ends with 1 after a non-finite loss, with 2 for bad arguments or data.
     */
    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        RecipeOptions recipes = RecipeOptions.of(spec, recipe);
        boolean augmented = !augment.strip().equalsIgnoreCase("none");
        TrainingConfig cfg = recipes.config(model, new RecipeOptions.Values(epochs, batchSize, lr, seed, schedule,
                patience, aggregation, weightDecay, clipNorm, !noNormalize, skipBad, pipeline), augmented);
        FeatureConfig features = recipes.features(model, pipeline, augmented);
        if (Files.exists(out) && !Files.isDirectory(out)) { // before the data is read: RunFolder says the same later
            throw new CliException(Main.EXIT_USAGE, InputFiles.shown(out) + ": is not a folder; --out names the run "
                    + "folder (created if missing, resumed if it holds the same run)");
        }
        Selection sel = splitFile != null ? fromSplitFile(validation == null ? null : validation.fold)
                : select(spec, data, validation == null ? null : validation.fold,
                        validation == null ? null : validation.csv, seed, skipBad);
        AugmentSpec aug = augment(spec, augment);
        Path cacheDir = cache != null ? cache : out.toAbsolutePath().getParent().resolve(".audiotag-cache");
        o.printf(Locale.ROOT, "%s: %d clips, %d tags; %d training, %d validation (%s)%n", sel.dataset.name(),
                sel.dataset.size(), sel.dataset.vocabulary().size(), sel.train.length, sel.val.length, sel.how);
        if (recipes.recipe() != null) {
            o.printf(Locale.ROOT, "recipe %s: %s%n", recipes.recipe().name(), cfg);
        }
        TrainingResult r;
        try {
            Trainer trainer = Trainer.builder(cfg).featureConfig(features)
                    .augment(aug).cacheRoot(cacheDir).addTrainingListeners(new TrainingProgress(o, "")).build();
            r = trainer.train(sel.dataset, sel.train, sel.val, out);
        } catch (IllegalArgumentException e) { // e.g. "validation: needs at least 1 clip": say which data
            throw new CliException(Main.EXIT_USAGE, sel.dataset.name() + ": " + e.getMessage(), e);
        }
        o.println(r.message());
        if (r.modelDir() != null) {
            o.printf(Locale.ROOT, "model: %s%nhistory: %s%n", r.modelDir(), out.resolve("history.csv"));
        }
        o.flush();
        if (r.stopReason() == StopReason.NAN_LOSS) {
            throw new CliException(1, r.message());
        }
        return 0;
    }

    private Selection fromSplitFile(Integer fold) {
        if (validation != null && validation.csv != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split and --val-csv exclude each other");
        }
        int k = fold == null ? 0 : fold;
        try {
            Dataset ds = Datasets.open(data, LoadOptions.defaults().withPolicy(skipBad ? RowPolicy.SKIP
                    : RowPolicy.FAIL));
            Split s = Split.read(splitFile, ds);
            if (k < 0 || k >= s.numFolds()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--val-fold " + k + ": " + splitFile
                        + " has folds 0-" + (s.numFolds() - 1));
            }
            return new Selection(ds, s.indicesNotIn(k), s.indicesIn(k), "fold " + k + " of " + splitFile);
        } catch (IOException e) {
            throw new CliException(Main.EXIT_USAGE, InputFiles.describe(e), e);
        }
    }

    static TrainingConfig config(CommandLine.Model.CommandSpec spec, String model, int epochs, int batchSize,
            double lr, long seed, ScheduleKind schedule, int patience, WindowAggregation aggregation,
            double weightDecay, double clipNorm, boolean normalize, boolean skipBad) {
        try {
            org.audiotag.models.Architecture.byName(model);
            return TrainingConfig.builder().architecture(model).epochs(epochs).batchSize(batchSize).lr(lr).seed(seed)
                    .schedule(schedule).earlyStoppingPatience(patience).aggregation(aggregation)
                    .weightDecay(weightDecay).clipNorm(clipNorm).normalize(normalize)
                    .badAudioPolicy(skipBad ? RowPolicy.SKIP : RowPolicy.FAIL).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static AugmentSpec augment(CommandLine.Model.CommandSpec spec, String text) {
        try {
            return AugmentSpec.parse(text, DemoCommand.projectRoot().resolve("data/impulse-responses"), 44100);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--augment: " + e.getMessage());
        } catch (IOException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        }
    }

    /** A dataset and its training / validation indices. */
    record Selection(Dataset dataset, int[] train, int[] val, String how) {
    }

    /**
     * The training clips that are not also validation clips (same normalised absolute path): a file on both sides is
     * an error naming both entries, or, with {@code --skip-bad}, left out of training with a warning.
     */
    private static List<LabeledClip> withoutValidationClips(Dataset train, Dataset validation, boolean skipBad,
            List<String> problems) {
        Map<Path, LabeledClip> val = new HashMap<>();
        for (LabeledClip c : validation.clips()) {
            val.put(c.file().toAbsolutePath().normalize(), c);
        }
        List<LabeledClip> out = new ArrayList<>();
        for (LabeledClip c : train.clips()) {
            LabeledClip twin = val.get(c.file().toAbsolutePath().normalize());
            if (twin == null) {
                out.add(c);
                continue;
            }
            String msg = c.origin() + ": audio file " + InputFiles.shown(c.file()) + " is also a validation clip ("
                    + twin.origin() + ")";
            if (!skipBad) {
                throw new CliException(Main.EXIT_USAGE, msg + "; a file cannot be on both sides of the split");
            }
            LOG.warn("skipping {}; left out of training", msg);
            problems.add(msg);
        }
        return out;
    }

    static Selection select(CommandLine.Model.CommandSpec spec, Path data, Integer valFold, Path valCsv, long seed,
            boolean skipBad) {
        LoadOptions opts = LoadOptions.defaults().withPolicy(skipBad ? RowPolicy.SKIP : RowPolicy.FAIL);
        try {
            Dataset ds = Datasets.open(data, opts);
            if (valCsv != null) {
                Dataset v = Datasets.open(valCsv, opts.withVocabulary(ds.vocabulary()));
                List<String> problems = new ArrayList<>(ds.problems());
                List<LabeledClip> all = withoutValidationClips(ds, v, skipBad, problems);
                int nTrain = all.size();
                all.addAll(v.clips());
                problems.addAll(v.problems());
                Dataset both = new Dataset(ds.name() + " + " + v.name(), ds.vocabulary(), all, problems);
                return new Selection(both, IntStream.range(0, nTrain).toArray(),
                        IntStream.range(nTrain, both.size()).toArray(), "validation list " + valCsv);
            }
            if (valFold != null) {
                if (ds.hasFolds()) {
                    if (!ds.folds().contains(valFold)) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--val-fold " + valFold
                                + ": the data's folds are " + ds.folds());
                    }
                    int[] val = ds.indicesOfFolds(valFold);
                    int[] train = IntStream.range(0, ds.size()).filter(i -> ds.clip(i).fold() != valFold).toArray();
                    return new Selection(ds, train, val, "source fold " + valFold);
                }
                if (valFold < 1 || valFold > 5) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--val-fold " + valFold
                            + ": the data has no folds; use 1-5 of 5 stratified folds");
                }
                Split s = Split.kFold(ds, 5, seed);
                return new Selection(ds, s.indicesNotIn(valFold - 1), s.indicesIn(valFold - 1),
                        "fold " + valFold + " of 5 iterative-stratification folds, seed " + seed);
            }
            Split s = Split.trainValidation(ds, 0.1, seed);
            return new Selection(ds, s.indicesNotIn(0), s.indicesIn(0),
                    "10 % iterative-stratification split (order 2), seed " + seed);
        } catch (DatasetFormatException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(Main.EXIT_USAGE, InputFiles.describe(e), e);
        }
    }
}
