package org.audiotag.beam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.audiotag.beam.AudioCorpus;
import org.audiotag.beam.ExtractFeatures;
import org.audiotag.beam.FailedFile;
import org.audiotag.beam.WriteFailures;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FixedLength;
import org.audiotag.features.MelNorm;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audiotag corpus features --input DIR|GLOB|LIST.csv --output DIR [feature options]}: the log-mel of every
 * file of a corpus, {@code power_to_db(melspectrogram(y, sr, n_fft, hop_length, n_mels, fmin, fmax, power, htk,
 * norm, center=True, pad_mode), ref=1, amin=1e-10, top_db)} in librosa's {@code (n_mels, frames)} layout, one float32
 * {@code .npy} per file under {@code DIR} mirroring the corpus tree: the values of {@code audiotag features --kind
 * logmel} with the same options (whose names and defaults these are).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Log-mel features of every file of a corpus, one .npy per file mirroring the input tree "
                + "(the options and values of 'audiotag features --kind logmel').")
final class CorpusFeaturesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|GLOB|LIST.csv",
            description = "A folder (recursive), a glob, or a CSV list of paths (relative to its folder).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder of the .npy tree.")
    Path output;

    @Option(names = "--sr", paramLabel = "N", description = "Resample to N Hz (default: keep each file's rate).")
    Integer sr;

    @Option(names = "--n-fft", defaultValue = "2048", description = "FFT length (default ${DEFAULT-VALUE}).")
    int nFft;

    @Option(names = "--hop-length", paramLabel = "N", description = "Hop in samples (default n_fft/4).")
    Integer hopLength;

    @Option(names = "--n-mels", defaultValue = "128", description = "Mel bands (default ${DEFAULT-VALUE}).")
    int nMels;

    @Option(names = "--fmin", defaultValue = "0", description = "Lowest mel edge in Hz (default ${DEFAULT-VALUE}).")
    double fMin;

    @Option(names = "--fmax", paramLabel = "F", description = "Highest mel edge in Hz (default sr/2).")
    Double fMax;

    @Option(names = "--power", defaultValue = "2", paramLabel = "P",
            description = "Magnitude exponent (default ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--htk", description = "HTK mel scale instead of Slaney.")
    boolean htk;

    @Option(names = "--norm", defaultValue = "slaney", description = "Mel filter norm: slaney or none.")
    String norm;

    @Option(names = "--pad-mode", defaultValue = "constant", description = "STFT padding: constant or reflect.")
    String padMode;

    @Option(names = "--kind", defaultValue = "logmel",
            description = "logmel (the one kind of corpus features; stft, mel and mfcc: 'audiotag features').")
    String kind;

    @Option(names = "--top-db", defaultValue = "80", paramLabel = "X",
            description = "power_to_db top_db, or 'none' (default ${DEFAULT-VALUE}).")
    String topDb;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    /**
     * Builds the feature configuration the options describe: the whole clip (no trim, no fixed length), as
     * {@code audiotag features} computes it.
     *
     * @return the configuration (at {@code --sr}, or 44100 as a placeholder replaced by each file's own rate)
     * @throws IllegalArgumentException naming the bad option
     */
    FeatureConfig featureConfig() {
        if (!kind.equals("logmel")) {
            throw new IllegalArgumentException("--kind " + kind + ": corpus features computes logmel only (use "
                    + "'audiotag features --kind " + kind + "' per file)");
        }
        double top;
        try {
            top = topDb.equalsIgnoreCase("none") ? Decibels.NO_TOP_DB : Double.parseDouble(topDb);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--top-db must be a number or none, got '" + topDb + "'", e);
        }
        if (!(top >= 0)) {
            throw new IllegalArgumentException("--top-db must be >= 0 or none, got " + topDb);
        }
        if (sr != null && sr < 1) {
            throw new IllegalArgumentException("--sr must be >= 1, got " + sr);
        }
        StftConfig.Builder sb = StftConfig.builder().nFft(nFft).padMode(PadMode.parse(padMode));
        if (hopLength != null) {
            if (hopLength < 1) {
                throw new IllegalArgumentException("--hop-length must be >= 1, got " + hopLength);
            }
            sb.hopLength(hopLength);
        }
        return FeatureConfig.builder().kind(FeatureConfig.Kind.LOG_MEL_IMAGE).sampleRate(sr == null ? 44100 : sr)
                .lengthPolicy(FixedLength.Policy.NONE).trimTopDb(0).stft(sb.build()).nMels(nMels).fMin(fMin)
                .fMax(fMax == null ? Double.NaN : fMax).htk(htk).norm(MelNorm.parse(norm)).power(power).topDb(top)
                .build();
    }

    /**
     * Lists the corpus, runs the extraction and prints the counts. Returns exit code 0 when the run completes (failed
     * files are in the dead-letter CSV); bad options or an unreadable input end with 2 before any work.
     */
    @Override
    public Integer call() {
        FeatureConfig config;
        PipelineOptions options;
        try {
            config = featureConfig();
            options = run.pipelineOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AudioCorpus corpus;
        try {
            corpus = AudioCorpus.of(input).shard(run.shard());
            ExtractFeatures.requireDistinctOutputs(corpus);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorpusException(CorpusMain.EXIT_USAGE, e.getMessage(), e);
        }
        Path failed = run.failed != null ? run.failed : output.resolve("failed.csv");
        ExtractFeatures extract = ExtractFeatures.to(output, config);
        Pipeline p = Pipeline.create(options);
        PCollectionTuple out = p.apply("Corpus", corpus.read())
                .apply(sr == null ? extract.atNativeRate() : extract);
        out.get(FailedFile.TAG).apply(WriteFailures.to(failed));
        PrintWriter o = spec.commandLine().getOut();
        CorpusRun.Outcome r = CorpusRun.run(p, corpus.size(), spec.commandLine().getErr());
        o.println("corpus features: " + CorpusRun.summary(r, "written"));
        o.println("features: " + output.toAbsolutePath().normalize());
        o.println("dead letters: " + failed.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }
}
