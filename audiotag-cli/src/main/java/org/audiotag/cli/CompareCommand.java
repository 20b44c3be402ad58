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

    /**
     * Trains every requested architecture in turn, prints the results table and writes it as CSV and Markdown. Returns
     * exit code 0.
     */
    @Override
    public Integer call() throws IOException {
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
