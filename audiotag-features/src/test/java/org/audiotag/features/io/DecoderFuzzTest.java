package org.audiotag.features.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiotag.features.internal.fuzz.AudioMutator;
import org.audiotag.features.internal.fuzz.DecoderFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the three decoders, in process: 3000 mutants per format built from shipped files (bit flips,
 * byte insertions and deletions, duplicated ranges, truncations, appended garbage, header fields set to extreme
 * values, payload damage with the checksums repaired). Every decode must end in a clean result or an
 * {@link AudioFormatException}: never another exception, never an {@link OutOfMemoryError}, never a decode that runs
 * past the watchdog (a safety net of this test only: the bound comes from the decoders' construction), and nothing
 * printed. About 10 s on a 2-core machine; {@code audiotag bench fuzz} runs deeper campaigns.
 */
class DecoderFuzzTest {

    private static final int MUTANTS = 3000;
    private static final long SEED = 20_261_207L;
    private static final long TIMEOUT_MILLIS = 10_000;

    private static DecoderFuzzer.Report fuzz(AudioDecoder.Format format) throws Exception {
        List<Path> files = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (String s : DecoderFuzzer.defaultSeeds(format)) {
            Path f = IoTestSupport.root().resolve(s);
            files.add(f);
            bytes.add(Files.readAllBytes(f));
        }
        AudioMutator mutator = new AudioMutator(format, files, bytes);
        // the shortened seeds are valid files: otherwise every mutant would fail for the wrong reason
        for (int i = 0; i < mutator.seeds().size(); i++) {
            assertThat(AudioDecoder.decode(mutator.seeds().get(i), Path.of(mutator.seedNames().get(i))).frames())
                    .as("seed %s", mutator.seedNames().get(i)).isPositive();
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DecoderFuzzer.Report r;
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            r = DecoderFuzzer.run(mutator, SEED, MUTANTS, 2, TIMEOUT_MILLIS);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        System.getLogger(DecoderFuzzTest.class.getName()).log(System.Logger.Level.INFO, String.format(
                java.util.Locale.ROOT, "%s: %d mutants in %.1f s: %d clean, %d AudioFormatException (%d kinds),"
                        + " %d failures; slowest %.1f ms (#%d %s)", format, r.mutants(), r.seconds(), r.clean(),
                r.formatErrorCount(), r.formatErrors().size(), r.failures().size(), r.slowestNanos() / 1e6,
                r.slowestIndex(), r.slowestMutant()));
        assertThat(r.failures()).as("decodes that ended in neither audio nor AudioFormatException").isEmpty();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.mutants()).isEqualTo(MUTANTS);
        assertThat(r.clean() + r.formatErrorCount()).isEqualTo(MUTANTS);
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed while decoding").isEmpty();
        // both outcomes occur: the mutants are neither all harmless nor all rejected at the first byte
        assertThat(r.clean()).isPositive();
        assertThat(r.formatErrors().size()).isGreaterThan(10);
        return r;
    }

    @Test
    void flacMutantsDecodeOrFailCleanly() throws Exception {
        DecoderFuzzer.Report r = fuzz(AudioDecoder.Format.FLAC);
        // repaired checksums let damage reach the subframes
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.contains("subframe"));
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.contains("CRC-16 mismatch"));
    }

    @Test
    void oggVorbisMutantsDecodeOrFailCleanly() throws Exception {
        DecoderFuzzer.Report r = fuzz(AudioDecoder.Format.OGG_VORBIS);
        // repaired page checksums let damage reach the Vorbis headers
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.startsWith("invalid Vorbis setup header"));
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.startsWith("invalid Vorbis comment header"));
    }

    @Test
    void wavMutantsDecodeOrFailCleanly() throws Exception {
        DecoderFuzzer.Report r = fuzz(AudioDecoder.Format.WAV);
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.contains("is NaN (not finite)"));
        assertThat(r.formatErrors().keySet()).anyMatch(k -> k.contains("invalid sample rate"));
    }

    @Test
    void mutantsAreReproducibleFromSeedAndIndex() throws Exception {
        Path f = IoTestSupport.root().resolve(DecoderFuzzer.defaultSeeds(AudioDecoder.Format.FLAC).get(0));
        AudioMutator a = new AudioMutator(AudioDecoder.Format.FLAC, List.of(f), List.of(Files.readAllBytes(f)));
        AudioMutator b = new AudioMutator(AudioDecoder.Format.FLAC, List.of(f), List.of(Files.readAllBytes(f)));
        for (int i = 0; i < 50; i++) {
            assertThat(a.mutant(7, i).bytes()).isEqualTo(b.mutant(7, i).bytes());
            assertThat(a.mutant(7, i).description()).isEqualTo(b.mutant(7, i).description());
        }
        assertThat(a.mutant(7, 1).bytes()).isNotEqualTo(a.mutant(8, 1).bytes());
    }
}
