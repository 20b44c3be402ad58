package org.audiotag.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.audiotag.train.internal.Crops;
import org.audiotag.train.internal.Seeds;
import org.junit.jupiter.api.Test;

class CropsAndSeedsTest {

    @Test
    void windowsCoverTheClipAndShortClipsAreLeftPadded() {
        // 319 frames (5 s at hop 692), window 128, hop 64: starts 0, 64, 128 and a last one aligned to the end
        assertThat(Crops.windowStarts(319, 128, 64)).containsExactly(0, 64, 128, 191);
        assertThat(Crops.windowStarts(128, 128, 64)).containsExactly(0);
        assertThat(Crops.windowStarts(100, 128, 64)).containsExactly(28);
        float[] clip = {1, 2, 3, 4, 5, 6}; // 3 frames of 2 bins
        float[] dst = new float[5 * 2];
        Crops.crop((f, c, d, o) -> System.arraycopy(clip, f * 2, d, o, c * 2), 3, 2, 5, 2, -9f, dst, 0);
        assertThat(dst).containsExactly(-9, -9, -9, -9, 1, 2, 3, 4, 5, 6);
        float[] crop = new float[2 * 2];
        Crops.crop((f, c, d, o) -> System.arraycopy(clip, f * 2, d, o, c * 2), 3, 2, 2, 1, 0f, crop, 0);
        assertThat(crop).containsExactly(3, 4, 5, 6);
    }

    @Test
    void randomChoicesDependOnlyOnSeedEpochAndIndex() {
        int[] a = Seeds.shuffled(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, Seeds.of(42, 1, 3, -1));
        int[] b = Seeds.shuffled(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, Seeds.of(42, 1, 3, -1));
        int[] c = Seeds.shuffled(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, Seeds.of(42, 1, 4, -1));
        assertThat(a).containsExactly(b).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(a).isNotEqualTo(c);
        assertThat(Seeds.of(1, 2, 3, 4).nextLong()).isEqualTo(Seeds.of(1, 2, 3, 4).nextLong())
                .isNotEqualTo(Seeds.of(1, 2, 3, 5).nextLong());
    }

    @Test
    void schedulesFollowPyTorchSemanticsAndRoundTripTheirState() {
        LrSchedule p = LrSchedule.reduceOnPlateau(1e-3, 0.5, 2, 0);
        double[] metric = {0.5, 0.6, 0.6, 0.6, 0.6, 0.59, 0.7};
        double[] lrAfter = new double[metric.length];
        for (int e = 0; e < metric.length; e++) {
            p.step(e, metric[e]);
            lrAfter[e] = p.lr();
        }
        // patience 2: the 3rd epoch without improvement (epoch 4) halves the rate, the counter restarts
        assertThat(lrAfter).containsExactly(1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4);
        LrSchedule q = LrSchedule.reduceOnPlateau(1e-3, 0.5, 2, 0);
        q.restore(p.state());
        assertThat(q.lr()).isEqualTo(p.lr());
        LrSchedule c = LrSchedule.cosine(1e-3, 10, 0);
        assertThat(c.lr()).isEqualTo(1e-3);
        c.step(4, 0);
        assertThat(c.lr()).isCloseTo(5e-4, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> LrSchedule.reduceOnPlateau(1e-3, 1.5, 2, 0)).hasMessageContaining("factor");
        assertThatThrownBy(() -> TrainingConfig.builder().batchSize(0).build()).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> TrainingConfig.builder().windowHopFrames(200).build())
                .hasMessageContaining("windowHopFrames");
    }
}
