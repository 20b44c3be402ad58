package org.audiotag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Groups the throughput measurements and the decoder fuzzer
 * ({@code audiotag bench features|augment|epoch|invert|models|cache|fuzz}); each is a sub-command of its own and
 * prints one result line per figure.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchFeaturesCommand.class,
        BenchAugmentCommand.class, BenchEpochCommand.class, BenchInvertCommand.class, BenchModelsCommand.class,
        BenchCacheCommand.class, BenchFuzzCommand.class},
        description = "Measure throughput (features, augment, ...) or fuzz the decoders. Prints one result line per"
                + " measurement.")
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Refuses to run without a measurement: {@code audiotag bench} alone is a usage error (exit code 2).
     */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "bench needs a measurement, e.g. 'bench features'");
    }
}
