package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.root;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.io.NpyArray;
import org.audiotag.features.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag features} against a librosa fixture, its errors, and {@code audiotag bench features}. */
class FeaturesCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    static double[] f64(Path p) throws Exception {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(d);
        return d;
    }

    @Test
    void melOfRawFloat32MatchesLibrosa() throws Exception {
        Path fx = root().resolve("data/fixtures/librosa");
        Path o = tmp.resolve("mel.npy");
        int rc = run("features", "--input", fx.resolve("inputs/chirp_noise_sr44100_n88200.f32").toString(),
                "--raw-sr", "44100", "--n-fft", "2560", "--hop-length", "347", "--fmin", "20", "--kind", "mel",
                "--output", o.toString());
        assertThat(rc).as(err.toString()).isZero();
        NpyArray a = NpyFile.read(o);
        assertThat(a.shape()).containsExactly(128, 255);
        double[] ref = f64(fx.resolve("cases/melspec_chirp44k_nfft2560_hop347_mels128_fmin20_power2.f64"));
        float[] v = a.toFloatArray();
        for (int i = 0; i < ref.length; i++) {
            // float32 output: tolerance_float32 of the case (atol 3.88e-3, rtol 1e-5)
            assertThat(Math.abs(v[i] - ref[i])).isLessThanOrEqualTo(3.88e-3 + 1e-5 * Math.abs(ref[i]));
        }

        Path db = tmp.resolve("db.npy");
        assertThat(run("features", "--input", fx.resolve("inputs/chirp_noise_sr44100_n88200.f32").toString(),
                "--raw-sr", "44100", "--n-fft", "2560", "--hop-length", "347", "--fmin", "20", "--kind", "mfcc",
                "--output", db.toString())).isZero();
        double[] mfcc = f64(fx.resolve("cases/mfcc_chirp44k_n20_nfft2560_hop347_mels128_fmin20.f64"));
        float[] m = NpyFile.read(db).toFloatArray();
        assertThat(m).hasSize(mfcc.length);
        for (int i = 0; i < mfcc.length; i++) {
            assertThat(Math.abs(m[i] - mfcc[i])).isLessThanOrEqualTo(1.3e-4 + 1e-5 * Math.abs(mfcc[i]));
        }
    }

    @Test
    void stftOfAnOggClipKeepsTheFileRate() throws Exception {
        Path o = tmp.resolve("stft.npy");
        assertThat(run("features", "--input", root().resolve("data/esc10/009 - Rooster/1-26806-A.ogg").toString(),
                "--kind", "stft", "--n-fft", "1024", "--output", o.toString())).isZero();
        NpyArray a = NpyFile.read(o);
        assertThat(a.shape()[0]).isEqualTo(513);
        assertThat(out.toString()).contains("sr=44100");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        Path o = tmp.resolve("x.npy");
        assertThat(run("features", "--input", tmp.resolve("missing.wav").toString(), "--output", o.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing.wav").contains("no such file");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(run("features", "--input", root().resolve("data/esc10/labels.csv").toString(), "--output",
                o.toString())).isEqualTo(2);
        assertThat(run("features", "--input", root().resolve("data/esc10/labels.csv").toString(), "--n-fft", "0",
                "--output", o.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("n_fft");
        assertThat(run("features", "--input", root().resolve("data/esc10/labels.csv").toString(), "--kind", "cqt",
                "--output", o.toString())).isEqualTo(2);
        assertThat(Files.exists(o)).isFalse();
    }

    @Test
    void benchFeaturesPrintsThroughput() {
        assertThat(run("bench", "features", "--clips", "2", "--threads", "1", "--seconds", "0.2", "--warmup", "0"))
                .as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        String line = lines[0];
        assertThat(line).startsWith("audio_seconds_per_second ");
        // librosa's figure (or why there is none) follows ours
        assertThat(lines[lines.length - 1]).startsWith("librosa");
        assertThat(Double.parseDouble(line.substring(line.indexOf(' ') + 1))).isGreaterThan(1.0);
        assertThat(run("bench", "features", "--clips", "0")).isEqualTo(2);
    }
}
