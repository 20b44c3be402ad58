package org.audiotag.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.audiotag.models.Architecture;
import org.audiotag.models.InputKind;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.TagModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the training and inference speed of the architectures
 * ({@code audiotag bench models [--arch a,b] [--batch N] [--steps N] [--warmup N]}): for each architecture at its
 * original input shape with 80 tags, times training steps (forward + backward + Adam + BN updates) and inference
 * batches on synthetic features after warm-up steps (graph optimisation happens on the first runs) and after one
 * discarded DCNN pass that warms the process up. The baseline is DCNN, always measured first in the same run; each
 * line prints
 * {@code <name> train_s_per_step <v> train_samples_per_s <v> infer_clips_per_s <v> train_cost_vs_dcnn <ratio>}.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Training and inference throughput per architecture at the original shapes, relative to DCNN "
                + "measured in the same run.")
final class BenchModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", split = ",", paramLabel = "NAME",
            description = "Architectures to measure (default: all). DCNN is always measured as the baseline.")
    List<String> arch;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "5", description = "Measured steps per mode (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Warm-up steps per mode (default ${DEFAULT-VALUE}).")
    int warmup;

    /**
     * Times every requested architecture and prints one line each, DCNN first as the baseline. Returns exit code 0.
     */
    @Override
    public Integer call() {
        if (batch < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be >= 2, got " + batch);
        }
        if (steps < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--steps must be >= 1 and --warmup >= 0, got " + steps + " and " + warmup);
        }
        List<Architecture> todo = new ArrayList<>();
        todo.add(Architecture.DCNN);
        if (arch == null) {
            for (Architecture a : Architecture.values()) {
                if (a != Architecture.DCNN) {
                    todo.add(a);
                }
            }
        } else {
            for (String name : arch) {
                Architecture a;
                try {
                    a = Architecture.byName(name.trim());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                if (!todo.contains(a)) {
                    todo.add(a);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        measure(Architecture.DCNN);       // process warm-up (native thread pools, oneDNN primitive caches); discarded
        double baseline = Double.NaN;
        for (Architecture a : todo) {
            double[] t = measure(a);
            if (a == Architecture.DCNN) {
                baseline = t[0];
            }
            out.println(String.format(Locale.ROOT,
                    "%s train_s_per_step %.4f train_samples_per_s %.1f infer_clips_per_s %.1f train_cost_vs_dcnn %.2f",
                    a.cliName(), t[0], batch / t[0], batch / t[1], t[0] / baseline));
            out.flush();
        }
        return 0;
    }

    /** Returns seconds per training step and per inference batch. */
    private double[] measure(Architecture a) {
        try (TagModel m = a.build(ModelConfig.defaults())) {
            SplittableRandom r = new SplittableRandom(17);
            float[] x = new float[batch * m.exampleSize()];
            boolean wave = a.inputKind() == InputKind.RAW_WAVEFORM;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (wave ? 0.1 * r.nextGaussian() : -40 + 15 * r.nextGaussian());
            }
            float[] y = new float[batch * m.numTags()];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextDouble() < 0.02 ? 1f : 0f;
            }
            for (int i = 0; i < warmup; i++) {
                m.trainStep(x, y, batch, 1e-3f);
                m.predict(x, batch);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                m.trainStep(x, y, batch, 1e-3f);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                m.predict(x, batch);
            }
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e9 / steps, (t2 - t1) / 1e9 / steps};
        }
    }
}
