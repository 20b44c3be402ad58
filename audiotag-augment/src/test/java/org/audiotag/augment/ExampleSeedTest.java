package org.audiotag.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counter-based seeding: distinct streams, and stages independent of one another. */
class ExampleSeedTest {

    @Test
    void keysDifferAcrossSeedsEpochsAndIndices() {
        Set<Long> keys = new HashSet<>();
        for (long s = 0; s < 4; s++) {
            for (long e = 0; e < 8; e++) {
                for (long i = 0; i < 64; i++) {
                    keys.add(ExampleSeed.exampleKey(s, e, i));
                }
            }
        }
        assertThat(keys).hasSize(4 * 8 * 64);
        assertThat(ExampleSeed.forExample(1, 2, 3).nextLong()).isEqualTo(ExampleSeed.forExample(1, 2, 3).nextLong());
    }

    @Test
    void aStagesDrawsDoNotDependOnWhetherEarlierStagesRan() throws IOException {
        LabeledAudio clip = TestData.esc10().get(6);
        AugmentPipeline withGain = AugmentPipeline.builder().add(GainTransform.ofDb(-6, 6), 1.0)
                .add(CropOrPad.random(20000)).build();
        AugmentPipeline withoutGain = AugmentPipeline.builder().add(GainTransform.ofDb(-6, 6), 0.0)
                .add(CropOrPad.random(20000)).build();
        for (int i = 0; i < 10; i++) {
            Object a = withGain.apply(clip, 9, 1, i).draws().find("crop").values().get("cropStart");
            Object b = withoutGain.apply(clip, 9, 1, i).draws().find("crop").values().get("cropStart");
            assertThat(a).isEqualTo(b);
        }
    }
}
