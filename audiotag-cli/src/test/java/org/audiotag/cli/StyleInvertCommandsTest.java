package org.audiotag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.audiotag.cli.CliRun.root;
import static org.audiotag.cli.CliRun.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.audiotag.features.io.NpyFile;
import org.audiotag.style.ColorMap;
import org.audiotag.style.SpectrogramImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiotag invert} and {@code audiotag style} on shipped data, and their exit code on bad input. */
class StyleInvertCommandsTest {
    @Test
    void invertWritesAWavWithLibrosaQuality(@TempDir Path dir) throws Exception {
        // librosa melspectrogram of the odd44099 fixture (n_fft 2048, hop 512, fmin 20), float64 (128, 87)
        Path f64 = root().resolve("data/fixtures/librosa/cases/melspec_odd44099_nfft2048_hop512_mels128_fmin20_power2.f64");
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(f64)).order(ByteOrder.LITTLE_ENDIAN);
        double[] m = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(m);
        Path npy = dir.resolve("mel.npy");
        NpyFile.write(npy, m, 128, 87);
        Path wav = dir.resolve("out.wav");
        CliRun r = run("invert", "--mel", npy.toString(), "--sr", "44100", "--n-fft", "2048", "--hop-length", "512",
                "--fmin", "20", "--length", "44099", "--out", wav.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(wav)).isEqualTo(44 + 2L * 44099);
        double sc = Double.parseDouble(r.out().replaceAll("(?s).*spectral convergence ([0-9.]+);.*", "$1"));
        assertThat(sc).isLessThan(0.14); // librosa mel_to_audio: 0.130..0.134
    }

    @Test
    void invertRejectsBadInput(@TempDir Path dir) throws Exception {
        CliRun missing = run("invert", "--mel", dir.resolve("nope.npy").toString(), "--sr", "22050", "--n-fft", "2048",
                "--hop-length", "512", "--out", dir.resolve("o.wav").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.npy");
        Path cube = dir.resolve("cube.npy");
        NpyFile.write(cube, new float[8], 2, 2, 2);
        CliRun shape = run("invert", "--mel", cube.toString(), "--sr", "22050", "--n-fft", "2048", "--hop-length",
                "512", "--out", dir.resolve("o.wav").toString());
        assertThat(shape.exit()).isEqualTo(2);
        assertThat(shape.err()).contains("cube.npy").contains("2-D");
        Path bad = dir.resolve("neg.npy");
        float[] v = new float[128 * 4];
        v[3] = -1f;
        NpyFile.write(bad, v, 128, 4);
        CliRun neg = run("invert", "--mel", bad.toString(), "--sr", "22050", "--n-fft", "2048", "--hop-length", "512",
                "--out", dir.resolve("o.wav").toString());
        assertThat(neg.exit()).isEqualTo(2);
        assertThat(neg.err()).contains("neg.npy").contains("non-negative");
        assertThat(Files.exists(dir.resolve("o.wav"))).isFalse();
    }

    @Test
    void styleFromAPictureWritesWavAndImage(@TempDir Path dir) throws Exception {
        Path clip;
        try (Stream<Path> s = Files.list(root().resolve("data/esc10/009 - Rooster"))) {
            clip = s.filter(p -> p.toString().endsWith(".ogg")).sorted().findFirst().orElseThrow();
        }
        Path picture = dir.resolve("style.png");
        double[] stripes = new double[16 * 40];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (i % 40) / 8 % 2 == 0 ? -60 : 0;
        }
        SpectrogramImage.of(stripes, 16, 40).write(picture, ColorMap.GREY, 8);
        Path wav = dir.resolve("styled.wav");
        Path png = dir.resolve("styled.png");
        CliRun r = run("style", "--content", clip.toString(), "--style", picture.toString(), "--out", wav.toString(),
                "--image", png.toString(), "--iterations", "10", "--filters", "16", "--n-mels", "32", "--n-iter",
                "4", "--seed", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(wav)).isGreaterThan(44 + 2 * 22050);
        SpectrogramImage back = SpectrogramImage.read(png);
        assertThat(back.nBins()).isEqualTo(32);
        assertThat(r.out()).contains("style loss");
        CliRun ff = run("style", "--content", clip.toString(), "--style", picture.toString(), "--out", wav.toString(),
                "--method", "feed-forward", "--iterations", "5", "--filters", "16", "--n-mels", "32", "--n-iter",
                "2");
        assertThat(ff.exit()).as(ff.err()).isZero();
        assertThat(ff.out()).contains("training loss");
        CliRun badMethod = run("style", "--content", clip.toString(), "--style", picture.toString(), "--out",
                wav.toString(), "--method", "magic");
        assertThat(badMethod.exit()).isEqualTo(2);
        assertThat(badMethod.err()).contains("--method");
        CliRun badStyle = run("style", "--content", clip.toString(), "--style", dir.resolve("none.png").toString(),
                "--out", wav.toString());
        assertThat(badStyle.exit()).isEqualTo(2);
        assertThat(badStyle.err()).contains("none.png");
    }
}
