package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mixing real ESC-10 clips: energy, label combinations, offsets, weights and bad input. */
class MixTransformTest {

    @Test
    void nonOverlappingMixHasTheWeightedEnergiesAndTheLabelUnion() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        LabeledAudio dog = esc.get(0);
        LabeledAudio rain = esc.get(1);
        double[] w = {0.3, 0.7};
        LabeledAudio m = MixTransform.mix(List.of(dog, rain), w, new int[] {0, dog.length()},
                MixTransform.LabelCombination.UNION);
        assertThat(m.length()).isEqualTo(dog.length() + rain.length());
        double expected = w[0] * w[0] * TestData.energy(dog.samples()) + w[1] * w[1] * TestData.energy(rain.samples());
        assertThat(TestData.energy(m.samples())).isCloseTo(expected, within(1e-5 * expected));
        assertThat(m.target()).containsExactly(1f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
        assertThat(m.source()).contains(dog.source()).contains(rain.source());
    }

    @Test
    void overlappingMixIsTheWeightedSumSampleBySample() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        LabeledAudio a = esc.get(2);
        LabeledAudio b = esc.get(3);
        int off = 12345;
        LabeledAudio m = MixTransform.mix(List.of(a, b), new double[] {0.25, 0.75}, new int[] {0, off},
                MixTransform.LabelCombination.WEIGHTED);
        float[] x = a.samples();
        float[] y = b.samples();
        float[] z = m.samples();
        for (int n = 0; n < z.length; n += 997) {
            double e = (n < x.length ? 0.25f * x[n] : 0) + (n >= off && n - off < y.length ? 0.75f * y[n - off] : 0);
            assertThat((double) z[n]).isCloseTo(e, within(1e-6));
        }
        assertThat(m.target()[2]).isEqualTo(0.25f);
        assertThat(m.target()[3]).isEqualTo(0.75f);
        LabeledAudio mx = MixTransform.mix(List.of(a, b), new double[] {0.25, 0.75}, new int[] {0, 0},
                MixTransform.LabelCombination.MAX);
        assertThat(mx.target()[2]).isEqualTo(0.25f);
        assertThat(mx.target()[3]).isEqualTo(0.75f);
    }

    @Test
    void drawnMixesRecordClipsWeightsAndOffsetsAndKeepTheUnion() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        MixTransform mix = MixTransform.builder(esc).clips(2, 3).build();
        int sawThree = 0;
        for (int i = 0; i < 20; i++) {
            DrawLog log = new DrawLog();
            LabeledAudio out = mix.apply(esc.get(4), ExampleSeed.forExample(7, 0, i), log);
            DrawLog.Draw d = log.find("mix");
            int k = (Integer) d.values().get("k");
            assertThat(k).isBetween(2, 3);
            sawThree += k == 3 ? 1 : 0;
            double[] w = (double[]) d.values().get("weights");
            double s = 0;
            for (double v : w) {
                s += v;
            }
            assertThat(s).isCloseTo(1.0, within(1e-12));
            int[] idx = (int[]) d.values().get("poolIndices");
            float[] t = out.target();
            assertThat(t[4]).isEqualTo(1f);
            float total = 0;
            for (float v : t) {
                total += v;
            }
            java.util.Set<Integer> classes = new java.util.HashSet<>();
            classes.add(4);
            for (int j = 1; j < k; j++) {
                classes.add(idx[j]);
                assertThat(t[idx[j]]).isEqualTo(1f);
            }
            assertThat(total).isEqualTo(classes.size());
            int[] off = (int[]) d.values().get("offsets");
            for (int j = 0; j < k; j++) {
                assertThat(off[j]).isBetween(0, out.length() - 1);
            }
        }
        assertThat(sawThree).isBetween(1, 19);
    }

    @Test
    void faithfulMixesAreAlignedAtZero() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        MixTransform mix = MixTransform.faithful(esc);
        for (int i = 0; i < 10; i++) {
            DrawLog log = new DrawLog();
            mix.apply(esc.get(0), ExampleSeed.forExample(1, 0, i), log);
            for (int o : (int[]) log.find("mix").values().get("offsets")) {
                assertThat(o).isZero();
            }
        }
    }

    @Test
    void snrWeightingPutsTheAddedClipAtTheDrawnSnr() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        MixTransform mix = MixTransform.builder(esc.subList(5, 6)).clips(2, 2)
                .weighting(MixTransform.Weighting.SNR_DB).snrDb(3, 12).labels(MixTransform.LabelCombination.WEIGHTED)
                .build();
        DrawLog log = new DrawLog();
        mix.apply(esc.get(0), new SplittableRandom(3), log);
        double[] g = (double[]) log.find("mix").values().get("gains");
        double p0 = MixTransform.power(esc.get(0).samples());
        double p1 = MixTransform.power(esc.get(5).samples()) * g[1] * g[1];
        double snr = 10 * Math.log10(p0 / p1);
        assertThat(snr).isBetween(3.0, 12.0);
        assertThat(g[0]).isEqualTo(1.0);
    }

    @Test
    void keepInputLengthMixesAWindowOfTheLongerPartnerAtTheDrawnSnr() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        LabeledAudio crop = LabeledAudio.of(java.util.Arrays.copyOf(esc.get(1).samples(), 44100), 44100,
                esc.get(1).target(), "rain-1s");
        MixTransform mix = MixTransform.builder(esc.subList(7, 8)).clips(2, 2).keepInputLength(true)
                .weighting(MixTransform.Weighting.SNR_DB).snrDb(0, 20).build();
        DrawLog log = new DrawLog();
        LabeledAudio out = mix.apply(crop, new SplittableRandom(8), log);
        assertThat(out.length()).isEqualTo(44100);
        DrawLog.Draw d = log.find("mix");
        int start = ((int[]) d.values().get("windowStarts"))[1];
        double g = ((double[]) d.values().get("gains"))[1];
        double snr = ((double[]) d.values().get("snrDb"))[1];
        float[] partner = java.util.Arrays.copyOfRange(esc.get(7).samples(), start, start + 44100);
        double measured = 10 * Math.log10(MixTransform.power(crop.samples()) / (g * g * MixTransform.power(partner)));
        assertThat(measured).isCloseTo(snr, within(1e-6));
        float[] y = out.samples();
        float[] x = crop.samples();
        for (int n = 0; n < y.length; n += 499) {
            assertThat((double) y[n]).isCloseTo(x[n] + g * partner[n], within(1e-5));
        }
        assertThat(out.target()[1]).isEqualTo(1f);
        assertThat(out.target()[7]).isEqualTo(1f);
    }

    @Test
    void dirichletWeightsArePositiveAndSumToOne() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        MixTransform mix = MixTransform.builder(esc).clips(3, 3).weighting(MixTransform.Weighting.DIRICHLET)
                .dirichletAlpha(0.4).labels(MixTransform.LabelCombination.WEIGHTED).build();
        DrawLog log = new DrawLog();
        LabeledAudio out = mix.apply(esc.get(9), new SplittableRandom(11), log);
        double[] w = (double[]) log.find("mix").values().get("weights");
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-12));
        float sum = 0;
        for (float v : out.target()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void badInputIsRejectedWithANamedProblem() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        assertThatThrownBy(() -> MixTransform.mix(esc.subList(0, 2), new double[] {0.5, 0.4}, new int[2],
                MixTransform.LabelCombination.UNION)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights must sum to 1");
        assertThatThrownBy(() -> MixTransform.mix(esc.subList(0, 2), new double[] {Double.NaN, 1}, new int[2],
                MixTransform.LabelCombination.UNION)).hasMessageContaining("weights[0]");
        assertThatThrownBy(() -> MixTransform.mix(List.of(), new double[0], new int[0],
                MixTransform.LabelCombination.UNION)).hasMessageContaining("empty");
        assertThatThrownBy(() -> MixTransform.builder(List.of()).clips(1, 2).build())
                .hasMessageContaining("empty pool");
        assertThatThrownBy(() -> MixTransform.builder(esc).clips(0, 2).build()).hasMessageContaining("clips");
        LabeledAudio other = LabeledAudio.of(new float[] {0.1f, 0.2f}, 22050, new float[10], "other.wav");
        assertThatThrownBy(() -> MixTransform.mix(List.of(esc.get(0), other), new double[] {0.5, 0.5},
                new int[2], MixTransform.LabelCombination.UNION)).hasMessageContaining("other.wav")
                .hasMessageContaining("sample rate");
        assertThatThrownBy(() -> LabeledAudio.of(new float[0], 44100, "empty.wav"))
                .hasMessageContaining("empty.wav: zero-length audio");
        assertThatThrownBy(() -> LabeledAudio.of(new float[] {0f, Float.NaN}, 44100, "nan.wav"))
                .hasMessageContaining("nan.wav").hasMessageContaining("sample 1");
    }
}
