package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.PadMode;
import org.audiotag.features.Stft;
import org.audiotag.features.StftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 2019 notebook's inversion (faithful, with its bugs) against the fixed path, on a real clip. */
class Legacy2019InversionTest {
    @TempDir
    Path tmp;

    private static double relativeError(double[] ref, double[] x) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < ref.length; i++) {
            num += (ref[i] - x[i]) * (ref[i] - x[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void fixedInversionIsFarCloserToTheClipThanTheNotebooks() throws IOException {
        Path clip;
        try (Stream<Path> s = Files.list(Fixtures.root().resolve("data/esc10/009 - Rooster"))) {
            clip = s.filter(p -> p.toString().endsWith(".ogg")).sorted().findFirst().orElseThrow();
        }
        double[] y = AudioLoader.builder().sr(44100).duration(2.0).build().load(clip).samplesAsDouble();
        StftConfig stft = StftConfig.builder().nFft(2560).hopLength(694).padMode(PadMode.REFLECT).build();
        MelSpectrogram ms = MelSpectrogram.builder().sampleRate(44100).stft(stft).nMels(128).fMin(20).fMax(22050)
                .build();
        DoubleMatrix db = Decibels.powerToDb(ms.compute(y), DbRef.ONE, 1e-10, 80);
        int frames = db.cols();
        double[] trueMag = Stft.of(stft).magnitude(java.util.Arrays.copyOf(y, 694 * (frames - 1)), 1.0).toArray();

        // faithful: mono_to_color, then the [-80, +20] dB amplitude reading, pinv, 20 GL iterations, de-emphasis
        double[] color = Legacy2019Inversion.monoToColor(db.toArray());
        double[] unit = new double[color.length];
        for (int i = 0; i < unit.length; i++) {
            assertThat(color[i]).isBetween(0.0, 255.0);
            unit[i] = color[i] / 255.0;
        }
        double[] legacy = Legacy2019Inversion.invert(unit, frames, 42);
        assertThat(legacy).hasSize(694 * (frames - 1));

        // fixed: 16-bit PNG with the dB range, read back, NNLS + fast Griffin-Lim
        Path png = tmp.resolve("mel.png");
        SpectrogramImage.of(db.toArray(), 128, frames).write(png, ColorMap.GREY, 16);
        MelToAudio.Result fixed = MelToAudio.builder().sampleRate(44100).stft(stft).fMin(20).seed(42).build()
                .invertDb(SpectrogramImage.read(png), 694 * (frames - 1));

        double errLegacy = relativeError(trueMag, Stft.of(stft).magnitude(legacy, 1.0).toArray());
        double errFixed = relativeError(trueMag, Stft.of(stft).magnitude(fixed.audio(), 1.0).toArray());
        org.slf4j.LoggerFactory.getLogger(Legacy2019InversionTest.class).info(
                "|STFT| error vs the clip: notebook 2019 {} , fixed {}", errLegacy, errFixed);
        assertThat(errFixed).isLessThan(0.35); // measured 0.240 (notebook path: 2.83)
        assertThat(errFixed).isLessThan(errLegacy / 2);
    }
}
