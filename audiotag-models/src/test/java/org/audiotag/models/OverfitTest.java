package org.audiotag.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A tiny version of every architecture overfits a small fixed batch: the loss falls by at least 90 %. */
class OverfitTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void tinyModelOverfitsASmallBatch(Architecture a) {
        int batch = 8;
        try (TagModel m = a.build(Tiny.config(a).build())) {
            SplittableRandom r = new SplittableRandom(5);
            float[] x = Tiny.features(batch * m.exampleSize(), r);
            float[] y = Tiny.targets(batch, m.numTags(), r);
            float before = Tiny.trainPathLoss(m, x, y, batch);
            float lr = a == Architecture.SAMPLECNN || a.name().contains("DCNN") ? 3e-3f : 1e-2f;
            int steps = 0;
            float after = before;
            while (steps < 400 && after > 0.1f * before) {
                for (int i = 0; i < 20; i++) {
                    m.trainStep(x, y, batch, lr);
                }
                steps += 20;
                after = Tiny.trainPathLoss(m, x, y, batch);
            }
            System.out.printf("overfit %-22s loss %.4f -> %.4f in %d steps%n", a.cliName(), before, after, steps);
            assertThat(after).as(a.cliName() + " loss after " + steps + " steps").isLessThanOrEqualTo(0.1f * before);
        }
    }
}
