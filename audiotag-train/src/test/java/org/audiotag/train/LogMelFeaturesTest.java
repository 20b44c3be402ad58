package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.PadMode;
import org.junit.jupiter.api.Test;

class LogMelFeaturesTest {

    static float[] readF32(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static double[] readF64(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    @Test
    void matchesLibrosaPowerToDbOfMelspectrogramFixture() throws Exception {
        Path lib = TestPaths.root().resolve("data/fixtures/librosa");
        float[] y = readF32(lib.resolve("inputs/chirp_noise_sr44100_n88200.f32"));
        // librosa 0.10.2: melspectrogram(sr=44100, n_fft=2560, hop=347, n_mels=128, fmin=20, power=2) (constant
        // padding, the 0.10 default) then power_to_db(ref=1, top_db=80)
        double[] ref = readF64(lib.resolve("cases/power_to_db_chirpmel_ref1_top80.f64"));
        LogMelFeatures f = LogMelFeatures.of(44100, 2560, 347, 128, 20, 22050, 80, PadMode.CONSTANT);
        Features x = f.compute(y);
        assertThat(x.bins()).isEqualTo(128);
        assertThat(x.frames()).isEqualTo(255);
        double maxDiff = 0;
        for (int b = 0; b < 128; b++) {
            for (int t = 0; t < 255; t++) {
                maxDiff = Math.max(maxDiff, Math.abs(x.get(t, b) - ref[b * 255 + t]));
            }
        }
        // float32 pipeline vs librosa float64: within 1e-3 dB
        assertThat(maxDiff).isLessThan(1e-3);
    }

    @Test
    void pipelineAOnAnEsc10ClipHas319FramesOf128Mels() throws Exception {
        LogMelFeatures f = LogMelFeatures.pipelineA();
        Features x = f.compute(TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg"));
        assertThat(x.frames()).isEqualTo(1 + 220500 / 692).isEqualTo(f.framesFor(5.0));
        assertThat(x.bins()).isEqualTo(128);
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : x.data()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max - min).isLessThanOrEqualTo(80.0001f);
        assertThat(LogMelFeatures.fromMap(f.toMap())).isEqualTo(f);
        // the features module's pipeline-A preset is the same configuration
        assertThat(LogMelFeatures.from(org.audiotag.features.FeatureConfig.pipelineA())).isEqualTo(f);
        assertThat(LogMelFeatures.from(f.toFeatureConfig())).isEqualTo(f);
        float[] y = org.audiotag.features.AudioLoader.atRate(44100)
                .load(TestPaths.esc10().resolve("002 - Rain/1-17367-A.ogg")).samples();
        float[] first2s = java.util.Arrays.copyOf(y, 88200);
        org.audiotag.features.FeatureMatrix lib = org.audiotag.features.FeatureExtractor
                .of(org.audiotag.features.FeatureConfig.pipelineA()).extract(first2s);
        Features mine = f.compute(first2s);
        assertThat(mine.frames()).isEqualTo(128);
        double d = 0;
        for (int b = 0; b < 128; b++) {
            for (int t = 0; t < 128; t++) {
                d = Math.max(d, Math.abs(lib.get(b, t) - mine.get(t, b)));
            }
        }
        assertThat(d).as("same log-mel as audiotag-features' FeatureExtractor").isLessThan(1e-3);
        assertThatThrownBy(() -> LogMelFeatures.of(44100, 2560, 3000, 128, 0, 22050, 80, PadMode.REFLECT))
                .hasMessageContaining("hopLength");
        assertThatThrownBy(() -> f.compute(new float[] {0f, Float.NaN})).hasMessageContaining("index 1");
    }
}
