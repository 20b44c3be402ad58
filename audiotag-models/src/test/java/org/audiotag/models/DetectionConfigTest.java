package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DetectionConfig}: defaults, derivation and the validation messages of build(). */
class DetectionConfigTest {

    @Test
    void defaultsAreValidAndABuilderRoundTrips() {
        DetectionConfig d = DetectionConfig.defaults();
        assertThat(d.hopSeconds()).isEqualTo(0.25);
        assertThat(d.medianFrames() % 2).isEqualTo(1);
        assertThat(d.offsetThreshold()).isLessThanOrEqualTo(d.onsetThreshold());
        DetectionConfig c = d.toBuilder().classThresholds("Rain", 0.7, 0.2).build();
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.thresholds("Rain")).isEqualTo(new DetectionConfig.Thresholds(0.7, 0.2));
        assertThat(c.thresholds("Dog bark"))
                .isEqualTo(new DetectionConfig.Thresholds(d.onsetThreshold(), d.offsetThreshold()));
        assertThat(d.oneTagAtATime()).isFalse();
        DetectionConfig one = c.toBuilder().oneTagAtATime(true).build();
        assertThat(one.oneTagAtATime()).isTrue();
        assertThat(one).isNotEqualTo(c);
        assertThat(one.toBuilder().build()).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(one.toString()).endsWith(" oneTagAtATime");
        assertThat(c.toString()).doesNotContain("oneTagAtATime");
    }

    @Test
    void everySettingOutOfRangeIsNamed() {
        assertThatThrownBy(() -> DetectionConfig.builder().hopSeconds(0).build())
                .hasMessage("hopSeconds: 0.0 must be in (0, 60.0]");
        assertThatThrownBy(() -> DetectionConfig.builder().medianFrames(4).build())
                .hasMessage("medianFrames: 4 must be odd, in [1, 101]");
        assertThatThrownBy(() -> DetectionConfig.builder().thresholds(0.4, 0.5).build())
                .hasMessage("thresholds: offset 0.5 must be in (0, onset=0.4]");
        assertThatThrownBy(() -> DetectionConfig.builder().thresholds(1.5, 0.5).build())
                .hasMessage("thresholds: onset 1.5 must be in (0, 1]");
        assertThatThrownBy(() -> DetectionConfig.builder().classThresholds("Rain", 0.5, Double.NaN).build())
                .hasMessage("classThresholds[Rain]: offset NaN must be in (0, onset=0.5]");
        assertThatThrownBy(() -> DetectionConfig.builder().minDurationSeconds(-1).build())
                .hasMessage("minDurationSeconds: -1.0 must be finite and >= 0");
        assertThatThrownBy(() -> DetectionConfig.builder().maxGapSeconds(Double.POSITIVE_INFINITY).build())
                .hasMessage("maxGapSeconds: Infinity must be finite and >= 0");
        assertThatThrownBy(() -> new DetectedEvent(1, 1, "Rain", 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= onset < offset");
    }

    @Test
    void aSettingsFileRoundTripsAndBadFilesAreNamed(@TempDir Path dir) throws IOException {
        DetectionConfig c = DetectionConfig.builder().hopSeconds(0.2).medianFrames(7).thresholds(0.6, 0.3)
                .classThresholds("Dog bark", 0.7, 0.4).classThresholds("Rain=wet: #1", 0.2, 0.1)
                .minDurationSeconds(0.5).maxGapSeconds(0.25).oneTagAtATime(true).build();
        Path f = dir.resolve(DetectionConfig.FILE_NAME);
        c.write(f, "tuned on validation recordings");
        assertThat(DetectionConfig.read(f)).isEqualTo(c);
        assertThat(DetectionConfig.forModel(dir)).isEqualTo(c);
        assertThat(DetectionConfig.forModel(dir.resolve("elsewhere"))).isEqualTo(DetectionConfig.defaults());
        assertThat(Files.readString(f)).startsWith("# tuned on validation recordings\nformat=audiotag-detection/1\n")
                .contains("threshold.Dog\\ bark=0.7/0.4\n");
        // keys left out keep the defaults
        Files.writeString(f, "format=audiotag-detection/1\nonset=0.5\n");
        assertThat(DetectionConfig.read(f)).isEqualTo(DetectionConfig.builder().thresholds(0.5, 0.4).build());
        String[][] bad = {
            {"format=audiotag-model/2\n", "not detection settings (format 'audiotag-model/2'"},
            {"format=audiotag-detection/1\nmedian=3\n", "unknown key 'median'"},
            {"format=audiotag-detection/1\nonset=high\n", "onset = 'high' is not a number"},
            {"format=audiotag-detection/1\none_tag_at_a_time=yes\n", "is not true or false"},
            {"format=audiotag-detection/1\nthreshold.Rain=0.5\n", "threshold.Rain = '0.5' is not ONSET/OFFSET"},
            {"format=audiotag-detection/1\nmedian_frames=4\n", "medianFrames: 4 must be odd"},
            {"format=audiotag-detection/1\nonset=0.3\n", "thresholds: offset 0.4 must be in (0, onset=0.3]"},
        };
        for (String[] b : bad) {
            Files.writeString(f, b[0]);
            assertThatThrownBy(() -> DetectionConfig.read(f)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining(b[1]);
        }
    }
}
