package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.models.WindowAggregation;
import org.audiotag.toolkit.AtomicFiles;
import org.audiotag.toolkit.Csv;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.EpochRecord;
import org.audiotag.train.ScheduleKind;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains and compares several architectures
 * ({@code audiotag compare --data DIR_OR_CSV --models all|a,b,... [--epochs N] [--augment SPEC] --out DIR}): trains
 * every requested architecture on the same split with the same budget and seed (one run folder each under DIR) and
 * prints the original's results table: trainable parameters, best validation lwlrap, accuracy, training samples/s,
 * inference clips/s and the mean training-pass time per epoch (first epoch left out: graph optimisation) as a ratio to
 * DCNN's (docs/ORIGINAL-PROJECT.md §8). The table is also written to {@code DIR/results.csv} and
 * {@code DIR/results.md}.
 *
 * <p>With {@code --recipe NAME} it trains the 2019 study's ten rows instead ({@link StudyRows}: its labels, its
 * order, augmentation only in the two "augmentations" rows), each with the recipe's settings for that row and the
 * options typed overriding them as for {@code train} ({@code --epochs} caps every row), and prints the study's table
 * beside its own figures: best validation lwlrap (the MCNN rows also the batch-averaged one of the MCNN trainer),
 * the mean training-pass time over every epoch as a ratio to DCNN's (the first epoch, which includes TensorFlow's
 * graph optimisation, also alone), epochs run and best epoch; {@code DIR/results.csv} and {@code DIR/results.md}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train several architectures under the same split, budget and seed; print the results table.")
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR_OR_CSV", description = "The data.")
    Path data;

    @Option(names = "--models", defaultValue = "all", paramLabel = "all|NAME,...",
            description = "Architectures to compare (default: ${DEFAULT-VALUE}).")
    String models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--augment", defaultValue = "none", paramLabel = "SPEC", description = "As for train.")
    String augment;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--val-fold", paramLabel = "K", description = "Validation fold (as for train).")
    Integer valFold;

    @Option(names = "--recipe", paramLabel = "NAME",
            description = "seed2019 or modern: train the 2019 study's ten rows (DCNN ... ReSE-2-Multi) with the "
                    + "recipe's settings and print its table beside the study's figures. Typed options override "
                    + "the recipe as for train: --epochs caps every row, --batch-size, --seed; --augment replaces "
                    + "the augmentation of the two augmented MCNN rows (default: faithful); --models keeps only "
                    + "the rows of those architectures.")
    String recipe;

    /**
     * Trains every requested architecture in turn, prints the results table and writes it as CSV and Markdown. Returns
     * exit code 0.
     */
    @Override
    public Integer call() throws IOException {
        if (recipe != null) {
            return studyTable();
        }
        PrintWriter o = spec.commandLine().getOut();
        List<Architecture> archs = new ArrayList<>();
        if (models.equalsIgnoreCase("all")) {
            archs.addAll(Arrays.asList(Architecture.values()));
        } else {
            for (String n : models.split(",")) {
                try {
                    archs.add(Architecture.byName(n.strip()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--models: " + e.getMessage());
                }
            }
        }
        TrainCommand.Selection sel = TrainCommand.select(spec, data, valFold, null, seed, false);
        AugmentSpec aug = TrainCommand.augment(spec, augment);
        o.printf(Locale.ROOT, "%s: %d training, %d validation clips (%s); %d epochs, batch %d, seed %d%n",
                sel.dataset().name(), sel.train().length, sel.val().length, sel.how(), epochs, batchSize, seed);
        List<String[]> rows = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        double dcnnEpoch = Double.NaN;
        for (Architecture a : archs) {
            TrainingConfig cfg = TrainCommand.config(spec, a.cliName(), epochs, batchSize, 1e-3, seed,
                    ScheduleKind.COSINE, 0, WindowAggregation.MEAN, 0, 0, true, false);
            o.printf(Locale.ROOT, "== %s%n", a.cliName());
            o.flush();
            Trainer trainer = Trainer.builder(cfg).features(LogMelFeatures.from(FeatureConfig.pipelineA()))
                    .augment(aug).cacheRoot(out.resolve(".audiotag-cache"))
                    .addTrainingListeners(new TrainingProgress(o, a.cliName() + " ")).build();
            TrainingResult r = trainer.train(sel.dataset(), sel.train(), sel.val(), out.resolve(a.cliName()));
            results.add(r);
            if (a == Architecture.DCNN) {
                dcnnEpoch = steadyEpochSeconds(r);
            }
        }
        if (Double.isNaN(dcnnEpoch)) {
            // DCNN not requested: ratios relative to the first model, stated in the header
            dcnnEpoch = steadyEpochSeconds(results.get(0));
        }
        String ref = archs.contains(Architecture.DCNN) ? "dcnn" : archs.get(0).cliName();
        String[] header = {"model", "parameters", "best val lwlrap", "accuracy", "train samples/s",
            "inference clips/s", "epoch time (s)", "epoch time / " + ref};
        for (int i = 0; i < archs.size(); i++) {
            TrainingResult r = results.get(i);
            double et = steadyEpochSeconds(r);
            double sps = sel.train().length / et;
            rows.add(new String[] {archs.get(i).cliName(), String.format(Locale.ROOT, "%,d", r.parameterCount()),
                f4(r.valLwlrap()), f4(r.valAccuracy()), String.format(Locale.ROOT, "%.1f", sps),
                String.format(Locale.ROOT, "%.1f", r.inferenceClipsPerSecond()),
                String.format(Locale.ROOT, "%.2f", et), String.format(Locale.ROOT, "%.2f", et / dcnnEpoch)});
        }
        StringBuilder md = new StringBuilder("| " + String.join(" | ", header) + " |\n|"
                + "---|".repeat(header.length) + "\n");
        StringBuilder csv = new StringBuilder(Csv.line((Object[]) header));
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
            csv.append(Csv.line((Object[]) r));
        }
        o.print(md);
        write(out.resolve("results.md"), md.toString());
        write(out.resolve("results.csv"), csv.toString());
        o.flush();
        return 0;
    }

    /** The augmentation the study's augmented rows use when {@code --augment} is not typed. */
    static final String STUDY_AUGMENTATION = "faithful";
    /**
     * The closest existing augmentation while {@value #STUDY_AUGMENTATION} is not available: mixing with another clip
     * (labels united) and reverberation with real impulse responses, each for half of the examples.
     */
    static final String STUDY_AUGMENTATION_FALLBACK = "mix:0.5,reverb:0.5";

    /** Trains the study's rows under {@code --recipe} and prints and writes its table. */
    private Integer studyTable() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        RecipeOptions recipes = RecipeOptions.of(spec, recipe);
        List<StudyRows.Row> rows = new ArrayList<>();
        List<String> wanted = recipes.given("--models") && !models.equalsIgnoreCase("all")
                ? Arrays.stream(models.split(",")).map(String::strip).toList() : null;
        for (StudyRows.Row r : StudyRows.ROWS) {
            if (wanted == null || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(r.architecture()))) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--models " + models + ": no row of the "
                    + "study's table trains these architectures; its rows train " + StudyRows.ROWS.stream()
                    .map(StudyRows.Row::architecture).distinct().toList());
        }
        TrainCommand.Selection sel = TrainCommand.select(spec, data, valFold, null, seed, false);
        AugmentSpec studyAug = studyAugmentation(o);
        o.printf(Locale.ROOT, "%s: %d training, %d validation clips (%s); recipe %s, seed %d%s%n",
                sel.dataset().name(), sel.train().length, sel.val().length, sel.how(),
                recipes.recipe().name(), seed, recipes.given("--epochs") ? ", at most " + epochs + " epochs" : "");
        List<TrainingResult> results = new ArrayList<>();
        List<String> augs = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        for (StudyRows.Row row : rows) {
            AugmentSpec aug = row.augmented() ? studyAug : AugmentSpec.none();
            TrainingConfig cfg = recipes.config(row.architecture(), new RecipeOptions.Values(epochs, batchSize, 1e-3,
                    seed, ScheduleKind.COSINE, 0, WindowAggregation.MEAN, 0, 0, true, false, null), row.augmented());
            o.printf(Locale.ROOT, "== %s (%s, %s)%n", row.label(), cfg.architecture(), aug.text());
            o.flush();
            Trainer trainer = Trainer.builder(cfg).featureConfig(recipes.features(row.architecture(), null,
                    row.augmented())).augment(aug).cacheRoot(out.resolve(".audiotag-cache"))
                    .addTrainingListeners(new TrainingProgress(o, row.folder() + " ")).build();
            results.add(trainer.train(sel.dataset(), sel.train(), sel.val(), out.resolve(row.folder())));
            augs.add(aug.text());
            trained.add(cfg.architecture());
            // the table so far, so that an interrupted comparison leaves the finished rows
            writeStudyTable(rows.subList(0, results.size()), results, augs, trained);
        }
        String md = writeStudyTable(rows, results, augs, trained);
        o.print(md);
        o.flush();
        return 0;
    }

    /**
     * Writes {@code DIR/results.csv} and {@code DIR/results.md} (atomically) for the rows trained so far and returns
     * the Markdown table: per row the best validation lwlrap, the batch-averaged one for MCNN rows, the mean
     * training-pass seconds over every epoch as a ratio to DCNN's (else the first row's), the first epoch's seconds
     * and the later epochs' mean, epochs run, best epoch, and the study's figures.
     */
    private String writeStudyTable(List<StudyRows.Row> rows, List<TrainingResult> results, List<String> augs,
            List<String> trained) throws IOException {
        int ref = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).architecture().equals("dcnn")) {
                ref = i;
            }
        }
        double refSeconds = results.get(Math.max(ref, 0)).history().meanEpochSeconds();
        String refName = ref >= 0 ? "DCNN" : rows.get(0).label();
        String[] header = {"model", "architecture", "augmentation", "lwlrap", "batch_lwlrap", "epoch_time_ratio",
            "epoch_seconds", "first_epoch_seconds", "later_epoch_seconds", "epochs_run", "best_epoch", "seed_lwlrap",
            "seed_epoch_time_ratio"};
        StringBuilder csv = new StringBuilder(Csv.line((Object[]) header));
        StringBuilder md = new StringBuilder("| model | lwlrap | seed lwlrap | epoch time / " + refName
                + " | seed | MCNN batch-averaged lwlrap | epochs (best) | first epoch (s) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            StudyRows.Row row = rows.get(i);
            TrainingResult r = results.get(i);
            var recs = r.history().records();
            EpochRecord best = r.history().best();
            double lwlrap = best == null ? Double.NaN : best.valLwlrap();
            double batchLwlrap = row.mcnn() ? recs.stream().mapToDouble(EpochRecord::valBatchLwlrap)
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN) : Double.NaN;
            double seconds = r.history().meanEpochSeconds();
            double first = recs.isEmpty() ? Double.NaN : recs.get(0).trainSeconds();
            double later = recs.size() > 1 ? steadyEpochSeconds(r) : Double.NaN;
            double ratio = seconds / refSeconds;
            csv.append(Csv.line(row.label(), trained.get(i), augs.get(i),
                    f4(lwlrap), Double.isNaN(batchLwlrap) ? "" : f4(batchLwlrap), f2(ratio), f2(seconds), f2(first),
                    f2(later),
                    recs.size(), r.bestEpochNumber(), f4(row.seedLwlrap()), f2(row.seedEpochSeconds())));
            md.append("| ").append(String.join(" | ", row.label(), f4(lwlrap), f4(row.seedLwlrap()), f2(ratio),
                    f2(row.seedEpochSeconds()), Double.isNaN(batchLwlrap) ? "" : f4(batchLwlrap), recs.size() + " ("
                    + r.bestEpochNumber() + ")", f2(first))).append(" |\n");
        }
        write(out.resolve("results.md"), md.toString());
        write(out.resolve("results.csv"), csv.toString());
        return md.toString();
    }

    /**
     * The augmentation of the study's augmented rows: {@code --augment} when typed, else the faithful one, else (not
     * available) the closest existing one, said on the output.
     */
    private AugmentSpec studyAugmentation(PrintWriter o) {
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        if (pr != null && pr.hasMatchedOption("--augment")) {
            return TrainCommand.augment(spec, augment);
        }
        try {
            return AugmentSpec.parse(STUDY_AUGMENTATION, DemoCommand.projectRoot().resolve("data/impulse-responses"),
                    44100);
        } catch (IllegalArgumentException | IOException e) {
            o.printf(Locale.ROOT, "augmentation '%s' is not available (%s); the augmented rows use '%s'%n",
                    STUDY_AUGMENTATION, e.getMessage(), STUDY_AUGMENTATION_FALLBACK);
            return TrainCommand.augment(spec, STUDY_AUGMENTATION_FALLBACK);
        }
    }

    static String f2(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Mean training-pass time per epoch, leaving out the first epoch when there are more (it includes TensorFlow's
     * one-time graph optimisation, up to a minute for the unrolled GRU).
     */
    static double steadyEpochSeconds(TrainingResult r) {
        var recs = r.history().records();
        return recs.stream().skip(recs.size() > 1 ? 1 : 0).mapToDouble(e -> e.trainSeconds()).average()
                .orElse(Double.NaN);
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, text);
    }
}
