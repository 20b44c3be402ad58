package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training is bit-reproducible: the same configuration, seed and batches give identical losses and outputs in
 * separate models (seeded initialisers and dropout; Adam updates gated on all gradients, so no update races a
 * backward read of a reference-typed variable).
 */
class ReproducibilityTest {

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DCNN", "MODDCNN", "GRU", "SAMPLECNN", "RESE2MULTI"})
    void sameSeedSameTrajectory(Architecture a) {
        float[][] runs = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (TagModel m = a.build(Tiny.config(a).build())) {
                SplittableRandom r = new SplittableRandom(5);
                int batch = 8;
                float[] x = Tiny.features(batch * m.exampleSize(), r);
                float[] y = Tiny.targets(batch, m.numTags(), r);
                float[] trace = new float[8 + batch * m.numTags()];
                for (int i = 0; i < 8; i++) {
                    trace[i] = m.trainStep(x, y, batch, 1e-3f);
                }
                System.arraycopy(m.predict(x, batch), 0, trace, 8, batch * m.numTags());
                runs[run] = trace;
            }
        }
        assertThat(runs[1]).as(a.cliName()).containsExactly(runs[0]);
        assertThat(runs[0][7]).isNotEqualTo(runs[0][0]);
    }
}
