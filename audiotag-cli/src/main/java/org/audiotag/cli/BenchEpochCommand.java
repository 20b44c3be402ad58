package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.models.Architecture;
import org.audiotag.train.AugmentSpec;
import org.audiotag.train.EpochRecord;
import org.audiotag.train.ScheduleKind;
import org.audiotag.train.Trainer;
import org.audiotag.train.TrainingConfig;
import org.audiotag.train.TrainingResult;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what an augmentation recipe costs per training epoch
 * ({@code audiotag bench epoch [--augment faithful] [--model mcnn] [--epochs 3] [--rounds 1]}): trains the same model
 * on ESC-10's folds 1-3 (validating on 20 clips of fold 5) without augmentation and with the recipe, one after the
 * other in each round, and prints the training-pass seconds per epoch of both and their ratio. The first epoch of
 * every run is left out (it holds TensorFlow's one-time graph optimisation); the feature caches are built before
 * the first measured run and are not timed. Medians over all measured epochs are reported, with the system load
 * average before and after.
 */
@Command(name = "epoch", mixinStandardHelpOptions = true,
        description = "Training-pass seconds per epoch with and without an augmentation recipe (ESC-10 folds 1-3),"
                + " measured in the same run, and their ratio.")
final class BenchEpochCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--augment", defaultValue = "faithful", paramLabel = "SPEC",
            description = "The recipe measured against none, as for train (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--model", defaultValue = "mcnn", paramLabel = "NAME",
            description = "Architecture (default: ${DEFAULT-VALUE}, the original's augmented model).")
    String model;

    @Option(names = "--epochs", defaultValue = "3", paramLabel = "N",
            description = "Epochs per run, the first left out (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
            description = "Rounds, each a run without then a run with the recipe (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", description = "Trainer threads (default: available processors).")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: <audiotag.root>/data).")
    Path data;

    /** Runs the rounds and prints the medians and their ratio. Returns exit code 0. */
    @Override
    public Integer call() throws IOException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (epochs < 2 || rounds < 1 || batchSize < 2 || n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--epochs must be >= 2 (the first is left out), --rounds and --threads >= 1, --batch-size >= 2");
        }
        try {
            Architecture.byName(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model: " + e.getMessage());
        }
        Path root = data != null ? data : Paths.get(System.getProperty("audiotag.root", ".")).resolve("data");
        if (!Files.isDirectory(root.resolve("esc10"))) {
            throw new CliException(Main.EXIT_USAGE, root.resolve("esc10") + ": ESC-10 folder not found (use --data)");
        }
        AugmentSpec aug = TrainCommand.augment(spec, augment);
        Dataset esc = Datasets.esc10(root.resolve("esc10"), LoadOptions.defaults());
        int[] train = esc.indicesOfFolds(1, 2, 3);
        int[] val = Arrays.copyOf(esc.indicesOfFolds(5), 20);
        LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
        TrainingConfig cfg = TrainingConfig.builder().architecture(model).epochs(epochs).batchSize(batchSize)
                .seed(42).schedule(ScheduleKind.CONSTANT).earlyStoppingPatience(0).threads(n).build();
        PrintWriter o = spec.commandLine().getOut();
        String loadBefore = loadAverage();
        Path tmp = Files.createTempDirectory("audiotag-bench-epoch");
        List<Double> plain = new ArrayList<>();
        List<Double> augmented = new ArrayList<>();
        try {
            Path cache = tmp.resolve("cache");
            for (int r = 0; r < rounds; r++) {
                plain.addAll(epochSeconds(Trainer.builder(cfg).features(mel).cacheRoot(cache).build()
                        .train(esc, train, val, tmp.resolve("none-" + r))));
                augmented.addAll(epochSeconds(Trainer.builder(cfg).features(mel).augment(aug).cacheRoot(cache)
                        .build().train(esc, train, val, tmp.resolve("augmented-" + r))));
            }
        } finally {
            try (var s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        String loadAfter = loadAverage();
        double a = median(plain);
        double b = median(augmented);
        o.printf(Locale.ROOT, "model %s training_clips %d batch %d threads %d epochs_measured %d%n", model,
                train.length, batchSize, n, plain.size());
        o.printf(Locale.ROOT, "epoch_seconds_none %.3f %s%n", a, list(plain));
        o.printf(Locale.ROOT, "epoch_seconds_%s %.3f %s%n", aug.text().replaceAll("[^a-z0-9]+", "_"), b,
                list(augmented));
        o.printf(Locale.ROOT, "ratio %.2f%n", b / a);
        o.printf(Locale.ROOT, "load_average_before %s after %s%n", loadBefore, loadAfter);
        o.flush();
        return 0;
    }

    /** Training-pass seconds of every epoch but the first. */
    private static List<Double> epochSeconds(TrainingResult r) {
        List<EpochRecord> h = r.history().records();
        return IntStream.range(1, h.size()).mapToObj(i -> h.get(i).trainSeconds()).toList();
    }

    /** The 1-, 5- and 15-minute load averages of /proc/loadavg, or {@code n/a} where there is none. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "n/a";
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String list(List<Double> v) {
        return v.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList().toString();
    }
}
