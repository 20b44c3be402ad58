package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Models on real features: the librosa 0.10.2 golden log-mel of a 2 s, 44.1 kHz chirp-plus-noise clip
 * ({@code power_to_db_chirpmel_ref1_top80}, 128 mels x 255 frames, hop 347, fmin 20, top_db 80: pipeline C) and
 * that clip's 88,200 raw samples ({@code chirp_noise_sr44100_n88200}).
 */
class RealDataTest {

    static Path fixtures() {
        String root = System.getProperty("audiotag.root");
        Path base = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        return base.resolve("data/fixtures/librosa");
    }

    static double[] f64(String rel) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(fixtures().resolve(rel))).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(out);
        return out;
    }

    static float[] f32(String rel) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(fixtures().resolve(rel))).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bb.remaining() / 4];
        bb.asFloatBuffer().get(out);
        return out;
    }

    /** The golden log-mel, transposed from librosa's (mel, frame) to time-major (frame, mel). */
    static float[] timeMajorLogMel() throws IOException {
        double[] db = f64("cases/power_to_db_chirpmel_ref1_top80.f64");
        assertThat(db).hasSize(128 * 255);
        float[] t = new float[255 * 128];
        for (int k = 0; k < 128; k++) {
            for (int f = 0; f < 255; f++) {
                t[f * 128 + k] = (float) db[k * 255 + f];
            }
        }
        return t;
    }

    @Test
    void originalSizeModelsTagARealLogMelAndARealWaveform() throws IOException {
        float[] mel = timeMajorLogMel();
        float[] image = java.util.Arrays.copyOf(mel, 128 * 128);     // frames 0..127, the original 128 x 128 input
        float[] wave = f32("inputs/chirp_noise_sr44100_n88200.f32");
        assertThat(wave).hasSize(88_200);
        ModelConfig cfg = ModelConfig.builder().trainingGraph(false).build();
        for (Architecture a : new Architecture[] {Architecture.DCNN, Architecture.MODDCNN, Architecture.GRU,
                Architecture.MCNN, Architecture.SAMPLECNN, Architecture.RESE2MULTI}) {
            try (TagModel m = a.build(cfg)) {
                float[] x = a.inputKind() == InputKind.RAW_WAVEFORM ? wave : image;
                float[] p = m.predict(x, 1);
                assertThat(p).as(a.cliName()).hasSize(80);
                for (float v : p) {
                    assertThat(v).as(a.cliName()).isStrictlyBetween(0f, 1f);
                }
                // deterministic: the same clip gives the same probabilities
                assertThat(m.predict(x, 1)).containsExactly(p);
            }
        }
    }

    /**
     * A masked MCNN at the real mel width (F = 128, bandwidth 64, overlap 32) learns which third of the chirp a
     * 16-frame window of the real log-mel comes from (tags: first/middle/last third, multi-hot where a window
     * straddles a boundary): the loss falls by 90 % and every tag of every window is predicted right.
     */
    @Test
    void maskedMcnnLearnsTheChirpPositionFromTheRealLogMel() throws IOException {
        float[] mel = timeMajorLogMel();
        int win = 16;
        int hop = 8;
        int n = (255 - win) / hop + 1;                 // 30 windows
        float[] x = new float[n * win * 128];
        float[] y = new float[n * 3];
        for (int w = 0; w < n; w++) {
            System.arraycopy(mel, w * hop * 128, x, w * win * 128, win * 128);
            int first = w * hop;
            int last = first + win - 1;
            for (int third = 0; third < 3; third++) {
                int lo = third * 85;
                int hi = lo + 84;
                y[w * 3 + third] = last >= lo && first <= hi ? 1f : 0f;
            }
        }
        ModelConfig cfg = ModelConfig.builder().inputShape(win, 128).numTags(3).widths(64, 64, 16, 16, 32)
                .seed(7).build();
        try (TagModel m = Architecture.MCNN.build(cfg)) {
            float before = m.evaluateLoss(x, y, n);
            float last = before;
            for (int step = 0; step < 150 && last > 0.1f * before; step++) {
                last = m.trainStep(x, y, n, 1e-3f);
            }
            float trainPath = Tiny.trainPathLoss(m, x, y, n);
            float[] z = Tiny.trainPathLogits(m, x, n);
            int right = 0;
            for (int i = 0; i < z.length; i++) {
                right += (z[i] > 0) == (y[i] == 1f) ? 1 : 0;
            }
            System.out.printf("mcnn on real log-mel windows: loss %.4f -> %.4f, %d/%d tags right%n", before,
                    trainPath, right, z.length);
            assertThat(trainPath).isLessThan(0.1f * before);
            assertThat(right).isEqualTo(n * 3);
        }
    }
}
