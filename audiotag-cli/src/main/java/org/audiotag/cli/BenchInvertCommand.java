package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.audiotag.style.MelToAudio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures mel inversion speed ({@code audiotag bench invert [--seconds 60] [--repeat 3]}): times mel inversion + 32
 * fast Griffin-Lim iterations ({@link MelToAudio}, librosa defaults: sr 22050, n_fft 2048, hop 512, 128 mels) of a
 * signal made of the shipped ESC-10 clips, on all cores and, as the baseline of the same run, confined to one worker
 * thread. Prints the median wall time of each, the process CPU time, the parallel speed-up and seconds of compute per
 * second of audio.
 */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = "Mel inversion + 32 Griffin-Lim iterations (librosa defaults) of N seconds of shipped audio: "
                + "all cores vs one thread, median of --repeat runs.")
final class BenchInvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", description = "Audio length in seconds (default 60).")
    double seconds;

    @Option(names = "--repeat", defaultValue = "3", description = "Measured runs per variant (default 3).")
    int repeat;

    @Option(names = "--data", defaultValue = "data/esc10", description = "Folder of audio clips to concatenate.")
    Path data;

    /**
     * Times the inversion on all cores and on one worker thread and prints the medians, CPU time and speed-up. Returns
     * exit code 0.
     */
    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be > 0 and --repeat >= 1");
        }
        int sr = 22050;
        int n = (int) Math.round(seconds * sr);
        float[] y = concatenate(n, sr);
        DoubleMatrix mel = MelSpectrogram.builder().sampleRate(sr).build().compute(toDouble(y));
        MelToAudio m2a = MelToAudio.builder().sampleRate(sr)
                .stft(StftConfig.builder().nFft(2048).hopLength(512).build()).seed(0).build();
        double[] m = mel.toArray();
        // warm-up (JIT) on the same input
        m2a.invert(m, mel.rows(), mel.cols());
        double[] par = new double[repeat];
        double[] cpu = new double[repeat];
        MelToAudio.Result last = null;
        for (int i = 0; i < repeat; i++) {
            long c0 = processCpu();
            long t0 = System.nanoTime();
            last = m2a.invert(m, mel.rows(), mel.cols());
            par[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (processCpu() - c0) / 1e9;
        }
        double[] seq = new double[repeat];
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                one.submit(() -> m2a.invert(m, mel.rows(), mel.cols())).get();
                seq[i] = (System.nanoTime() - t0) / 1e9;
            }
        } catch (ExecutionException e) {
            throw new CliException(1, "bench invert failed: " + e.getCause(), e);
        } finally {
            one.shutdown();
        }
        double p = median(par);
        double s = median(seq);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "invert %.1f s of audio (%d mels x %d frames, %d cores): all cores %.2f s (cpu %.2f s), one thread %.2f"
                        + " s, speed-up %.2fx; %.3f s per audio second (librosa reference here: ~0.3); spectral "
                        + "convergence %.4f", n / (double) sr, mel.rows(), mel.cols(),
                Runtime.getRuntime().availableProcessors(), p, median(cpu), s, s / p, p / (n / (double) sr),
                last.spectralConvergence()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private float[] concatenate(int n, int sr) throws IOException {
        if (!Files.isDirectory(data)) {
            throw new CliException(2, data + ": no such folder (run from the project root or pass --data)");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data)) {
            s.filter(p -> p.toString().matches(".*\\.(ogg|wav|flac)$")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new CliException(2, data + ": no .ogg/.wav/.flac clips");
        }
        AudioLoader loader = AudioLoader.builder().sr(sr).build();
        float[] y = new float[n];
        int pos = 0;
        for (int i = 0; pos < n; i++) {
            float[] c = loader.load(files.get(i % files.size())).samples();
            int k = Math.min(c.length, n - pos);
            System.arraycopy(c, 0, y, pos, k);
            pos += k;
        }
        return y;
    }

    private static double[] toDouble(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return d;
    }

    private static long processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }
}
