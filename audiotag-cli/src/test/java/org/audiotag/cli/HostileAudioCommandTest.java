package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on hostile audio: a WAV that declares 1 Hz and a float WAV holding NaN end with exit code 2 and a
 * one-line message naming the file (they used to crash {@code convert --sr 44100} with an OutOfMemoryError, and to
 * pass {@code info} and {@code convert} silently); {@code bench fuzz} runs a small campaign and reports no failure.
 */
class HostileAudioCommandTest {

    @TempDir
    Path tmp;

    /** A 16-byte fmt chunk and a data chunk. */
    private static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        int align = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(36 + data.length)
                .put("WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * align).putShort((short) align)
                .putShort((short) bits).put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length)
                .put(data);
        return b.array();
    }

    @Test
    void aOneHertzWavIsRejectedByConvertInsteadOfExhaustingMemory() throws Exception {
        Path f = Files.write(tmp.resolve("1hz.wav"), wav(1, 1, 1, 16, new byte[44_000]));
        CliRun r = CliRun.run("convert", "--input", f.toString(), "--output", tmp.resolve("o.wav").toString(),
                "--sr", "44100");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("audiotag: " + f
                + ": WAV header declares an invalid sample rate 1 Hz (allowed: [1000, 768000] Hz)");
        assertThat(Files.exists(tmp.resolve("o.wav"))).isFalse();
    }

    @Test
    void aFloatWavHoldingNanIsRejectedByInfoAndConvert() throws Exception {
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        d.putFloat(0.25f).putFloat(Float.NaN).putFloat(0.5f).putFloat(Float.NEGATIVE_INFINITY);
        Path f = Files.write(tmp.resolve("nan.wav"), wav(3, 1, 16000, 32, d.array()));
        CliRun info = CliRun.run("info", f.toString());
        assertThat(info.exit()).isEqualTo(2);
        assertThat(info.err().strip()).isEqualTo("audiotag: " + f + ": WAV float32 sample 1 of channel 0 is NaN"
                + " (not finite)");
        assertThat(info.out()).doesNotContain("Infinity");
        CliRun convert = CliRun.run("convert", "--input", f.toString(), "--output", tmp.resolve("x.npy").toString());
        assertThat(convert.exit()).isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("x.npy"))).isFalse();
    }

    @Test
    void benchFuzzCountsTheOutcomes() {
        CliRun r = CliRun.run("bench", "fuzz", "--format", "wav", "--mutants", "300", "--seed", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("fuzz_format wav").contains("fuzz_mutants 300 (seed 3)")
                .contains("fuzz_failures 0").containsPattern("fuzz_clean \\d+")
                .containsPattern("fuzz_audio_format_exceptions \\d+ \\(\\d+ kinds\\)")
                .containsPattern("fuzz_slowest_ms \\d+\\.\\d+ \\(#\\d+ ");
        CliRun bad = CliRun.run("bench", "fuzz", "--format", "mp3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be flac, ogg or wav");
    }
}
