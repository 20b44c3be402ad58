package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureFunction;
import org.audiotag.features.LogMelFeatures;
import org.audiotag.features.StftConfig;
import org.audiotag.features.TimeMajorFeatures;
import org.audiotag.train.data.RowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

    static final LogMelFeatures MEL = LogMelFeatures.from(FeatureConfig.pipelineA());

    /** Counts calls of a wrapped feature function. */
    static final class Counting implements FeatureFunction {
        final FeatureFunction inner;
        final AtomicInteger calls = new AtomicInteger();

        Counting(FeatureFunction inner) {
            this.inner = inner;
        }

        @Override
        public String cacheKey() {
            return inner.cacheKey();
        }

        @Override
        public int bins() {
            return inner.bins();
        }

        @Override
        public TimeMajorFeatures compute(Path file) throws IOException {
            calls.incrementAndGet();
            return inner.compute(file);
        }
    }

    @Test
    void computesOnceStoresExactlyAndInvalidatesOnConfigOrFileChange(@TempDir Path dir) throws Exception {
        Path esc = TestPaths.esc10();
        List<Path> files = List.of(esc.resolve("002 - Rain/1-17367-A.ogg"),
                esc.resolve("001 - Dog bark/1-100032-A.ogg"), esc.resolve("009 - Rooster/1-26806-A.ogg"));
        Counting fn = new Counting(MEL);
        TimeMajorFeatures direct = MEL.compute(files.get(1));
        try (FeatureCache c = FeatureCache.open(dir, files, fn, 2, RowPolicy.FAIL)) {
            assertThat(fn.calls.get()).isEqualTo(3);
            assertThat(c.size()).isEqualTo(3);
            assertThat(c.frames(1)).isEqualTo(319);
            assertThat(c.get(1).data()).containsExactly(direct.data());
            float[] part = new float[10 * 128];
            c.copyFrames(1, 100, 10, part, 0);
            assertThat(part[0]).isEqualTo(direct.get(100, 0));
            assertThat(part[9 * 128 + 127]).isEqualTo(direct.get(109, 127));
        }
        try (FeatureCache c = FeatureCache.open(dir, files, fn, 2, RowPolicy.FAIL)) {
            assertThat(fn.calls.get()).as("second open is a cache hit").isEqualTo(3);
            assertThat(c.get(1).data()).containsExactly(direct.data());
        }
        Counting other = new Counting(LogMelFeatures.from(FeatureConfig.pipelineA().toBuilder()
                .stft(StftConfig.builder().nFft(2048).hopLength(512).padMode(org.audiotag.features.PadMode.REFLECT)
                        .build()).nMels(64).build()));
        try (FeatureCache c = FeatureCache.open(dir, files, other, 2, RowPolicy.FAIL)) {
            assertThat(other.calls.get()).as("new configuration, new cache").isEqualTo(3);
            assertThat(c.bins()).isEqualTo(64);
            assertThat(c.frames(0)).isEqualTo(1 + 220500 / 512);
        }
        try (FeatureCache c = FeatureCache.open(dir, files.subList(0, 2), fn, 1, RowPolicy.FAIL)) {
            assertThat(fn.calls.get()).as("new file list, new cache").isEqualTo(5);
            assertThat(c.size()).isEqualTo(2);
        }
    }

    @Test
    void unreadableAudioFailsNamingTheFileOrIsSkipped(@TempDir Path dir) throws Exception {
        Path good = TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg");
        Path bad = dir.resolve("truncated.wav");
        byte[] whole = Files.readAllBytes(TestPaths.root().resolve("data/speech/xmas_male_speech_davidbain_136777.wav"));
        Files.write(bad, java.util.Arrays.copyOf(whole, 30));
        List<Path> files = List.of(good, bad);
        assertThatThrownBy(() -> FeatureCache.open(dir.resolve("c"), files, MEL, 2,
                RowPolicy.FAIL)).hasMessageContaining("truncated.wav");
        try (FeatureCache c = FeatureCache.open(dir.resolve("c"), files, MEL, 2,
                RowPolicy.SKIP)) {
            assertThat(c.failure(0)).isNull();
            assertThat(c.failure(1)).contains("truncated.wav");
            assertThat(c.frames(1)).isZero();
            assertThat(c.frames(0)).isEqualTo(319);
        }
    }
}
