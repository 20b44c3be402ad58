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

    /** The original MCNN trainer's softmax cross-entropy with multi-hot targets also trains. */
    @org.junit.jupiter.api.Test
    void softmaxCrossEntropyOptionTrains() {
        int batch = 8;
        Architecture a = Architecture.MCNN;
        try (TagModel m = a.build(Tiny.config(a).loss(LossKind.SOFTMAX_CROSS_ENTROPY).build())) {
            SplittableRandom r = new SplittableRandom(5);
            float[] x = Tiny.features(batch * m.exampleSize(), r);
            float[] y = Tiny.targets(batch, m.numTags(), r);
            y[0] = 1f;                                   // every row needs a positive for a finite optimum check
            float before = Tiny.trainPathLoss(m, x, y, batch);
            for (int i = 0; i < 60; i++) {
                m.trainStep(x, y, batch, 1e-2f);
            }
            float after = Tiny.trainPathLoss(m, x, y, batch);
            // the minimum of multi-hot softmax CE is the entropy of the normalised targets, not 0
            double floor = 0;
            for (int b = 0; b < batch; b++) {
                int k = 0;
                for (int c = 0; c < m.numTags(); c++) {
                    k += y[b * m.numTags() + c] > 0 ? 1 : 0;
                }
                floor += k * Math.log(Math.max(k, 1));
            }
            floor /= batch;
            System.out.printf("softmax CE %.4f -> %.4f (floor %.4f)%n", before, after, floor);
            assertThat((double) after - floor).isLessThan(0.1 * (before - floor));
        }
    }
}
