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
import org.audiotag.features.LibrosaFeature;
import org.audiotag.features.MelNorm;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audiotag corpus features --input DIR|GLOB|LIST.csv --output DIR [feature options]}: one librosa feature of
 * every file of a corpus, computed by {@link LibrosaFeature} as {@code audiotag features} computes it ({@code stft} =
 * {@code |librosa.stft(y)| ** power}, {@code mel} = {@code librosa.feature.melspectrogram}, {@code logmel} =
 * {@code power_to_db(mel, ref=1, amin=1e-10, top_db)}, {@code mfcc} = {@code librosa.feature.mfcc}) in librosa's
 * {@code (bins, frames)} layout, one float32 {@code .npy} per file under {@code DIR} mirroring the corpus tree. The
 * feature options are those of {@code audiotag features}, with its names, defaults and messages, except
 * {@code --raw-sr}: a corpus is a set of decodable audio files, and headerless float32 has no format to check.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"A librosa feature (stft, mel, logmel, mfcc) of every file of a corpus, one .npy per file "
                + "(float32, C order, librosa's shape) mirroring the input tree: the options and values of "
                + "'audiotag features'.",
            "Not here: --raw-sr (a corpus holds decodable audio files; headerless float32 carries no format to "
                + "check)."})
final class CorpusFeaturesCommand implements Callable<Integer> {
    /** Feature kinds, as {@code audiotag features} names them. */
    enum Kind { stft, mel, logmel, mfcc }

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

    @Option(names = "--power", paramLabel = "P",
            description = "Magnitude exponent (default 2 for mel/logmel/mfcc, 1 for stft).")
    Double power;

    @Option(names = "--htk", description = "HTK mel scale instead of Slaney.")
    boolean htk;

    @Option(names = "--norm", defaultValue = "slaney", description = "Mel filter norm: slaney or none.")
    String norm;

    @Option(names = "--pad-mode", defaultValue = "constant", description = "STFT padding: constant or reflect.")
    String padMode;

    @Option(names = "--kind", defaultValue = "logmel", description = "stft, mel, logmel or mfcc (default "
            + "${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = "--n-mfcc", defaultValue = "20", description = "MFCC count (default ${DEFAULT-VALUE}).")
    int nMfcc;

    @Option(names = "--top-db", defaultValue = "80", paramLabel = "X",
            description = "power_to_db top_db for logmel/mfcc, or 'none' (default ${DEFAULT-VALUE}).")
    String topDb;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    /**
     * Builds the feature the options describe, of the whole clip, as {@code audiotag features} computes it.
     *
     * @return the feature (the sample rate is each file's, or {@code --sr})
     * @throws IllegalArgumentException naming the bad option or librosa parameter
     */
    LibrosaFeature feature() {
        double top;
        try {
            top = topDb.equalsIgnoreCase("none") ? Decibels.NO_TOP_DB : Double.parseDouble(topDb);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--top-db must be a number or none, got '" + topDb + "'", e);
        }
        if (!(top >= 0)) {
            throw new IllegalArgumentException("--top-db must be >= 0 or none, got " + topDb);
        }
        StftConfig.Builder sb = StftConfig.builder().nFft(nFft).padMode(PadMode.parse(padMode));
        if (hopLength != null) {
            if (hopLength < 1) {
                throw new IllegalArgumentException("--hop-length must be >= 1, got " + hopLength);
            }
            sb.hopLength(hopLength);
        }
        StftConfig stft = sb.build();
        if (sr != null && sr < 1) {
            throw new IllegalArgumentException("--sr must be >= 1, got " + sr);
        }
        return LibrosaFeature.builder().kind(LibrosaFeature.Kind.parse(kind.name())).stft(stft).nMels(nMels)
                .fMin(fMin).fMax(fMax == null ? Double.NaN : fMax).htk(htk).norm(MelNorm.parse(norm))
                .power(power == null ? Double.NaN : power).topDb(top).nMfcc(nMfcc).build();
    }

    /**
     * Lists the corpus, runs the extraction and prints the counts. Returns exit code 0 when the run completes (failed
     * files are in the dead-letter CSV); bad options or an unreadable input end with 2 before any work.
     */
    @Override
    public Integer call() {
        LibrosaFeature feature;
        PipelineOptions options;
        try {
            feature = feature();
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
        ExtractFeatures extract = ExtractFeatures.to(output, feature);
        Pipeline p = Pipeline.create(options);
        PCollectionTuple out = p.apply("Corpus", corpus.read())
                .apply(sr == null ? extract : extract.atRate(sr));
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
