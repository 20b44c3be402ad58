package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trainable parameter counts at the original shapes and 80 tags equal docs/ORIGINAL-PROJECT.md §4 (graphs are only built). */
class ParameterCountTest {

    private static final Map<Architecture, Long> SPEC = Map.ofEntries(
            Map.entry(Architecture.DCNN, 722_336L),
            Map.entry(Architecture.MODDCNN, 722_576L),
            Map.entry(Architecture.KAGGLE, 4_764_305L),
            Map.entry(Architecture.GRU, 254_288L),
            Map.entry(Architecture.GRU_OVER_FREQUENCY, 254_288L),
            Map.entry(Architecture.MCNN, 4_247_120L),
            Map.entry(Architecture.MCNN_NOMASK, 4_247_120L),
            Map.entry(Architecture.SAMPLECNN, 1_854_480L),
            Map.entry(Architecture.RESE2MULTI, 389_648L),
            Map.entry(Architecture.RESE2MULTI_INPUT_GATE, 389_648L),
            // variants: InstanceNorm (no affine) removes the 240 BN parameters; doubled filter maps
            Map.entry(Architecture.MODDCNN_INSTANCENORM, 722_336L),
            // conv1 48*25+48, conv2 96*48*25+96, conv3 96*96*25+96, fc1 (2*25*96)*256+256, fc2 256*80+80, BN 2*(48+96+96)
            Map.entry(Architecture.MODDCNN_WIDE, 1248L + 115_296L + 230_496L + 1_229_056L + 20_560L + 480L));

    @Test
    void everyArchitectureHasTheOriginalCount() {
        for (Architecture a : Architecture.values()) {
            assertThat(a.parameterCount(ModelConfig.defaults())).as(a.cliName()).isEqualTo(SPEC.get(a));
        }
    }

    @Test
    void theTrainingGraphDoesNotChangeTheCount() {
        try (TagModel m = Architecture.DCNN.build(ModelConfig.defaults())) {
            assertThat(m.parameterCount()).isEqualTo(722_336L);
            assertThat(m.layers().variables()).containsKeys("conv1_w", "fc2_b", "conv1_w_adam_m", "adam_step");
        }
    }
}
