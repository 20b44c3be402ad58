package org.audiotag.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.DecodedAudio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the decoding speed of {@link AudioDecoder} on shipped files, one per format: a 5 s mono Ogg Vorbis ESC-10
 * clip (JOrbis), a 4 s mono 16-bit FLAC instrument note (audiotag's own decoder), a 13 s stereo 16-bit WAV at
 * 44.1 kHz and a 4 s mono 24-bit WAV impulse response (our RIFF parser). Scores are files per second; multiply by
 * the file's duration for audio seconds per second. Baselines in the same run: {@code readBytes} (only reading the
 * file into memory, the floor for any decoder that works on whole files). libsndfile on the same files is timed by
 * {@code audiotag-benchmarks/python/time_audio_io.py}. Run from the project root:
 * {@code java -jar audiotag-benchmarks/target/benchmarks.jar AudioIoBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AudioIoBenchmark {

    /** Which shipped file to decode. */
    @Param({"ogg", "flac", "wav16", "wav24"})
    public String format;

    Path file;

    /** Locates the shipped file of the chosen format under {@code audiotag.root} (or the working folder). */
    @Setup
    public void setup() {
        Path root = Path.of(System.getProperty("audiotag.root", "."));
        String rel = switch (format) {
            case "ogg" -> "data/esc10/002 - Rain/1-17367-A.ogg";
            case "flac" -> "data/instruments/audio/accordion_gm021_0.flac";
            case "wav16" -> "data/freesound-clips/audio/applause.wav";
            case "wav24" -> "data/impulse-responses/Jack_Lyons_Hall_University_of_York_W_44k.wav";
            default -> throw new IllegalArgumentException("format: " + format);
        };
        file = root.resolve(rel);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: run from the project root or set -Daudiotag.root");
        }
    }

    /**
     * Decodes the file.
     *
     * @return the decoded audio (consumed by JMH)
     * @throws IOException if decoding fails
     */
    @Benchmark
    public DecodedAudio decode() throws IOException {
        return AudioDecoder.decode(file);
    }

    /**
     * Reads the file's bytes only, without decoding (baseline).
     *
     * @return the bytes (consumed by JMH)
     * @throws IOException if reading fails
     */
    @Benchmark
    public byte[] readBytes() throws IOException {
        return Files.readAllBytes(file);
    }
}
