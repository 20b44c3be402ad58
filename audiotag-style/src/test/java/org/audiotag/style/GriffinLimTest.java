package org.audiotag.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.audiotag.features.StftConfig;
import org.junit.jupiter.api.Test;

class GriffinLimTest {

    private static double[] runCase(String name, int nFft, int hop, double momentum, int length) {
        Fixtures.Case c = Fixtures.get(name);
        String in = c.inputs().containsKey("S") ? c.inputs().get("S") : c.inputs().get("X");
        double[] s = Fixtures.read(in);
        int nBins = nFft / 2 + 1;
        StftConfig cfg = StftConfig.builder().nFft(nFft).hopLength(hop).build();
        double[] y = GriffinLim.builder(cfg).momentum(momentum).init(GriffinLim.Init.ZERO).build()
                .reconstruct(s, s.length / nBins, length);
        double[] ref = Fixtures.read(c.file());
        double v = Fixtures.violation(y, ref, c.atol(), c.rtol());
        assertThat(v).as("%s: max |java-ref| / (atol + rtol |ref|), max abs diff %s", name,
                Fixtures.maxAbsDiff(y, ref)).isLessThanOrEqualTo(1.0);
        return y;
    }

    @Test
    void odd44099Momentum099MatchesLibrosaElementWise() {
        double[] y = runCase("griffinlim_odd44099_nfft2560_hop347_m0.99_iter32_initNone", 2560, 347, 0.99, 44099);
        double[] s = Fixtures.read("inputs/mag_odd44099_nfft2560_hop347.f32");
        double sc = GriffinLim.spectralConvergence(s, 128, y,
                StftConfig.builder().nFft(2560).hopLength(347).build());
        assertThat(sc).isCloseTo(0.04460557706413094, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void melToAudioDeterministicMatchesLibrosaElementWise() {
        runCase("mel_to_audio_deterministic_odd44099_initNone", 2048, 512, 0.99, 44099);
    }

    private static void assertSpectralConvergence(double[] y, double expected) {
        double[] s = Fixtures.read("inputs/mag_sines22k_nfft2048_hop512.f64");
        double sc = GriffinLim.spectralConvergence(s, 44, y, StftConfig.builder().nFft(2048).hopLength(512).build());
        assertThat(sc).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void sinesMomentum099MatchesLibrosaElementWise() {
        double[] y = runCase("griffinlim_sines22k_nfft2048_hop512_m0.99_iter32_initNone", 2048, 512, 0.99, 22050);
        assertSpectralConvergence(y, 0.09606847874955647);
    }

    @Test
    void sinesPlainGriffinLimMatchesLibrosaElementWise() {
        // the ill-conditioned case (float32 rounding moves librosa's own result by 26 %): matched in double
        double[] y = runCase("griffinlim_sines22k_nfft2048_hop512_m0_iter32_initNone", 2048, 512, 0.0, 22050);
        assertSpectralConvergence(y, 0.29414286934780315);
    }

    @Test
    void randomInitIsSeededAndConverges() {
        double[] s = Fixtures.read("inputs/mag_odd44099_nfft2560_hop347.f32");
        StftConfig cfg = StftConfig.builder().nFft(2560).hopLength(347).build();
        GriffinLim gl = GriffinLim.builder(cfg).seed(7).build();
        double[] a = gl.reconstruct(s, 128, 44099);
        double[] b = gl.reconstruct(s, 128, 44099);
        assertThat(a).containsExactly(b);
        double[] c = GriffinLim.builder(cfg).seed(8).build().reconstruct(s, 128, 44099);
        assertThat(Fixtures.maxAbsDiff(a, c)).isGreaterThan(1e-3);
        double sc = GriffinLim.spectralConvergence(s, 128, a, cfg);
        double sc0 = GriffinLim.spectralConvergence(s, 128,
                GriffinLim.builder(cfg).nIter(0).seed(7).build().reconstruct(s, 128, 44099), cfg);
        assertThat(sc).isLessThan(0.15).isLessThan(sc0 / 3);
    }

    @Test
    void nonCentredReflectAndShortWindowConfigurationsConverge() throws java.io.IOException {
        java.nio.file.Path wav = Fixtures.root().resolve("data/speech/librivox_flatland_ruth_golding_excerpt.wav");
        double[] y = org.audiotag.features.AudioLoader.builder().sr(16000).duration(1.5).build().load(wav)
                .samplesAsDouble();
        for (StftConfig cfg : new StftConfig[] {
            StftConfig.builder().nFft(1024).hopLength(256).center(false).build(),
            StftConfig.builder().nFft(1024).hopLength(256).winLength(512)
                    .padMode(org.audiotag.features.PadMode.REFLECT).build()}) {
            double[] s = org.audiotag.features.Stft.of(cfg).magnitude(y, 1.0).toArray();
            int frames = s.length / 513;
            GriffinLim gl = GriffinLim.builder(cfg).nIter(48).seed(2).build();
            double[] out = gl.reconstruct(s, frames);
            assertThat(GriffinLim.spectralConvergence(s, frames, out, cfg)).as(cfg.toString()).isLessThan(0.2);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        StftConfig cfg = StftConfig.builder().nFft(2048).hopLength(512).build();
        assertThatThrownBy(() -> GriffinLim.builder(cfg).momentum(-1)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> GriffinLim.builder(cfg).nIter(-1)).hasMessageContaining("n_iter");
        GriffinLim gl = GriffinLim.builder(cfg).build();
        assertThatThrownBy(() -> gl.reconstruct(new double[1024 * 3], 3)).hasMessageContaining("1025 bins");
        double[] s = new double[1025 * 3];
        s[7] = Double.NaN;
        assertThatThrownBy(() -> gl.reconstruct(s, 3)).hasMessageContaining("frame 1");
        assertThatThrownBy(() -> gl.reconstruct(new double[1025 * 3], 3, 5000)).hasMessageContaining("length=5000");
    }
}
