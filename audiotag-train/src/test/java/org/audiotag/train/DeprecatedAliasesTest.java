package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.PadMode;
import org.audiotag.train.data.RowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code written against the earlier train-side names still compiles and computes the same numbers through
 * audiotag-features and audiotag-models.
 */
@SuppressWarnings("removal")
class DeprecatedAliasesTest {

    static final Path RAIN = TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg");

    @Test
    void logMelAndWaveformFeaturesDelegateToAudiotagFeatures(@TempDir Path dir) throws Exception {
        org.audiotag.features.LogMelFeatures now = org.audiotag.features.LogMelFeatures.from(
                FeatureConfig.pipelineA());
        LogMelFeatures old = LogMelFeatures.pipelineA();
        assertThat(old.features()).isEqualTo(now);
        assertThat(old.cacheKey()).isEqualTo(now.cacheKey());
        assertThat(LogMelFeatures.of(44100, 2560, 692, 128, 0, 22050, 80, PadMode.REFLECT)).isEqualTo(old);
        assertThat(LogMelFeatures.fromMap(old.toMap())).isEqualTo(old);
        assertThat(old.toFeatureConfig()).isEqualTo(FeatureConfig.pipelineA());
        assertThat(LogMelFeatures.from(old.toFeatureConfig())).isEqualTo(old);
        assertThat(old.framesFor(5.0)).isEqualTo(319);
        Features x = old.compute(RAIN);
        assertThat(x.data()).containsExactly(now.compute(RAIN).data());
        assertThat(x.toTimeMajor().frames()).isEqualTo(319);
        FeatureFunction fn = old;
        assertThat(fn.bins()).isEqualTo(128);
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2560, 3000, 128, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContaining("hopLength");
        assertThatThrownBy(() -> old.compute(new float[] {0f, Float.NaN})).hasMessageContaining("index 1");

        WaveformFeatures w = new WaveformFeatures(22050);
        assertThat(w.compute(RAIN).data()).containsExactly(w.features().compute(RAIN).data());

        // FeatureCache still takes a feature function of the earlier API, with the same cache key
        try (FeatureCache c = FeatureCache.open(dir, List.of(RAIN), old, 1, RowPolicy.FAIL)) {
            assertThat(c.key()).isEqualTo(FeatureCache.key(now, List.of(RAIN)));
            assertThat(c.get(0).data()).containsExactly(x.data());
        }
        Features t = Features.fromBinMajor(2, 3, new float[] {1, 2, 3, 4, 5, 6});
        assertThat(t.data()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void trainingConfigStillTakesTheEarlierWindowAggregation() {
        TrainingConfig c = TrainingConfig.builder().aggregation(WindowAggregation.MAX).build();
        assertThat(c.aggregation()).isEqualTo(org.audiotag.models.WindowAggregation.MAX);
        for (WindowAggregation a : WindowAggregation.values()) {
            assertThat(a.toModels().name()).isEqualTo(a.name());
        }
        assertThat(TagScore.of(new org.audiotag.models.TagScore("Rain", 0.5f))).isEqualTo(new TagScore("Rain", 0.5f));
    }
}
