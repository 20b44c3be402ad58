package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.train.FeatureCache;
import org.audiotag.train.data.Dataset;
import org.audiotag.train.data.Datasets;
import org.audiotag.train.data.LoadOptions;
import org.audiotag.train.data.RowPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures how much the feature cache saves when training batches are built
 * ({@code audiotag bench cache [--clips N] [--batches N]}).
 * On N shipped ESC-10 clips it times (1) building the on-disk cache (parallel decode + log-mel), (2) assembling
 * training batches of 32 random 128-frame crops from the memory-mapped cache, and (3) the same batches computed on
 * the fly from decoded audio held in memory (the augmentation path: crop 2 s of audio, then log-mel). Prints
 * seconds per batch for (2) and (3) and their ratio, all measured in the same run after a warm-up.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Batch assembly from the feature cache vs on-the-fly log-mel (ESC-10 clips, batch 32).")
final class BenchCacheCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clips", defaultValue = "64", description = "ESC-10 clips to use (default ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--batches", defaultValue = "20",
            description = "Measured batches per method (default ${DEFAULT-VALUE}).")
    int batches;

    /**
     * Builds the cache, times cached and on-the-fly batches and prints the seconds per batch and their ratio. Returns
     * exit code 0.
     */
    @Override
    public Integer call() throws IOException {
        if (clips < 2 || clips > 318 || batches < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--clips must be in [2, 318] and --batches >= 1");
        }
        PrintWriter o = spec.commandLine().getOut();
        Dataset all = Datasets.esc10(DemoCommand.projectRoot().resolve("data/esc10"), LoadOptions.defaults());
        int[] pick = new int[clips];
        for (int i = 0; i < clips; i++) {
            pick[i] = (int) ((long) i * all.size() / clips);
        }
        Dataset ds = all.subset(pick);
        LogMelFeatures mel = LogMelFeatures.from(FeatureConfig.pipelineA());
        Path tmp = Files.createTempDirectory("audiotag-bench-cache");
        try {
            List<Path> files = ds.clips().stream().map(c -> c.file()).toList();
            long t0 = System.nanoTime();
            try (FeatureCache cache = FeatureCache.open(tmp, files, mel, Runtime.getRuntime().availableProcessors(),
                    RowPolicy.FAIL)) {
                double build = (System.nanoTime() - t0) / 1e9;
                List<float[]> audio = new ArrayList<>();
                for (Path f : files) {
                    audio.add(AudioLoader.atRate(mel.sr()).load(f).samples());
                }
                int b = 32;
                int win = 128;
                float[] x = new float[b * win * mel.nMels()];
                double cached = time(batches, r -> {
                    for (int j = 0; j < b; j++) {
                        int c = r.nextInt(clips);
                        int start = r.nextInt(cache.frames(c) - win + 1);
                        cache.copyFrames(c, start, win, x, j * win * mel.nMels());
                    }
                });
                int samples = (win - 1) * mel.hopLength();
                double onTheFly = time(Math.max(1, batches / 4), r -> {
                    for (int j = 0; j < b; j++) {
                        float[] y = audio.get(r.nextInt(clips));
                        int start = r.nextInt(y.length - samples + 1);
                        float[] crop = java.util.Arrays.copyOfRange(y, start, start + samples);
                        TimeMajorFeatures f = mel.compute(crop);
                        System.arraycopy(f.data(), 0, x, j * win * mel.nMels(), win * mel.nMels());
                    }
                });
                o.printf(Locale.ROOT, "cache_build_seconds %.3f (%d clips, %.1f clips/s)%n", build, clips,
                        clips / build);
                o.printf(Locale.ROOT, "cached_batch_seconds %.6f%n", cached);
                o.printf(Locale.ROOT, "on_the_fly_batch_seconds %.6f%n", onTheFly);
                o.printf(Locale.ROOT, "on_the_fly_over_cached %.1f%n", onTheFly / cached);
            }
        } finally {
            try (var s = Files.walk(tmp)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        o.flush();
        return 0;
    }

    private interface Batch {
        void run(SplittableRandom r);
    }

    /** Seconds per batch: a warm-up of n batches, then the mean of n timed batches. */
    private static double time(int n, Batch batch) {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            batch.run(r);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            batch.run(r);
        }
        return (System.nanoTime() - t0) / 1e9 / n;
    }
}
