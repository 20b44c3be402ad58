package org.audiotag.models;

import java.util.SplittableRandom;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Tiny configurations of every architecture and seeded data for tests. */
final class Tiny {

    private Tiny() {
    }

    static final int TAGS = 5;

    static ModelConfig.Builder config(Architecture a) {
        ModelConfig.Builder b = ModelConfig.builder().numTags(TAGS).seed(11);
        return switch (a) {
            case DCNN, MODDCNN, MODDCNN_INSTANCENORM, MODDCNN_WIDE -> b.inputShape(116, 40, 1).widths(8, 16, 16, 64);
            case KAGGLE -> b.inputShape(16, 16, 1).widths(4, 8, 16);
            case GRU, GRU_OVER_FREQUENCY -> b.inputShape(8, 6).widths(8, 2);
            case MCNN, MCNN_NOMASK -> b.inputShape(16, 12).widths(8, 8, 8, 8, 16).mclnn(1, 4, 2);
            case SAMPLECNN -> b.inputShape(243).widths(4, 4, 6, 6, 8);
            case RESE2MULTI, RESE2MULTI_INPUT_GATE -> b.inputShape(243).widths(6, 12, 4);
        };
    }

    static float[] features(int n, SplittableRandom r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static float[] targets(int batch, int tags, SplittableRandom r) {
        float[] y = new float[batch * tags];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        return y;
    }

    /** Training-path loss with dropout off (the training flag left at its default false), batch statistics. */
    static float trainPathLoss(TagModel m, float[] x, float[] y, int batch) {
        long[] s = new long[m.inputShape().length + 1];
        s[0] = batch;
        for (int i = 0; i < m.inputShape().length; i++) {
            s[i + 1] = m.inputShape()[i];
        }
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(s), DataBuffers.of(x, true, false));
             TFloat32 yt = TFloat32.tensorOf(Shape.of(batch, m.numTags()), DataBuffers.of(y, true, false));
             Result r = m.session().runner().feed(m.features(), xt).feed(m.targets(), yt).fetch(m.loss()).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Training-path logits with dropout off (batch statistics). */
    static float[] trainPathLogits(TagModel m, float[] x, int batch) {
        long[] s = new long[m.inputShape().length + 1];
        s[0] = batch;
        for (int i = 0; i < m.inputShape().length; i++) {
            s[i + 1] = m.inputShape()[i];
        }
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(s), DataBuffers.of(x, true, false));
             Result r = m.session().runner().feed(m.features(), xt).fetch(m.logits()).run()) {
            float[] out = new float[batch * m.numTags()];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }
}
