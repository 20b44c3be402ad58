package org.audiotag.beam.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.audiotag.beam.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options both corpus commands share: the Beam runner, the number of DirectRunner workers, the shard and the
 * dead-letter file; any further {@code --name=value} is handed to Beam's {@link PipelineOptionsFactory} unchanged
 * (e.g. {@code --flinkMaster=[local]} for the Flink runner).
 */
final class RunOptions {
    /** The runner used when {@code --runner} is not given. */
    static final String DEFAULT_RUNNER = "DirectRunner";

    @Option(names = "--runner", defaultValue = DEFAULT_RUNNER, paramLabel = "NAME",
            description = "Beam runner (default ${DEFAULT-VALUE}, in this JVM); others must be on the class path.")
    String runner;

    @Option(names = "--workers", paramLabel = "N",
            description = "DirectRunner worker threads (its --targetParallelism; default: the cores, at least 3).")
    Integer workers;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Process only part I of N (0 <= I < N) by a hash of each file's relative path.")
    String shard;

    @Option(names = "--failed", paramLabel = "FILE.csv",
            description = "Dead-letter CSV (path,error) of the files that failed (default beside the output).")
    java.nio.file.Path failed;

    @CommandLine.Unmatched
    List<String> beamArgs = new ArrayList<>();

    /**
     * Returns the shard {@code --shard} names, the whole corpus without it.
     *
     * @return the shard
     * @throws IllegalArgumentException if it is malformed
     */
    Shard shard() {
        return shard == null ? Shard.ALL : Shard.parse(shard);
    }

    /**
     * Builds Beam's options from {@code --runner}, {@code --workers} and the pass-through arguments, validated.
     *
     * @return the options
     * @throws IllegalArgumentException for an unknown runner or option, or a pass-through argument that is not
     *     {@code --name=value}
     */
    PipelineOptions pipelineOptions() {
        List<String> args = new ArrayList<>();
        args.add("--runner=" + runner);
        for (String a : beamArgs) {
            if (!a.startsWith("--") || a.indexOf('=') < 3) {
                throw new IllegalArgumentException("unknown argument '" + a + "' (Beam pipeline options are given as "
                        + "--name=value)");
            }
            args.add(a);
        }
        if (workers != null) {
            if (workers < 1) {
                throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
            }
            args.add("--targetParallelism=" + workers);
        }
        PipelineOptions o = PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().create();
        if (isDirect(o)) {
            // run() returns at once, so that the command can print progress while the pipeline runs
            o.as(DirectOptions.class).setBlockOnRun(false);
        }
        return o;
    }

    static boolean isDirect(PipelineOptions o) {
        return o.getRunner().getSimpleName().equals(DEFAULT_RUNNER);
    }
}
