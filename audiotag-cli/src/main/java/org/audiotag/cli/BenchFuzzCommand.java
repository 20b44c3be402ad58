package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.audiotag.features.internal.fuzz.AudioMutator;
import org.audiotag.features.internal.fuzz.DecoderFuzzer;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audiotag bench fuzz --format flac|ogg|wav [--mutants N] [--seed S] [FILE...]}: a deeper run of the decoder
 * fuzzing the tests do in CI. Decodes N seeded mutants of real files (bit flips, insertions, deletions, truncations,
 * appended garbage, header fields set to extreme values, damage with repaired checksums) and prints the count of
 * clean decodes, of {@code AudioFormatException}s by message kind, of failures (anything else, including a decode
 * that outlives {@code --timeout}) with the mutant that caused each, and the slowest case. Mutant {@code i} of a
 * seed is reproducible on its own. Exit code 1 when there is any failure.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Decode seeded mutants of real audio files and count the outcomes (clean, AudioFormatException"
                + " by kind, failures, slowest case).")
final class BenchFuzzCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "flac, ogg or wav.")
    String format;

    @Option(names = "--mutants", defaultValue = "10000", description = "Mutants to decode (default ${DEFAULT-VALUE}).")
    int mutants;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the mutations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Decoding threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", defaultValue = "30",
            description = "Seconds one decode may take before the run stops and reports it (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Seed files of that format (default: a few shipped files under data/).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        AudioDecoder.Format fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "flac" -> AudioDecoder.Format.FLAC;
            case "ogg" -> AudioDecoder.Format.OGG_VORBIS;
            case "wav" -> AudioDecoder.Format.WAV;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be flac, ogg or wav, got '" + format + "'");
        };
        if (mutants < 1 || threads < 1 || timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mutants, --threads and --timeout must be >= 1");
        }
        List<Path> seeds = new ArrayList<>(files);
        if (seeds.isEmpty()) {
            for (String s : DecoderFuzzer.defaultSeeds(fmt)) {
                seeds.add(DemoCommand.projectRoot().resolve(s));
            }
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path f : seeds) {
            if (!Files.isRegularFile(f)) {
                throw new CliException(Main.EXIT_USAGE, f + ": no such file (run from the project root, or name"
                        + " seed files)");
            }
            contents.add(Files.readAllBytes(f));
        }
        AudioMutator mutator;
        try {
            mutator = new AudioMutator(fmt, seeds, contents);
        } catch (AudioFormatException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        }
        DecoderFuzzer.Report r = DecoderFuzzer.run(mutator, seed, mutants, threads, timeoutSeconds * 1000L);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "fuzz_format %s%n", format.toLowerCase(Locale.ROOT));
        o.printf(Locale.ROOT, "fuzz_seed_files %d (%s)%n", mutator.seeds().size(),
                String.join(", ", mutator.seedNames()));
        o.printf(Locale.ROOT, "fuzz_mutants %d (seed %d)%n", r.mutants(), seed);
        o.printf(Locale.ROOT, "fuzz_clean %d%n", r.clean());
        o.printf(Locale.ROOT, "fuzz_audio_format_exceptions %d (%d kinds)%n", r.formatErrorCount(),
                r.formatErrors().size());
        r.formatErrors().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> o.printf(Locale.ROOT, "  %7d  %s%n", e.getValue(), e.getKey()));
        o.printf(Locale.ROOT, "fuzz_failures %d%n", r.failures().size());
        for (DecoderFuzzer.Failure f : r.failures()) {
            o.printf(Locale.ROOT, "  #%d %s: %s%n", f.index(), f.mutant(), f.problem());
        }
        o.printf(Locale.ROOT, "fuzz_slowest_ms %.2f (#%d %s)%n", r.slowestNanos() / 1e6, r.slowestIndex(),
                r.slowestMutant());
        o.printf(Locale.ROOT, "fuzz_seconds %.2f (%.0f mutants/s on %d threads)%n", r.seconds(),
                r.mutants() / r.seconds(), threads);
        o.flush();
        return r.failures().isEmpty() ? 0 : 1;
    }
}
