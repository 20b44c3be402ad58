package org.audiotag.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures the single-thread log-mel cost in <em>CPU time</em> of the measuring thread, which other processes on a
 * busy machine disturb far less than wall-clock time; pair it with {@code python/time_logmel.py}, which reports
 * {@code time.process_time()} figures for the same work. Prints audio seconds per CPU second for the extractor
 * ({@code LogMelBenchmark.logMelOneThread}) and the FFT-only and naive-port baselines.
 * Run: {@code java -cp audiotag-benchmarks/target/benchmarks.jar org.audiotag.benchmarks.LogMelCpuTime [seconds]}.
 */
public final class LogMelCpuTime {
    private LogMelCpuTime() {
    }

    /**
     * Runs the measurements (two rounds each, the first a warm-up) and prints one line per figure.
     *
     * @param args optional CPU seconds per measurement (default 3)
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        LogMelBenchmark b = new LogMelBenchmark();
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"java_logmel_1thread", "java_fft_only", "java_naive_port"};
        for (int round = 0; round < 2; round++) {
            for (int which = 0; which < names.length; which++) {
                long start = mx.getCurrentThreadCpuTime();
                long clips = 0;
                double sink = 0;
                while (mx.getCurrentThreadCpuTime() - start < (long) (seconds * 1e9)) {
                    sink += switch (which) {
                        case 0 -> b.logMelOneThread().get(0, 0);
                        case 1 -> b.baselineFftOnly();
                        default -> b.baselineNaivePort()[0];
                    };
                    clips++;
                }
                double cpu = (mx.getCurrentThreadCpuTime() - start) / 1e9;
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%s_audio_seconds_per_cpu_second %.1f%s%n", names[which],
                            clips * 5.0 / cpu, Double.isNaN(sink) ? " (NaN!)" : "");
                }
            }
        }
        // batch API on 2 threads: audio per CPU second of the whole process (all threads). Equal to the
        // single-thread figure means no parallel overhead, i.e. wall-clock throughput scales with free cores.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 2; round++) {
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long clips = 0;
            while (os.getProcessCpuTime() - cpu0 < (long) (2 * seconds * 1e9)) {
                b.logMelBatchTwoThreads();
                clips += LogMelBenchmark.CLIPS;
            }
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            if (round == 1) {
                System.out.printf(Locale.ROOT, "java_logmel_batch_2threads_audio_seconds_per_cpu_second %.1f"
                        + " (cpu/wall %.2f)%n", clips * 5.0 / cpu, cpu / wall);
            }
        }
    }
}
