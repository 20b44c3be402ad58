package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag augment} and {@code audiotag bench augment} on the shipped ESC-10 clips and impulse responses. */
class AugmentCommandTest {
    static Path data() {
        return CliRun.root().resolve("data");
    }

    static String dog() {
        return data().resolve("esc10/001 - Dog bark/1-100032-A.ogg").toString();
    }

    @Test
    void allTransformsInOrderAreSeededAndWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("aug.wav");
        String rain = data().resolve("esc10/002 - Rain/1-17367-A.ogg").toString();
        String ir = data().resolve("impulse-responses/rir_clap.wav").toString();
        String[] args = {"augment", "--input", dog(), "--output", out.toString(), "--mix", rain, "--mix-snr", "6",
            "--time-stretch", "1.25", "--pitch-shift", "-2", "--reverb", ir, "--noise-snr", "20", "--gain", "-3",
            "--seed", "5"};
        CliRun r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("draws mix{").containsSubsequence("mix{", "timeStretch{rate=1.25}",
                "pitchShift{semitones=-2.0}", "reverb{ir=", "noise{color=WHITE, snrDb=20.0}", "gain{gainDb=-3.0}");
        AudioClip in = AudioLoader.nativeRate().load(Path.of(dog()));
        AudioClip written = AudioLoader.nativeRate().load(out);
        assertThat(written.sampleRate()).isEqualTo(in.sampleRate());
        assertThat(written.length()).isEqualTo((int) Math.rint(in.length() / 1.25));
        Path again = dir.resolve("again.wav");
        args[4] = again.toString();
        assertThat(run(args).exit()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void badInputExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o.wav").toString();
        CliRun missing = run("augment", "--input", dir.resolve("none.wav").toString(), "--output", out);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.wav").hasLineCount(1);
        Path text = Files.writeString(dir.resolve("notaudio.wav"), "hello");
        CliRun corrupt = run("augment", "--input", text.toString(), "--output", out);
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err()).contains("notaudio.wav").hasLineCount(1);
        CliRun rate = run("augment", "--input", dog(), "--output", out, "--time-stretch", "0");
        assertThat(rate.exit()).isEqualTo(2);
        assertThat(rate.err()).contains("--time-stretch").hasLineCount(1);
        CliRun snr = run("augment", "--input", dog(), "--output", out, "--mix-snr", "3");
        assertThat(snr.exit()).isEqualTo(2);
        assertThat(snr.err()).contains("--mix");
        CliRun ext = run("augment", "--input", dog(), "--output", dir.resolve("o.mp3").toString());
        assertThat(ext.exit()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("o.wav"))).isFalse();
    }

    @Test
    void benchAugmentPrintsExamplesPerSecondAndTheBaseline() {
        CliRun r = run("bench", "augment", "--threads", "2", "--examples", "16", "--warmup", "0", "--clips", "6",
                "--data", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^examples_per_second \\d+\\.\\d$")
                .containsPattern("(?m)^baseline_logmel_examples_per_second \\d+\\.\\d$")
                .containsPattern("(?m)^ratio_to_baseline \\d+\\.\\d{3}$");
    }
}
