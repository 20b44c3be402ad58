package org.audiotag.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LogMelFeatures takes the mel limits of MelConfig, as FeatureConfig does, and adds only its own checks. */
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
            assertThat(f.config().mel()).isEqualTo(c.mel());
            assertThat(LogMelFeatures.fromMap(f.toMap())).isEqualTo(f);
        }
    }

    @Test
    void settingsReadBackFromAProvenanceFileAreRejectedWithMelConfigsMessages() {
        Map<String, String> a = LogMelFeatures.from(FeatureConfig.pipelineA()).toMap();
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.sr", "0")))
                .hasMessageContainingAll("sr", "[1, 768000]");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.nMels", "5000")))
                .hasMessageContainingAll("n_mels", "[1, 4096]");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(with(a, "features.fMin", "500"), "features.fMax",
                "100"))).hasMessageContainingAll("fmax", "(fmin=500.0");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.fMin", "-5")))
                .hasMessageContainingAll("fmin", "[0, sr/2");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.sr", "22050")))
                .hasMessageContainingAll("fmax", "sr/2=11025.0");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.nFft", "0")))
                .hasMessageContaining("n_fft");
        // its own settings keep their checks
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.hopLength", "3000")))
                .hasMessageContaining("hopLength");
        assertThatThrownBy(() -> LogMelFeatures.fromMap(with(a, "features.topDb", "0")))
                .hasMessageContaining("topDb");
    }

    @Test
    void itsMelSpectrogramIsTheOneOfTheEquivalentMelConfig() {
        LogMelFeatures a = LogMelFeatures.from(FeatureConfig.pipelineA());
        MelConfig mel = FeatureConfig.pipelineA().mel();
        assertThat(a.config().mel()).isEqualTo(mel);
        float[] y = new float[44100];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        TimeMajorFeatures f = a.compute(y);
        float[] db = Decibels.powerToDb(MelSpectrogram.of(mel).compute(y), DbRef.ONE, 1e-10, 80).toArray();
        int frames = f.frames();
        for (int t = 0; t < frames; t += 17) {
            for (int b = 0; b < 128; b += 9) {
                assertThat(f.get(t, b)).isEqualTo(db[b * frames + t]);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> m, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(m);
        copy.put(key, value);
        return copy;
    }
}
