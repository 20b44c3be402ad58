package org.audiotag.beam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.audiotag.beam.AudioCorpus;
import org.audiotag.beam.CorpusFile;
import org.audiotag.beam.ExtractFeatures;
import org.audiotag.beam.internal.IsolatedDecoder;
import org.audiotag.features.LibrosaFeature;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.toolkit.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audiotag corpus bench --input DIR}: measures how corpus work scales from one worker to two, in one run, as
 * ratios (the machine may be shared: run it when it is quiet, and read the load printed before and after). Two
 * parts: decoding alone (threads of this JVM: one thread; two threads on the shared {@link AudioDecoder}, which
 * JOrbis's class-wide lock serialises for Ogg Vorbis; two threads each with its own {@link IsolatedDecoder}), then
 * {@code corpus features} (the default log-mel) on the DirectRunner with 1 and 2 workers, alternated
 * {@code --rounds} times after one untimed warm-up run. Writes nothing that outlives it (features go to a
 * temporary folder).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure 1 vs 2 workers: Ogg decoding (shared decoder vs isolated decoders) and corpus "
                + "features on the DirectRunner, as ratios in one run.")
final class CorpusBenchCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|GLOB|LIST.csv",
            description = "The corpus, e.g. data/esc10.")
    String input;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "R",
            description = "Alternations of 1 and 2 workers (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--skip-decode", description = "Skip the decoding part.")
    boolean skipDecode;

    /** Runs both parts and prints files per second and ratios. Returns 0; a bad input ends with 2. */
    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be >= 1, got " + rounds);
        }
        AudioCorpus corpus;
        try {
            corpus = AudioCorpus.of(input);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorpusException(CorpusMain.EXIT_USAGE, e.getMessage(), e);
        }
        List<Path> files = corpus.files().stream().map(CorpusFile::path).toList();
        if (files.isEmpty()) {
            throw new CorpusException(CorpusMain.EXIT_USAGE, input + ": no audio files", null);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "corpus bench: %d files of %s; cores %d; load %s%n", files.size(), corpus.root(),
                Runtime.getRuntime().availableProcessors(), load());
        o.flush();
        if (!skipDecode) {
            decodeRate(files, 1, false); // warm-up: JIT of the shared decoder
            double one = decodeRate(files, 1, false);
            double shared = decodeRate(files, 2, false);
            double isolated = decodeRate(files, 2, true);
            o.printf(Locale.ROOT, "decode: 1 thread %.1f files/s; 2 threads, shared decoder %.1f files/s (%.2fx); "
                    + "2 threads, isolated decoders %.1f files/s (%.2fx)%n", one, shared, shared / one, isolated,
                    isolated / one);
            o.flush();
        }
        Path tmp = Files.createTempDirectory("audiotag-corpus-bench");
        try {
            // what 'corpus features' computes by default: the log-mel of librosa's defaults at each file's rate
            LibrosaFeature config = LibrosaFeature.builder().build();
            // one untimed run first: the JIT of the whole pipeline would otherwise land on the first timed run
            featuresRate(corpus, config, 2, tmp.resolve("warm-up"));
            List<Double> r1 = new ArrayList<>();
            List<Double> r2 = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (int w : new int[] {1, 2}) {
                    long cpu0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    double rate = featuresRate(corpus, config, w, tmp.resolve("r" + r + "w" + w));
                    double cores = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
                    (w == 1 ? r1 : r2).add(rate);
                    o.printf(Locale.ROOT, "corpus features: round %d, %d worker(s): %.2f files/s, %.2f cores busy "
                            + "(process CPU time / wall time) (load %s)%n", r + 1, w, rate, cores, load());
                    o.flush();
                }
            }
            double m1 = median(r1);
            double m2 = median(r2);
            o.printf(Locale.ROOT, "corpus features: 2 workers / 1 worker = %.2fx (medians %.2f and %.2f files/s; "
                    + "per-round ratios %s); load %s%n", m2 / m1, m2, m1, ratios(r1, r2), load());
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        o.flush();
        return 0;
    }

    private static double featuresRate(AudioCorpus corpus, LibrosaFeature config, int workers, Path out) {
        PipelineOptions opts = PipelineOptionsFactory.fromArgs("--runner=" + RunOptions.DEFAULT_RUNNER,
                "--targetParallelism=" + workers).create();
        Pipeline p = Pipeline.create(opts);
        p.apply(corpus.read()).apply(ExtractFeatures.to(out, config));
        long t0 = System.nanoTime();
        p.run().waitUntilFinish();
        return corpus.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Decodes every file once on {@code threads} threads taking files from a shared counter and returns files per
     * second; isolated decoders are taken from the pool ({@link IsolatedDecoder#acquire()}) and, before the clock
     * starts, decode every file once (each private copy is compiled by the JIT afresh, as the shared decoder was by
     * the untimed first pass); the pipeline runs after this reuse them warm.
     */
    private static double decodeRate(List<Path> files, int threads, boolean isolated) throws Exception {
        AtomicInteger next = new AtomicInteger();
        CyclicBarrier ready = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    IsolatedDecoder d = isolated ? IsolatedDecoder.acquire() : null;
                    try {
                        for (int i = 0; d != null && i < files.size(); i++) {
                            d.decode(files.get(i));
                        }
                        ready.await();
                        for (int i; (i = next.getAndIncrement()) < files.size();) {
                            if (d != null) {
                                d.decode(files.get(i));
                            } else {
                                AudioDecoder.decode(files.get(i));
                            }
                        }
                    } finally {
                        if (d != null) {
                            IsolatedDecoder.release(d);
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            long t0 = System.nanoTime();
            for (Future<Void> f : fs) {
                f.get();
            }
            return files.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String ratios(List<Double> r1, List<Double> r2) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r1.size(); i++) {
            out.add(String.format(Locale.ROOT, "%.2f", r2.get(i) / r1.get(i)));
        }
        return String.join(" ", out);
    }

    /** CPU time of this process so far, in nanoseconds (all threads: workers, JIT, GC), or 0 if unknown. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** The 1-minute load average ({@code /proc/loadavg}), or "unknown". */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
