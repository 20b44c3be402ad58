package org.audiotag.beam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.audiotag.beam.AudioCorpus;
import org.audiotag.beam.FailedFile;
import org.audiotag.beam.TagCorpus;
import org.audiotag.beam.WriteFailures;
import org.audiotag.beam.WriteScoresCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audiotag corpus tag --input DIR|GLOB|LIST.csv --model DIR --output SCORES.csv [--batch N] [--shard I/N]
 * [--runner NAME]}: the tag probabilities of every file of a corpus in the Kaggle layout
 * ({@code fname,<tag 1>,...,<tag n>}, {@code fname} the path relative to the input root, rows sorted by it), the
 * values {@code audiotag tag --scores-csv} writes for the same files; {@code audiotag evaluate} reads it.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag every file of a corpus with an exported model into a Kaggle-layout scores CSV "
                + "(fname = path relative to the input).")
final class CorpusTagCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|GLOB|LIST.csv",
            description = "A folder (recursive), a glob, or a CSV list of paths (relative to its folder).")
    String input;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Exported model (RUN_DIR/model).")
    Path model;

    @Option(names = "--output", required = true, paramLabel = "SCORES.csv", description = "Scores CSV to write.")
    Path output;

    @Option(names = "--batch", defaultValue = "" + TagCorpus.DEFAULT_BATCH, paramLabel = "N",
            description = "Clips scored together (default ${DEFAULT-VALUE}).")
    int batch;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    /**
     * Checks the model, lists the corpus, runs the tagging and prints the counts. Returns exit code 0 when the run
     * completes (failed files are in the dead-letter CSV); a missing model, bad options or an unreadable input end
     * with 2 before any work.
     */
    @Override
    public Integer call() {
        PipelineOptions options;
        try {
            options = run.pipelineOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TagCorpus tag;
        try {
            tag = TagCorpus.withModel(model).batchSize(batch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        } catch (IOException e) {
            throw new CorpusException(CorpusMain.EXIT_USAGE, e.getMessage(), e);
        }
        AudioCorpus corpus;
        try {
            corpus = AudioCorpus.of(input).shard(run.shard());
        } catch (IOException | IllegalArgumentException e) {
            throw new CorpusException(CorpusMain.EXIT_USAGE, e.getMessage(), e);
        }
        Path failed = run.failed != null ? run.failed : deadLetterBeside(output);
        Pipeline p = Pipeline.create(options);
        PCollectionTuple out = p.apply("Corpus", corpus.read()).apply(tag);
        out.get(TagCorpus.SCORES).apply(WriteScoresCsv.to(output, tag.tags()));
        out.get(FailedFile.TAG).apply(WriteFailures.to(failed));
        PrintWriter o = spec.commandLine().getOut();
        CorpusRun.Outcome r = CorpusRun.run(p, corpus.size(), spec.commandLine().getErr());
        o.println("corpus tag: " + CorpusRun.summary(r, "tagged"));
        o.println("scores: " + output.toAbsolutePath().normalize());
        o.println("dead letters: " + failed.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }

    /** {@code SCORES.csv} -> {@code SCORES.failed.csv} in the same folder. */
    static Path deadLetterBeside(Path scores) {
        Path abs = scores.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return abs.resolveSibling(stem + ".failed.csv");
    }
}
