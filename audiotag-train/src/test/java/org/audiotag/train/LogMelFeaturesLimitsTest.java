package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.audiotag.features.FeatureConfig;
import org.audiotag.features.MelConfig;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.junit.jupiter.api.Test;

/** LogMelFeatures validates its mel parameters through audiotag-features' MelConfig, as FeatureConfig does. */
class LogMelFeaturesLimitsTest {

    @Test
    void acceptsEveryMelSettingAFeatureConfigAccepts() {
        // each was outside LogMelFeatures' own former limits (sr in [1000, 384000], n_mels <= 1024, n_fft >= 16)
        FeatureConfig[] configs = {
            FeatureConfig.pipelineA().toBuilder().sampleRate(500).fMin(0).fMax(250).nSamples(1000).build(),
            FeatureConfig.pipelineA().toBuilder().sampleRate(768000).fMax(384000).build(),
            FeatureConfig.pipelineA().toBuilder().nMels(2048).build(),
            FeatureConfig.pipelineA().toBuilder().stft(StftConfig.builder().nFft(8).hopLength(4)
                    .padMode(PadMode.REFLECT).build()).nMels(2).build(),
        };
        for (FeatureConfig c : configs) {
            LogMelFeatures f = LogMelFeatures.from(c);
            assertThat(f.sr()).isEqualTo(c.sampleRate());
            assertThat(f.nMels()).isEqualTo(c.nMels());
            assertThat(f.nFft()).isEqualTo(c.stft().nFft());
            assertThat(LogMelFeatures.fromMap(f.toMap())).isEqualTo(f);
        }
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

    @Test
    void itsMelSpectrogramIsTheOneOfTheEquivalentMelConfig() {
        LogMelFeatures a = LogMelFeatures.pipelineA();
        MelConfig mel = FeatureConfig.pipelineA().mel();
        assertThat(a.toFeatureConfig().mel()).isEqualTo(mel);
        float[] y = new float[44100];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        Features f = a.compute(y);
        float[] db = org.audiotag.features.Decibels.powerToDb(org.audiotag.features.MelSpectrogram.of(mel).compute(y),
                org.audiotag.features.DbRef.ONE, 1e-10, 80).toArray();
        int frames = f.frames();
        for (int t = 0; t < frames; t += 17) {
            for (int b = 0; b < 128; b += 9) {
                assertThat(f.get(t, b)).isEqualTo(db[b * frames + t]);
            }
        }
    }
}
