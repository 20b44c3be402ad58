package org.audiotag.models.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** Layer outputs against plain-Java reference computations of the PyTorch formulas. */
class LayerNumericsTest {

    @Test
    void gruMatchesPyTorchEquations() {
        int n = 2;
        int t = 4;
        int in = 3;
        int h = 5;
        float[] xv = random(n * t * in, 1);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Layers l = new Layers(g, 9);
            Placeholder<TFloat32> x = l.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, t, in)));
            Layers.GruOutput o = l.gru("g", x, h, 1, true, 0f, false);
            s.initialize();
            Map<String, Variable<TFloat32>> v = l.variables();
            float[] out = run(s, o.outputs(), x, xv, Shape.of(n, t, in));
            float[] hb = run(s, o.finalStates().get(1), x, xv, Shape.of(n, t, in));
            for (int d = 0; d < 2; d++) {
                String p = d == 0 ? "g_l0" : "g_l0_reverse";
                float[] wih = fetch(s, v.get(p + "_w_ih"));
                float[] whh = fetch(s, v.get(p + "_w_hh"));
                float[] bih = fetch(s, v.get(p + "_b_ih"));
                float[] bhh = fetch(s, v.get(p + "_b_hh"));
                for (int b = 0; b < n; b++) {
                    double[] hs = new double[h];
                    for (int i = 0; i < t; i++) {
                        int step = d == 0 ? i : t - 1 - i;
                        double[] gi = new double[3 * h];
                        double[] gh = new double[3 * h];
                        for (int j = 0; j < 3 * h; j++) {
                            gi[j] = bih[j];
                            gh[j] = bhh[j];
                            for (int k = 0; k < in; k++) {
                                gi[j] += xv[(b * t + step) * in + k] * wih[k * 3 * h + j];
                            }
                            for (int k = 0; k < h; k++) {
                                gh[j] += hs[k] * whh[k * 3 * h + j];
                            }
                        }
                        double[] next = new double[h];
                        for (int j = 0; j < h; j++) {
                            double r = sig(gi[j] + gh[j]);
                            double z = sig(gi[h + j] + gh[h + j]);
                            double nn = Math.tanh(gi[2 * h + j] + r * gh[2 * h + j]);
                            next[j] = (1 - z) * nn + z * hs[j];
                        }
                        hs = next;
                        for (int j = 0; j < h; j++) {
                            assertThat((double) out[(b * t + step) * 2 * h + d * h + j]).isCloseTo(hs[j], within(1e-5));
                        }
                    }
                    if (d == 1) {
                        for (int j = 0; j < h; j++) {
                            assertThat((double) hb[b * h + j]).isCloseTo(hs[j], within(1e-5));
                        }
                    }
                }
            }
        }
    }

    @Test
    void batchNormUpdatesMovingStatisticsLikePyTorch() {
        int n = 6;
        int c = 2;
        float[] xv = random(n * c, 4);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Layers l = new Layers(g, 1);
            Placeholder<TFloat32> x = l.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, c)));
            Operand<TFloat32> train = l.batchNorm("bn", x, true);
            Operand<TFloat32> eval = l.batchNorm("bn", x, false);
            assertThat(l.updates()).hasSize(2);
            s.initialize();
            float[] yt = run(s, train, x, xv, Shape.of(n, c));
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n, c), DataBuffers.of(xv, true, false))) {
                var runner = s.runner().feed(x, xt);
                l.updates().forEach(runner::addTarget);
                runner.run().close();
            }
            float[] mm = fetch(s, l.variables().get("bn_mean"));
            float[] mv = fetch(s, l.variables().get("bn_var"));
            float[] ye = run(s, eval, x, xv, Shape.of(n, c));
            for (int ch = 0; ch < c; ch++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += xv[i * c + ch];
                }
                mean /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    ss += Math.pow(xv[i * c + ch] - mean, 2);
                }
                double biased = ss / n;
                double unbiased = ss / (n - 1);
                assertThat((double) mm[ch]).isCloseTo(0.1 * mean, within(1e-6));
                assertThat((double) mv[ch]).isCloseTo(0.9 + 0.1 * unbiased, within(1e-5));
                for (int i = 0; i < n; i++) {
                    double xi = xv[i * c + ch];
                    assertThat((double) yt[i * c + ch]).isCloseTo((xi - mean) / Math.sqrt(biased + 1e-5), within(1e-4));
                    assertThat((double) ye[i * c + ch]).isCloseTo((xi - mm[ch]) / Math.sqrt(mv[ch] + 1e-5),
                            within(1e-5));
                }
            }
        }
    }

    @Test
    void dropoutIsActiveOnlyWhenTraining() {
        int n = 20_000;
        float[] xv = new float[n];
        java.util.Arrays.fill(xv, 1f);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Layers l = new Layers(g, 1);
            Placeholder<TFloat32> x = l.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(n)));
            Operand<TFloat32> y = l.dropout(x, 0.25f, true);
            assertThat(l.dropout(x, 0.25f, false)).isSameAs(x);
            assertThat(run(s, y, x, xv, Shape.of(n))).containsOnly(1f);
            float[] on;
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n), DataBuffers.of(xv, true, false));
                 TBool tr = TBool.scalarOf(true);
                 Result r = s.runner().feed(x, xt).feed(l.trainingFlag(), tr).fetch(y).run()) {
                on = copy((TFloat32) r.get(0));
            }
            int zeros = 0;
            for (float f : on) {
                assertThat(f).isIn(0f, 1f / 0.75f);
                zeros += f == 0f ? 1 : 0;
            }
            assertThat(zeros / (double) n).isCloseTo(0.25, within(0.015));
        }
    }

    @Test
    void lossesMatchTheirFormulas() {
        float[] z = {2.5f, -1f, 0.3f, -4f, 0f, 1.2f};
        float[] yv = {1f, 0f, 1f, 0f, 1f, 1f};
        float[] w = {1f, 2f, 0.5f};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> zt = tf.constant(Shape.of(2, 3), DataBuffers.of(z, true, false));
            Operand<TFloat32> yt = tf.constant(Shape.of(2, 3), DataBuffers.of(yv, true, false));
            float bce = scalar(s, Losses.sigmoidBinaryCrossEntropy(tf, zt, yt, 0f, null));
            float smooth = scalar(s, Losses.sigmoidBinaryCrossEntropy(tf, zt, yt, 0.1f, w));
            float ce = scalar(s, Losses.softmaxCrossEntropyMultiHot(tf, zt, yt));
            double eb = 0;
            double es = 0;
            for (int i = 0; i < 6; i++) {
                double p = sig(z[i]);
                eb -= yv[i] * Math.log(p) + (1 - yv[i]) * Math.log(1 - p);
                double ys = yv[i] * 0.9 + 0.05;
                es -= w[i % 3] * (ys * Math.log(p) + (1 - ys) * Math.log(1 - p));
            }
            assertThat((double) bce).isCloseTo(eb / 6, within(1e-6));
            assertThat((double) smooth).isCloseTo(es / 6, within(1e-6));
            double ec = 0;
            for (int b = 0; b < 2; b++) {
                double lse = 0;
                for (int c = 0; c < 3; c++) {
                    lse += Math.exp(z[b * 3 + c]);
                }
                lse = Math.log(lse);
                for (int c = 0; c < 3; c++) {
                    ec -= yv[b * 3 + c] * (z[b * 3 + c] - lse);
                }
            }
            assertThat((double) ce).isCloseTo(ec / 2, within(1e-5));
        }
    }

    @Test
    void feedableAdamFollowsPyTorchWithDecayClippingAndAFedLearningRate() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Layers l = new Layers(g, 1);
            Ops tf = l.tf();
            Variable<TFloat32> w = l.variable("w", new long[] {2}, Init.constant(1.0), true);
            // loss = sum(c * w^2) with c = (3, -0.5): gradient 2 c w
            // read through Identity: Square's C++ gradient builds a constant of its input's dtype, which would be
            // the reference type float_ref of a VariableV2 output and crash the native gradient builder
            Operand<TFloat32> wr = tf.identity(w);
            Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.constant(new float[] {3f, -0.5f}), tf.math.square(wr)),
                    tf.constant(0));
            FeedableAdam adam = new FeedableAdam(l, loss, List.of(w), 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, 2f);
            s.initialize();
            double[] ww = {1, 1};
            double[] m = new double[2];
            double[] v = new double[2];
            double[] c = {3, -0.5};
            float[] lrs = {0.1f, 0.05f, 0.05f, 0.01f};
            for (int step = 1; step <= lrs.length; step++) {
                try (TFloat32 lr = TFloat32.scalarOf(lrs[step - 1])) {
                    s.runner().feed(adam.learningRate(), lr).addTarget(adam.step()).run().close();
                }
                double[] gr = new double[2];
                double norm = 0;
                for (int i = 0; i < 2; i++) {
                    gr[i] = 2 * c[i] * ww[i] + 0.01 * ww[i];
                    norm += gr[i] * gr[i];
                }
                double clip = Math.min(1, 2 / (Math.sqrt(norm) + 1e-6));
                for (int i = 0; i < 2; i++) {
                    gr[i] *= clip;
                    m[i] = 0.9 * m[i] + 0.1 * gr[i];
                    v[i] = 0.999 * v[i] + 0.001 * gr[i] * gr[i];
                    double mh = m[i] / (1 - Math.pow(0.9, step));
                    double vh = v[i] / (1 - Math.pow(0.999, step));
                    ww[i] -= lrs[step - 1] * mh / (Math.sqrt(vh) + 1e-8);
                }
                float[] got = fetch(s, w);
                assertThat((double) got[0]).isCloseTo(ww[0], within(1e-5));
                assertThat((double) got[1]).isCloseTo(ww[1], within(1e-5));
            }
        }
    }

    /** Conv2d with PyTorch zero padding, both through SAME (stride 1) and through an explicit pad (stride 2). */
    @Test
    void conv2dMatchesADirectConvolution() {
        int n = 2;
        int hgt = 7;
        int wid = 6;
        int cin = 3;
        int cout = 4;
        float[] xv = random(n * hgt * wid * cin, 12);
        for (int stride : new int[] {1, 2}) {
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Layers l = new Layers(g, 3);
                Placeholder<TFloat32> x = l.tf().placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(n, hgt, wid, cin)));
                Operand<TFloat32> y = l.conv2d("c", x, cout, 3, 3, stride, stride, 1, 1);
                s.initialize();
                float[] out = run(s, y, x, xv, Shape.of(n, hgt, wid, cin));
                float[] w = fetch(s, l.variables().get("c_w"));
                float[] b = fetch(s, l.variables().get("c_b"));
                int oh = (hgt + 2 - 3) / stride + 1;
                int ow = (wid + 2 - 3) / stride + 1;
                assertThat(out).hasSize(n * oh * ow * cout);
                for (int bi = 0; bi < n; bi++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            for (int o = 0; o < cout; o++) {
                                double acc = b[o];
                                for (int di = 0; di < 3; di++) {
                                    for (int dj = 0; dj < 3; dj++) {
                                        int r = i * stride + di - 1;
                                        int c = j * stride + dj - 1;
                                        if (r < 0 || r >= hgt || c < 0 || c >= wid) {
                                            continue;
                                        }
                                        for (int k = 0; k < cin; k++) {
                                            acc += xv[((bi * hgt + r) * wid + c) * cin + k]
                                                    * w[((di * 3 + dj) * cin + k) * cout + o];
                                        }
                                    }
                                }
                                assertThat((double) out[((bi * oh + i) * ow + j) * cout + o]).as("stride %d", stride)
                                        .isCloseTo(acc, within(1e-5));
                            }
                        }
                    }
                }
            }
        }
    }

    private static double sig(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static float scalar(Session s, Operand<TFloat32> o) {
        try (Result r = s.runner().fetch(o).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private static float[] run(Session s, Operand<TFloat32> out, Placeholder<TFloat32> x, float[] xv, Shape shape) {
        try (TFloat32 xt = TFloat32.tensorOf(shape, DataBuffers.of(xv, true, false));
             Result r = s.runner().feed(x, xt).fetch(out).run()) {
            return copy((TFloat32) r.get(0));
        }
    }

    private static float[] fetch(Session s, Operand<TFloat32> v) {
        try (Result r = s.runner().fetch(v).run()) {
            return copy((TFloat32) r.get(0));
        }
    }

    private static float[] copy(Tensor t) {
        TFloat32 f = (TFloat32) t;
        float[] a = new float[(int) f.shape().size()];
        f.copyTo(DataBuffers.of(a, false, false));
        return a;
    }
}
