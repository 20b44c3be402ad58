package org.audiotag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FixedLength;
import org.audiotag.features.StftConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures log-mel throughput in seconds of audio per second, beside librosa's when it is importable:
 * {@code audiotag bench features [--clips N] [--threads N] [--rounds R] [--librosa-python CMD]}: times the log-mel
 * (n_fft 2048, hop 347, 128 mels, fmin 20, fmax 22050, power 2, power_to_db ref 1 top_db 80) of N distinct synthetic
 * 5 s clips at 44.1 kHz through {@link FeatureExtractor#extractBatch(List, int)} after a warm-up, and prints
 * {@code audio_seconds_per_second <v>} (the median over the rounds). When a python that imports librosa is given
 * ({@code --librosa-python}, or the {@code LIBROSA_PY} environment variable, a command such as
 * {@code "env PYTHONPATH=... python3"}), each round also runs {@code audiotag-benchmarks/python/librosa_logmel.py}
 * (the same workload in librosa, one thread) right after ours, so the two are measured interleaved under the same
 * load, and prints librosa's median and the ratio; otherwise it prints {@code librosa: not importable}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Log-mel throughput (5 s clips at 44.1 kHz, n_fft 2048, hop 347, 128 mels): prints "
                + "'audio_seconds_per_second <value>'.")
final class BenchFeaturesCommand implements Callable<Integer> {
    static final int SR = 44100;
    static final int CLIP_SAMPLES = 5 * SR;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clips", defaultValue = "64", description = "Distinct clips per pass (default ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seconds", defaultValue = "3", description = "Minimum measured time (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "1.5",
            description = "Warm-up time in seconds (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--rounds", defaultValue = "1",
            description = "Rounds, each timing ours and then librosa (default ${DEFAULT-VALUE}); medians printed.")
    int rounds;

    @Option(names = "--librosa-python", paramLabel = "CMD",
            description = "Python command that imports librosa (default: the LIBROSA_PY environment variable).")
    String librosaPython;

    @Option(names = "--librosa-clips", defaultValue = "16",
            description = "Clips per librosa pass (default ${DEFAULT-VALUE}).")
    int librosaClips;

    /** Returns the benchmark's feature configuration. */
    static FeatureConfig config() {
        return FeatureConfig.builder().sampleRate(SR).nSamples(CLIP_SAMPLES).lengthPolicy(FixedLength.Policy.NONE)
                .stft(StftConfig.builder().nFft(2048).hopLength(347).build()).nMels(128).fMin(20).fMax(22050)
                .power(2.0).topDb(80).build();
    }

    /**
     * Makes distinct synthetic 5-s clips at 44.1 kHz: two sines (one gliding) of random frequency plus Gaussian noise
     * of random level each.
     *
     * @param n number of clips
     * @param seed seed of every random choice
     * @return the clips' samples
     */
    static List<float[]> syntheticClips(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            float[] y = new float[CLIP_SAMPLES];
            double f1 = r.nextDouble(50, 5000);
            double f2 = r.nextDouble(50, 12000);
            double noise = r.nextDouble(0.001, 0.1);
            for (int i = 0; i < y.length; i++) {
                double t = (double) i / SR;
                y[i] = (float) (0.3 * Math.sin(2 * Math.PI * f1 * t)
                        + 0.2 * Math.sin(2 * Math.PI * f2 * t * (1 + t / 10))
                        + noise * r.nextGaussian());
            }
            out.add(y);
        }
        return out;
    }

    /**
     * Times the batch log-mel and prints {@code audio_seconds_per_second}. Returns exit code 0; 1 if the benchmark
     * produced NaN.
     */
    @Override
    public Integer call() {
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (clips < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clips must be >= 1, got " + clips);
        }
        if (nThreads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + nThreads);
        }
        if (!(warmup >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        if (!(seconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be > 0, got " + seconds);
        }
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be >= 1, got " + rounds);
        }
        if (librosaClips < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--librosa-clips must be >= 1, got "
                    + librosaClips);
        }
        String python = librosaPython != null ? librosaPython : System.getenv("LIBROSA_PY");
        FeatureExtractor ex = FeatureExtractor.of(config());
        List<float[]> data = syntheticClips(clips, 2019);
        // warm-up: JIT, FFT plans and per-thread buffers
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        do {
            ex.extractBatch(data, nThreads);
        } while (System.nanoTime() < warmEnd);
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        String librosaProblem = python == null || python.isBlank() ? "not importable" : null;
        for (int r = 0; r < rounds; r++) {
            ours[r] = timeOurs(ex, data, nThreads);
            if (librosaProblem == null) {
                LibrosaBenchmark.Result res = LibrosaBenchmark.run(python, librosaClips);
                if (res.rate() > 0) {
                    theirs[r] = res.rate();
                } else {
                    librosaProblem = res.problem();
                }
            }
        }
        var out = spec.commandLine().getOut();
        double oursMedian = median(ours);
        out.printf(Locale.ROOT, "audio_seconds_per_second %.1f%n", oursMedian);
        if (rounds > 1) {
            out.printf(Locale.ROOT, "rounds %d, threads %d, range %.1f-%.1f%n", rounds, nThreads, min(ours), max(ours));
        }
        if (librosaProblem != null) {
            out.println("librosa: " + librosaProblem);
        } else {
            double lib = median(theirs);
            out.printf(Locale.ROOT, "librosa_audio_seconds_per_second %.1f (one thread, range %.1f-%.1f)%n", lib,
                    min(theirs), max(theirs));
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = ours[r] / theirs[r];
            }
            out.printf(Locale.ROOT, "ratio_vs_librosa %.2f (range %.2f-%.2f, ours on %d thread%s)%n", median(ratios),
                    min(ratios), max(ratios), nThreads, nThreads == 1 ? "" : "s");
        }
        out.flush();
        return 0;
    }

    /** One timed run of at least {@code seconds}: audio seconds per wall-clock second. */
    private double timeOurs(FeatureExtractor ex, List<float[]> data, int nThreads) {
        long start = System.nanoTime();
        long passes = 0;
        double checksum = 0;
        do {
            checksum += ex.extractBatch(data, nThreads).get(0).get(0, 0);
            passes++;
        } while (System.nanoTime() - start < seconds * 1e9);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double audio = passes * clips * (double) CLIP_SAMPLES / SR;
        if (Double.isNaN(checksum)) {
            throw new CliException(1, "benchmark produced NaN");
        }
        return audio / elapsed;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
