package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The original project's augmentation, reproduced as an option (docs/ORIGINAL-PROJECT.md §6). */
class FaithfulModeTest {

    @Test
    void faithfulPipelineGivesCropsOfTheUnionOfPoolClips() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        AugmentPipeline p = AugmentPipeline.faithful(esc, TestData.irs().subList(0, 3), 88200);
        int reverbs = 0;
        int pairs = 0;
        for (int i = 0; i < 24; i++) {
            AugmentedExample e = p.apply(esc.get(0), 42, 0, i);
            assertThat(e.audio().length()).isEqualTo(88200);
            DrawLog.Draw mix = e.draws().find("mix");
            int[] idx = (int[]) mix.values().get("poolIndices");
            float[] t = e.audio().target();
            float sum = 0;
            for (float v : t) {
                sum += v;
            }
            java.util.Set<Integer> classes = new java.util.HashSet<>();
            for (int j : idx) {
                assertThat(j).isBetween(0, esc.size() - 1);
                classes.add(j);
                assertThat(t[j]).isEqualTo(1f);
            }
            assertThat(sum).isEqualTo(classes.size());
            for (int o : (int[]) mix.values().get("offsets")) {
                assertThat(o).isZero();
            }
            reverbs += e.draws().find("reverb") != null ? 1 : 0;
            pairs += idx.length == 2 ? 1 : 0;
        }
        assertThat(reverbs).isBetween(4, 20);
        assertThat(pairs).isBetween(4, 20);
    }

    @Test
    void offByOneAndAsymmetricPitchAreAvailableOnRequest() throws IOException {
        List<LabeledAudio> esc = TestData.esc10();
        MixTransform buggy = MixTransform.faithful(esc, true);
        MixTransform fixed = MixTransform.faithful(esc, false);
        boolean lastSeenFixed = false;
        for (int i = 0; i < 200; i++) {
            DrawLog a = new DrawLog();
            buggy.apply(esc.get(0), ExampleSeed.forExample(1, 0, i), a);
            for (int j : (int[]) a.find("mix").values().get("poolIndices")) {
                assertThat(j).isLessThan(esc.size() - 1);
            }
            DrawLog b = new DrawLog();
            fixed.apply(esc.get(0), ExampleSeed.forExample(1, 0, i), b);
            for (int j : (int[]) b.find("mix").values().get("poolIndices")) {
                lastSeenFixed |= j == esc.size() - 1;
            }
        }
        assertThat(lastSeenFixed).isTrue();
        PitchShift p = PitchShift.faithful();
        LabeledAudio tone = LabeledAudio.of(new float[] {0.1f, 0.2f, 0.3f}, 22050, "t");
        for (int i = 0; i < 50; i++) {
            DrawLog log = new DrawLog();
            try {
                p.apply(tone, ExampleSeed.forExample(2, 0, i), log);
            } catch (IllegalArgumentException ignored) {
                // a 3-sample clip cannot be stretched; the draw is recorded before
            }
            assertThat((Double) log.find("pitchShift").values().get("semitones")).isIn(-1.0, 0.0);
        }
        assertThatThrownBy(() -> AugmentPipeline.faithful(List.of(), TestData.irs(), 88200))
                .hasMessageContaining("empty pool");
    }
}
