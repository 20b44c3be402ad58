package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectrogramImageTest {
    @TempDir
    Path tmp;

    /** librosa's power_to_db(melspectrogram(chirp + noise)), 128 x 255, top_db 80. */
    private static SpectrogramImage chirpDb() {
        Fixtures.Case c = Fixtures.get("power_to_db_chirpmel_ref1_top80");
        return SpectrogramImage.of(Fixtures.read(c.file()), c.shape()[0], c.shape()[1]);
    }

    @ParameterizedTest
    @CsvSource({"GREY,8", "GREY,16", "VIRIDIS,8"})
    void roundTripIsExactToQuantisation(ColorMap map, int bits) throws IOException {
        SpectrogramImage img = chirpDb();
        assertThat(img.dbMax() - img.dbMin()).isBetween(40.0, 80.0 + 1e-9); // top_db = 80
        Path f = tmp.resolve("s.png");
        img.write(f, map, bits);
        SpectrogramImage back = SpectrogramImage.read(f);
        assertThat(back.hasStoredRange()).isTrue();
        assertThat(back.nBins()).isEqualTo(128);
        assertThat(back.nFrames()).isEqualTo(255);
        assertThat(back.dbMin()).isEqualTo(img.dbMin());
        assertThat(back.dbMax()).isEqualTo(img.dbMax());
        double err = Fixtures.maxAbsDiff(back.db(), img.db());
        assertThat(err).isLessThanOrEqualTo(img.quantisationError(bits) + 1e-9);
        // the error really is quantisation: 16-bit is 257x finer than 8-bit
        assertThat(img.quantisationError(bits)).isLessThan(bits == 16 ? 0.001 : 0.16);
        // lowest bin drawn at the bottom row
        BufferedImage raw = ImageIO.read(f.toFile());
        assertThat(raw.getHeight()).isEqualTo(128);
        assertThat(Files.list(tmp).count()).as("no temp file left").isEqualTo(1);
    }

    @Test
    void viridisTableIsInjectiveAndOrderedByLightness() {
        Set<Integer> seen = new HashSet<>();
        double prevLum = -1;
        for (int i = 0; i < 256; i++) {
            int c = ColorMap.VIRIDIS.rgb(i);
            assertThat(seen.add(c)).as("entry %d distinct", i).isTrue();
            assertThat(ColorMap.VIRIDIS.level(c)).isEqualTo(i);
            double lum = 0.299 * ((c >> 16) & 0xFF) + 0.587 * ((c >> 8) & 0xFF) + 0.114 * (c & 0xFF);
            assertThat(lum).isGreaterThan(prevLum - 1.0);
            prevLum = lum;
        }
        assertThat(ColorMap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
        assertThat(ColorMap.VIRIDIS.rgb(255)).isEqualTo(0xFDE725);
    }

    @Test
    void foreignJpegIsReadAsLuminanceWithBottomRowFirst() throws IOException {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                int g = y < 10 ? 240 : 20; // bright top half, dark bottom half
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        Path f = tmp.resolve("style.jpg");
        assertThat(ImageIO.write(img, "jpeg", f.toFile())).isTrue();
        SpectrogramImage s = SpectrogramImage.read(f);
        assertThat(s.hasStoredRange()).isFalse();
        assertThat(s.nBins()).isEqualTo(20);
        assertThat(s.nFrames()).isEqualTo(40);
        assertThat(s.db(0, 5)).isLessThan(0.2);   // bin 0 = bottom row = dark
        assertThat(s.db(19, 5)).isGreaterThan(0.8);
        SpectrogramImage r = s.resize(8, 10);
        assertThat(r.db(0, 0)).isLessThan(0.2);
        assertThat(r.db(7, 9)).isGreaterThan(0.8);
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.png"));
        assertThatThrownBy(() -> SpectrogramImage.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.png").hasMessageContaining("empty");
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image at all");
        assertThatThrownBy(() -> SpectrogramImage.read(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.png");
        Path good = tmp.resolve("good.png");
        chirpDb().write(good, ColorMap.GREY, 8);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> SpectrogramImage.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.png");
        assertThatThrownBy(() -> SpectrogramImage.read(tmp.resolve("missing.png")))
                .hasMessageContaining("missing.png");
        assertThatThrownBy(() -> chirpDb().write(tmp.resolve("x.png"), ColorMap.VIRIDIS, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bitDepth");
        assertThatThrownBy(() -> SpectrogramImage.of(new double[] {1, Double.NaN}, 1, 2))
                .hasMessageContaining("frame 1");
    }

    @Test
    void floatArrayAndMatrixOverloadsGiveTheSameImageAsTheDoubleArray() throws IOException {
        // a real log-mel from the float32 fast path: (128 mels, frames) FeatureMatrix
        org.audiotag.features.AudioClip clip = org.audiotag.features.AudioLoader.atRate(22050)
                .load(Fixtures.root().resolve("data/speech/xmas_male_speech_davidbain_136777.wav"));
        float[] y = java.util.Arrays.copyOf(clip.samples(), 22050);
        org.audiotag.features.MelSpectrogram ms = org.audiotag.features.MelSpectrogram.builder().sampleRate(22050)
                .build();
        org.audiotag.features.FeatureMatrix db = org.audiotag.features.Decibels.powerToDb(ms.compute(y),
                org.audiotag.features.DbRef.ONE, 1e-10, 80);
        float[] values = db.toArray();
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        SpectrogramImage ref = SpectrogramImage.of(widened, db.rows(), db.cols());
        SpectrogramImage fromFloats = SpectrogramImage.of(values, db.rows(), db.cols());
        SpectrogramImage fromMatrix = SpectrogramImage.of(db);
        SpectrogramImage fromDoubles = SpectrogramImage.of(db.toDouble());
        for (SpectrogramImage img : new SpectrogramImage[] {fromFloats, fromMatrix, fromDoubles}) {
            assertThat(img.nBins()).isEqualTo(128);
            assertThat(img.nFrames()).isEqualTo(db.cols());
            assertThat(img.db()).isEqualTo(ref.db());
            assertThat(img.dbMin()).isEqualTo(ref.dbMin());
            assertThat(img.dbMax()).isEqualTo(ref.dbMax()).isEqualTo((double) db.max());
        }
        assertThat(fromMatrix.db(3, 7)).isEqualTo((double) db.get(3, 7));
        // with a range: clipped as the double[] variant
        SpectrogramImage clipped = SpectrogramImage.of(db, -60, -10);
        assertThat(clipped.db()).isEqualTo(SpectrogramImage.of(widened, db.rows(), db.cols(), -60, -10).db());
        assertThat(SpectrogramImage.of(values, db.rows(), db.cols(), -60, -10).db()).isEqualTo(clipped.db());
        assertThat(clipped.dbMin()).isEqualTo(-60.0);
        // and it renders like any other
        Path f = tmp.resolve("m.png");
        fromMatrix.write(f, ColorMap.VIRIDIS, 8);
        assertThat(SpectrogramImage.read(f).nFrames()).isEqualTo(db.cols());
    }

    @Test
    void overloadsRejectBadInputLikeTheDoubleArray() {
        assertThatThrownBy(() -> SpectrogramImage.of(new float[] {1f, Float.NaN}, 1, 2))
                .hasMessageContaining("frame 1");
        assertThatThrownBy(() -> SpectrogramImage.of(new float[3], 2, 2)).hasMessageContaining("shape");
        assertThatThrownBy(() -> SpectrogramImage.of(org.audiotag.features.FeatureMatrix.of(0, 0, new float[0])))
                .hasMessageContaining("shape");
        assertThatThrownBy(() -> SpectrogramImage.of(org.audiotag.features.FeatureMatrix.of(1, 1, new float[1]), 2,
                1)).hasMessageContaining("dbMin/dbMax");
        assertThatThrownBy(() -> SpectrogramImage.of((org.audiotag.features.FeatureMatrix) null))
                .hasMessageContaining("db");
    }
}
