package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.root;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.ResampleType;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.DecodedAudio;
import org.audiotag.features.io.NpyArray;
import org.audiotag.features.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag convert} and {@code audiotag info} on shipped audio, and their errors. */
class ConvertCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void oggToMonoWavAt22050MatchesAudioLoader() throws Exception {
        Path in = root().resolve("data/esc10/002 - Rain/1-17367-A.ogg");
        Path o = tmp.resolve("rain.wav");
        int rc = run("convert", "--input", in.toString(), "--output", o.toString(), "--sr", "22050", "--mono",
                "--encoding", "float32", "--res-type", "polyphase");
        assertThat(rc).as(err.toString()).isZero();
        DecodedAudio a = AudioDecoder.decode(o);
        assertThat(a.sampleRate()).isEqualTo(22050);
        assertThat(a.channels()).isEqualTo(1);
        float[] expected = AudioLoader.builder().sr(22050).resType(ResampleType.POLYPHASE).build().load(in).samples();
        assertThat(a.channel(0)).isEqualTo(expected);
        assertThat(out.toString()).contains("1 ch, 44100 Hz, 220544 frames").contains("22050 Hz, 110272 frames");
    }

    @Test
    void stereoWavToNpyKeepsChannelsAndCuts() throws Exception {
        Path in = root().resolve("data/freesound-clips/audio/typing.wav");
        Path o = tmp.resolve("typing.npy");
        int rc = run("convert", "--input", in.toString(), "--output", o.toString(), "--offset", "1",
                "--duration", "0.25");
        assertThat(rc).as(err.toString()).isZero();
        NpyArray a = NpyFile.read(o);
        assertThat(a.shape()).containsExactly(2, 12000);
        DecodedAudio d = AudioDecoder.decode(in);
        assertThat(a.get(0)).isEqualTo(d.sample(0, 48000));
        assertThat(a.get(12000 + 11999)).isEqualTo(d.sample(1, 59999));
    }

    @Test
    void pcm16RoundTripOfA24BitImpulseResponse() throws Exception {
        Path in = root().resolve("data/impulse-responses/rir_clap.wav");
        Path o = tmp.resolve("rir16.wav");
        assertThat(run("convert", "--input", in.toString(), "--output", o.toString())).isZero();
        assertThat(AudioDecoder.decode(o).channel(0)).isEqualTo(AudioDecoder.decode(in).channel(0));
    }

    @Test
    void badInputsExitWithTwoAndOneLine() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.wav"), new byte[] {'n', 'o', 'p', 'e', 1, 2, 3, 4});
        assertThat(run("convert", "--input", junk.toString(), "--output", tmp.resolve("o.wav").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("audiotag: " + junk + ": unrecognised audio format");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        err.getBuffer().setLength(0);
        assertThat(run("convert", "--input", junk.toString(), "--output", tmp.resolve("o.mp3").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--output must end in .wav or .npy");
        err.getBuffer().setLength(0);
        assertThat(run("convert", "--input", junk.toString(), "--output", tmp.resolve("o.wav").toString(),
                "--res-type", "soxr_hq")).isEqualTo(2);
        assertThat(err.toString()).contains("res_type: unknown or unsupported resampler 'soxr_hq'");
        assertThat(Files.exists(tmp.resolve("o.wav"))).isFalse();
    }

    @Test
    void infoListsGoodFilesAndNamesBadOnes() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.flac"), new byte[0]);
        Path ogg = root().resolve("data/esc10/002 - Rain/1-17367-A.ogg");
        Path flac = root().resolve("data/sonic-pi/audio/bd_boom.flac");
        int rc = run("info", ogg.toString(), junk.toString(), flac.toString());
        assertThat(rc).isEqualTo(2);
        assertThat(out.toString()).contains("OGG_VORBIS\t1 ch\t44100 Hz\t220544 frames\t5.001 s")
                .contains("FLAC\t2 ch\t44100 Hz\t75600 frames");
        assertThat(err.toString().strip()).isEqualTo("audiotag: " + junk + ": file is empty (0 bytes)");
    }
}
