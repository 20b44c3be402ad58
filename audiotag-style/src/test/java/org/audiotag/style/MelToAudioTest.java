package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.junit.jupiter.api.Test;

class MelToAudioTest {

    @Test
    void fixtureMelToAudioQualityIsAsGoodAsLibrosa() {
        Fixtures.Case c = Fixtures.get("mel_to_audio_odd44099_random_init");
        double[] m = Fixtures.read(c.inputs().get("M"));
        double sc = 0;
        double residual = 0;
        int seeds = 4;
        for (long seed = 0; seed < seeds; seed++) {
            MelToAudio m2a = MelToAudio.builder().sr(44100).fMin(20)
                    .stft(StftConfig.builder().nFft(2048).hopLength(512).build()).seed(seed).build();
            MelToAudio.Result r = m2a.invert(m, 128, 87, 44099);
            assertThat(r.audio()).hasSize(44099);
            sc += r.spectralConvergence() / seeds;
            residual += r.melResidual() / seeds;
        }
        // librosa 0.10.2, 5 random-init runs: spectral convergence 0.1302..0.1337, mel residual 0.0458..0.0500;
        // here (4 seeds) the means must stay within 5 % of librosa's worst run (measured 0.1368 and 0.0500).
        assertThat(sc).isLessThan(0.1337 * 1.05);
        assertThat(residual).isLessThan(0.0500 * 1.05);
        org.slf4j.LoggerFactory.getLogger(MelToAudioTest.class).info(
                "odd44099 mel_to_audio, mean of 4 seeds: spectral convergence {} (librosa 0.1302..0.1337), mel "
                        + "residual {} (librosa 0.0458..0.0500)", sc, residual);
    }

    @Test
    void realClipInvertsWithBoundedSpectralConvergence() throws IOException {
        Path wav = Fixtures.root().resolve("data/speech/xmas_male_speech_davidbain_136777.wav");
        AudioClip clip = AudioLoader.builder().sr(22050).build().load(wav);
        double[] y = clip.samplesAsDouble();
        int n = Math.min(y.length, 22050 * 3);
        double[] seg = java.util.Arrays.copyOf(y, n);
        MelSpectrogram ms = MelSpectrogram.builder().sampleRate(22050).build();
        DoubleMatrix mel = ms.compute(seg);
        MelToAudio.Result r = MelToAudio.builder().seed(3).build().invert(mel.toArray(), mel.rows(), mel.cols(), n);
        // Stated bound: below 0.25 of the NNLS magnitude (librosa's fixture clip: 0.130..0.134), mel residual < 0.12.
        assertThat(r.spectralConvergence()).isLessThan(0.25);
        assertThat(r.melResidual()).isLessThan(0.12);
        // and far better than the same magnitude with random phase and no iterations
        MelToAudio.Result r0 = MelToAudio.builder().seed(3).nIter(0).build()
                .invert(mel.toArray(), mel.rows(), mel.cols(), n);
        assertThat(r.spectralConvergence()).isLessThan(r0.spectralConvergence() / 2);
        org.slf4j.LoggerFactory.getLogger(MelToAudioTest.class).info(
                "speech 3 s: spectral convergence {} (0 iterations: {}), mel residual {}, NNLS iterations {}",
                r.spectralConvergence(), r0.spectralConvergence(), r.melResidual(), r.nnlsIterations());
    }

    @Test
    void badMelIsRejected() {
        MelToAudio m2a = MelToAudio.builder().build();
        assertThatThrownBy(() -> m2a.invert(new double[10], 128, 3)).hasMessageContaining("n_mels=128");
        assertThatThrownBy(() -> MelToAudio.builder().sr(22050).fMax(20000).build()).hasMessageContaining("fMax");
    }
}
