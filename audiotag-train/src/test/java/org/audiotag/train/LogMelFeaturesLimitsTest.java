package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.audiotag.features.FeatureConfig;
import org.audiotag.features.PadMode;
import org.junit.jupiter.api.Test;

/**
 * The deprecated LogMelFeatures' positional factory validates its mel parameters through audiotag-features' MelConfig,
 * as FeatureConfig does (the limits themselves are tested with audiotag-features' LogMelFeatures).
 */
@SuppressWarnings("removal")
class LogMelFeaturesLimitsTest {

    @Test
    void acceptsAMelSettingOutsideTheFormerLimits() {
        LogMelFeatures f = LogMelFeatures.of(500, 2048, 512, 64, 0, 250, 80, PadMode.REFLECT);
        assertThat(f.sr()).isEqualTo(500);
        assertThat(f.features().config().mel()).isEqualTo(FeatureConfig.pipelineA().toBuilder().sampleRate(500)
                .nSamples(1000).stft(org.audiotag.features.StftConfig.builder().nFft(2048).hopLength(512).center(true)
                        .padMode(PadMode.REFLECT).build()).nMels(64).fMin(0).fMax(250).build().mel());
    }

    @Test
    void rejectsWhatMelConfigRejectsWithItsMessages() {
        assertThatThrownBy(() -> LogMelFeatures.of(0, 2048, 512, 128, 0, 11025, 80, PadMode.REFLECT))
                .hasMessageContainingAll("sr", "[1, 768000]");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 512, 5000, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContainingAll("n_mels", "[1, 4096]");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 512, 128, 500, 100, 80, PadMode.REFLECT))
                .hasMessageContainingAll("fmax", "(fmin=500.0");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 512, 128, -5, 22050, 80, PadMode.REFLECT))
                .hasMessageContainingAll("fmin", "[0, sr/2");
        assertThatThrownBy(() -> LogMelFeatures.of(22050, 2048, 512, 128, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContainingAll("fmax", "sr/2=11025.0");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 0, 512, 128, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContaining("n_fft");
        // its own settings keep their checks
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 0, 128, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContaining("hopLength");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 512, 128, 0, 22050, 0, PadMode.REFLECT))
                .hasMessageContaining("topDb");
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2048, 512, 128, 0, 22050, 80, null))
                .hasMessageContaining("padMode");
    }
}
