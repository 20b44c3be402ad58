package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.models.TagScore;
import org.audiotag.models.Tagger;
import org.audiotag.style.ColorMap;
import org.audiotag.style.SpectrogramImage;
import org.audiotag.train.RunFolder;
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
 * Runs the end-to-end demonstration ({@code audiotag demo [--out DIR]}): trains a modDCNN on the shipped ESC-10 clips
 * (folds 1-3, ESC-10's ten class names), validates on fold 5 every epoch, exports the model to {@code DIR/model}, tags
 * two example clips and writes a log-mel PNG of each. Prints per-epoch progress, the final lwlrap and accuracy, and the
 * wall-clock time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a modDCNN on ESC-10 folds 1-3, validate on fold 5, export it, tag two clips.")
final class DemoCommand implements Callable<Integer> {

    /** File-name ending of the log-mel images the demo writes into its folder. */
    static final String IMAGE_SUFFIX = "-logmel.png";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder demo-<time>).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "ESC-10 folder (default: the project's data/esc10).")
    Path data;

    @Option(names = "--epochs", defaultValue = "40", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", defaultValue = "moddcnn", description = "Architecture (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--mix", defaultValue = "0.3", description = "Mixing probability (default: ${DEFAULT-VALUE}).")
    double mix;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--schedule", defaultValue = "COSINE",
            description = "Learning-rate schedule: PLATEAU, COSINE or CONSTANT (default: ${DEFAULT-VALUE}).")
    org.audiotag.train.ScheduleKind schedule;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /**
     * Trains, exports, tags the example clips and writes their log-mel images, printing progress and results. Returns
     * exit code 0; 1 if no model could be exported.
     */
    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        PrintWriter o = spec.commandLine().getOut();
        Path esc = data != null ? data : projectRoot().resolve("data/esc10");
        if (!Files.isRegularFile(esc.resolve("labels.csv"))) {
            throw new CliException(Main.EXIT_USAGE, esc + ": no ESC-10 labels.csv (use --data DIR)");
        }
        Path dir = out != null ? out : Path.of("demo-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        Dataset ds = Datasets.esc10(esc, LoadOptions.defaults());
        int[] train = ds.indicesOfFolds(1, 2, 3);
        int[] val = ds.indicesOfFolds(5);
        o.printf(Locale.ROOT, "ESC-10: %d clips, %d tags; training on folds 1-3 (%d clips), validating on fold 5 "
                + "(%d clips); output %s%n", ds.size(), ds.vocabulary().size(), train.length, val.length, dir);
        TrainingConfig cfg;
        try {
            cfg = TrainingConfig.builder().architecture(model).epochs(epochs).batchSize(batchSize).lr(lr).seed(seed)
                    .mixProbability(mix).schedule(schedule).earlyStoppingPatience(0).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
        Trainer trainer = Trainer.builder(cfg).features(mel).cacheRoot(dir.resolve("cache"))
                .addTrainingListeners(new TrainingProgress(o, "")).build();
        // the demo keeps its feature cache and log-mel images beside the run, so a second demo resumes in DIR
        TrainingResult r = trainer.train(ds, train, val, RunFolder.open(dir, "cache", "*" + IMAGE_SUFFIX));
        if (r.modelDir() == null) {
            throw new CliException(1, r.message());
        }
        Path modelDir = r.modelDir();
        var last = r.history().records().get(r.history().records().size() - 1);
        o.printf(Locale.ROOT, "last epoch %d: val lwlrap %.4f  accuracy %.4f%n", last.epoch() + 1, last.valLwlrap(),
                last.valAccuracy());
        o.printf(Locale.ROOT, "final model = best epoch %d (restored): val lwlrap %.4f  accuracy %.4f  mAP %.4f%n",
                r.bestEpochNumber(), r.valLwlrap(), r.valAccuracy(), r.valMap());
        o.printf(Locale.ROOT, "model exported to %s%n", modelDir);
        List<Path> examples = List.of(ds.clip(val[0]).file(), ds.clip(val[val.length / 2 + 3]).file());
        try (Tagger tagger = Tagger.load(modelDir)) {
            for (Path f : examples) {
                List<TagScore> top = tagger.tag(f, 3);
                StringBuilder sb = new StringBuilder(f.getFileName().toString());
                for (TagScore s : top) {
                    sb.append(String.format(Locale.ROOT, " %s:%.3f", s.tag(), s.probability()));
                }
                o.println(sb);
                TimeMajorFeatures x = mel.compute(AudioLoader.atRate(mel.sr()).load(f));
                double[] db = new double[x.frames() * x.bins()];
                for (int t = 0; t < x.frames(); t++) {
                    for (int b = 0; b < x.bins(); b++) {
                        db[b * x.frames() + t] = x.get(t, b);
                    }
                }
                String name = f.getFileName().toString().replaceFirst("\\.[^.]+$", "") + IMAGE_SUFFIX;
                SpectrogramImage.of(db, x.bins(), x.frames()).write(dir.resolve(name), ColorMap.VIRIDIS, 8);
                o.printf(Locale.ROOT, "  log-mel image %s%n", dir.resolve(name));
            }
        }
        o.printf(Locale.ROOT, "demo took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        o.flush();
        return 0;
    }

    static Path projectRoot() {
        String p = System.getProperty("audiotag.root");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(".");
    }
}
