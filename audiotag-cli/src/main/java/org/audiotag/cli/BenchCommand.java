package org.audiotag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audiotag bench ...}: throughput measurements; each measurement is a sub-command of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchFeaturesCommand.class,
        BenchAugmentCommand.class, BenchInvertCommand.class, BenchModelsCommand.class, BenchCacheCommand.class,
        BenchFuzzCommand.class},
        description = "Measure throughput (features, augment, ...) or fuzz the decoders. Prints one result line per"
                + " measurement.")
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "bench needs a measurement, e.g. 'bench features'");
    }
}
