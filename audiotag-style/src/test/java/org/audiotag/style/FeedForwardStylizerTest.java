package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelSpectrogram;
import org.junit.jupiter.api.Test;

class FeedForwardStylizerTest {

    static SpectrogramImage logMel(Path clip) throws IOException {
        double[] y = AudioLoader.builder().sr(22050).duration(2.0).build().load(clip).samplesAsDouble();
        DoubleMatrix db = Decibels.powerToDb(MelSpectrogram.builder().sampleRate(22050).nMels(32).build().compute(y),
                DbRef.ONE, 1e-10, 80);
        return SpectrogramImage.of(db.toArray(), db.rows(), db.cols());
    }

    static Path clip(String folder, int index) throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.root().resolve("data/esc10").resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".ogg")).sorted().skip(index).findFirst().orElseThrow();
        }
    }

    @Test
    void trainingLowersTheLossAndStylisesInOnePass() throws IOException {
        List<SpectrogramImage> contents = new ArrayList<>();
        contents.add(logMel(clip("009 - Rooster", 0)));
        contents.add(logMel(clip("004 - Baby cry", 0)));
        contents.add(logMel(clip("001 - Dog bark", 1)));
        SpectrogramImage style = logMel(clip("002 - Rain", 0));
        StyleTransferConfig cfg = StyleTransferConfig.builder().filters(32).iterations(150).learningRate(0.01).styleWeight(1)
                .seed(4).build();
        try (FeedForwardStylizer s = FeedForwardStylizer.train(contents, style, cfg, new int[] {8, 16, 16}, 2, 32,
                4)) {
            double[] loss = s.lossTrace();
            double first = (loss[0] + loss[1] + loss[2] + loss[3] + loss[4]) / 5;
            double last = (loss[145] + loss[146] + loss[147] + loss[148] + loss[149]) / 5;
            org.slf4j.LoggerFactory.getLogger(FeedForwardStylizerTest.class).info(
                    "feed-forward stylizer: loss {} -> {}, style loss {} -> {}", first, last, s.styleLossTrace()[0],
                    s.styleLossTrace()[149]);
            assertThat(last).isLessThan(0.8 * first);
            SpectrogramImage out = s.stylise(contents.get(0));
            assertThat(out.nBins()).isEqualTo(32);
            assertThat(out.nFrames()).isEqualTo(contents.get(0).nFrames());
            assertThat(out.dbMin()).isEqualTo(contents.get(0).dbMin());
            double corr = StyleTransfer.frameEnergyCorrelation(contents.get(0), out);
            org.slf4j.LoggerFactory.getLogger(FeedForwardStylizerTest.class).info("frame-energy correlation {}", corr);
            assertThat(corr).isGreaterThan(0.5);
            assertThatThrownBy(() -> s.stylise(SpectrogramImage.of(new double[8], 4, 2)))
                    .hasMessageContaining("bins");
        }
        assertThatThrownBy(() -> FeedForwardStylizer.train(contents, style, cfg, new int[] {8, 16, 16}, 2, 30, 4))
                .hasMessageContaining("cropFrames");
    }
}
