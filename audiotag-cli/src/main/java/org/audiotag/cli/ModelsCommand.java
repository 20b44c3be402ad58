package org.audiotag.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.audiotag.models.Architecture;
import org.audiotag.models.ModelConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lists every architecture of audiotag-models ({@code audiotag models}), one line each as
 * {@code <name> <input-kind> <parameters>}, where parameters is the trainable parameter count at the original input
 * shape and widths (docs/ORIGINAL-PROJECT.md §4) with the given number of tags. Each count comes from building the
 * inference graph (nothing runs).
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the architectures: <name> <input-kind> <trainable parameters at the original shapes>.")
final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tags", defaultValue = "80", paramLabel = "N",
            description = "Number of output tags (default: ${DEFAULT-VALUE}, the FSDKaggle2019 curated set).")
    int tags;

    /**
     * Builds each architecture's inference graph and prints its name, input kind and parameter count. Returns exit code
     * 0.
     */
    @Override
    public Integer call() {
        if (tags < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tags must be >= 1, got " + tags);
        }
        ModelConfig cfg = ModelConfig.builder().numTags(tags).trainingGraph(false).build();
        PrintWriter out = spec.commandLine().getOut();
        for (Architecture a : Architecture.values()) {
            out.println(a.cliName() + " " + a.inputKind() + " " + a.parameterCount(cfg));
        }
        out.flush();
        return 0;
    }
}
