package org.audiotag.models.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Analytic gradients of the custom layers (TensorFlow's registry applied to our compositions) against central finite
 * differences of {@code L = sum(f(x) * r)}, with respect to the input and to every trainable variable.
 */
class GradientCheckTest {

    private static final double EPS = 3e-3;
    private static final double TOL = 2e-2;

    @Test
    void gruBidirectionalStacked() {
        Report r = check(new long[] {2, 5, 3}, (l, x) -> {
            Layers.GruOutput o = l.gru("g", x, 4, 2, true, 0f, true);
            return l.tf().concat(List.of(l.flatten(o.outputs()), l.tf().concat(o.finalStates(), l.tf().constant(1))),
                    l.tf().constant(1));
        });
        assertThat(r.tensors).isEqualTo(1 + 16);
        assertThat(r.worst).isLessThan(TOL);
    }

    @Test
    void mclnnMaskedConvolution() {
        MclnnMask mask = MclnnMask.of(6, 5, 3, 1);
        Report r = check(new long[] {2, 7, 6}, (l, x) -> l.mclnn("m", x, 5, 2, mask));
        assertThat(r.worst).isLessThan(TOL);
        // gradients reach only unmasked weights: the kernel is (1, 5, in=6, out=5)
        float[] gw = r.analytic.get(1);
        float[] k = mask.toKernelLayout();
        for (int tap = 0; tap < 5; tap++) {
            for (int i = 0; i < k.length; i++) {
                if (k[i] == 0f) {
                    assertThat(gw[tap * k.length + i]).isZero();
                } 
            }
        }
        assertThat(nonZero(gw)).isGreaterThan(0);
    }

    @Test
    void squeezeExcitationAndResidualBlock() {
        Report se = check(new long[] {2, 6, 4}, (l, x) -> l.squeezeExcitation("se", x, l.tf().math.tanh(x), 8));
        assertThat(se.worst).isLessThan(TOL);
        Report blk = check(new long[] {3, 9, 4}, (l, x) -> l.residualSeBlock("b", x, 6, 0f, false, true));
        assertThat(blk.worst).isLessThan(TOL);
    }

    @Test
    void batchNormTrainingPath() {
        Report r2 = check(new long[] {4, 3, 2, 3}, (l, x) -> l.batchNorm("bn", x, true));
        assertThat(r2.worst).isLessThan(TOL);
        Report r1 = check(new long[] {5, 3}, (l, x) -> l.batchNorm("bn1d", x, true));
        assertThat(r1.worst).isLessThan(TOL);
    }

    @Test
    void preluAndInstanceNorm() {
        Report p = check(new long[] {3, 4}, (l, x) -> l.prelu("p", x));
        assertThat(p.worst).isLessThan(TOL);
        Report in = check(new long[] {2, 3, 4, 2}, (l, x) -> l.instanceNorm("in", x, true));
        assertThat(in.worst).isLessThan(TOL);
    }

    private static int nonZero(float[] a) {
        int n = 0;
        for (float v : a) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }

    /** Worst relative error over the checked tensors, and the analytic gradients (input first). */
    record Report(double worst, int tensors, List<float[]> analytic) {
    }

    @SuppressWarnings("unchecked")
    static Report check(long[] xShape, BiFunction<Layers, Operand<TFloat32>, Operand<TFloat32>> f) {
        SplittableRandom rnd = new SplittableRandom(42);
        try (Graph g = new Graph()) {
            Layers l = new Layers(g, 3);
            Ops tf = l.tf();
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(xShape)));
            Operand<TFloat32> y = f.apply(l, x);
            long n = y.shape().size();
            float[] rv = new float[(int) n];
            for (int i = 0; i < rv.length; i++) {
                rv[i] = (float) rnd.nextGaussian();
            }
            Operand<TFloat32> r = tf.constant(y.shape(), DataBuffers.of(rv, true, false));
            int[] axes = new int[y.shape().numDimensions()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            Operand<TFloat32> loss = tf.sum(tf.math.mul(y, r), tf.constant(axes));
            List<Variable<TFloat32>> vars = l.trainableVariables();
            List<Operand<?>> wrt = new ArrayList<>();
            wrt.add(x);
            wrt.addAll(vars);
            var grads = tf.gradients(loss, wrt);
            List<Placeholder<TFloat32>> setters = new ArrayList<>();
            List<Op> assigns = new ArrayList<>();
            for (Variable<TFloat32> v : vars) {
                Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
                setters.add(p);
                assigns.add(tf.assign(v, p));
            }
            float[] xv = new float[(int) Shape.of(xShape).size()];
            for (int i = 0; i < xv.length; i++) {
                xv[i] = (float) rnd.nextGaussian();
            }
            try (Session s = new Session(g)) {
                s.initialize();
                List<float[]> analytic = new ArrayList<>();
                for (int i = 0; i < wrt.size(); i++) {
                    analytic.add(fetch(s, x, xv, xShape, grads.<TFloat32>dy(i)));
                }
                double worst = 0;
                // input
                worst = Math.max(worst, compare(analytic.get(0), xv, idx -> lossAt(s, x, xv, xShape, loss), rnd));
                // variables
                for (int vi = 0; vi < vars.size(); vi++) {
                    Variable<TFloat32> v = vars.get(vi);
                    float[] val = fetch(s, x, xv, xShape, v);
                    Placeholder<TFloat32> p = setters.get(vi);
                    Op as = assigns.get(vi);
                    double e = compare(analytic.get(vi + 1), val, idx -> {
                        assign(s, p, as, val, v.shape());
                        return lossAt(s, x, xv, xShape, loss);
                    }, rnd);
                    if (e >= TOL) {
                        System.out.println("gradient check: " + v.op().name() + " relative error " + e);
                    }
                    worst = Math.max(worst, e);
                    assign(s, p, as, val, v.shape());
                }
                System.out.printf("gradient check %s: %d tensors, worst relative error %.2e%n", y.op().name(),
                        wrt.size(), worst);
                return new Report(worst, wrt.size(), analytic);
            }
        }
    }

    interface LossFn {
        double at(int index);
    }

    /** Central differences on up to 25 random entries of {@code values} (perturbed in place and restored). */
    private static double compare(float[] analytic, float[] values, LossFn lossFn, SplittableRandom rnd) {
        int k = Math.min(25, values.length);
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < k; j++) {
            int i = values.length <= 25 ? j : rnd.nextInt(values.length);
            float orig = values[i];
            values[i] = (float) (orig + EPS);
            double lp = lossFn.at(i);
            values[i] = (float) (orig - EPS);
            double lm = lossFn.at(i);
            values[i] = orig;
            double num = (lp - lm) / (2 * EPS);
            diff += (num - analytic[i]) * (num - analytic[i]);
            norm += num * num + (double) analytic[i] * analytic[i];
        }
        // relative error with an absolute floor of about 1e-3 per entry, above float32 finite-difference noise (~5e-5);
        // an exactly-zero gradient (a bias followed by batch norm) thus passes when the numeric one is noise only
        return Math.sqrt(diff) / (Math.sqrt(norm) + 0.05 * Math.sqrt(k));
    }

    private static void assign(Session s, Placeholder<TFloat32> p, Op as, float[] val, Shape shape) {
        try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(val, true, false))) {
            s.runner().feed(p, t).addTarget(as).run().close();
        }
    }

    private static double lossAt(Session s, Placeholder<TFloat32> x, float[] xv, long[] xShape,
            Operand<TFloat32> loss) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(xShape), DataBuffers.of(xv, true, false));
             Result r = s.runner().feed(x, t).fetch(loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private static float[] fetch(Session s, Placeholder<TFloat32> x, float[] xv, long[] xShape,
            Operand<TFloat32> out) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(xShape), DataBuffers.of(xv, true, false));
             Result r = s.runner().feed(x, t).fetch(out).run()) {
            TFloat32 o = (TFloat32) r.get(0);
            float[] a = new float[(int) o.shape().size()];
            o.copyTo(DataBuffers.of(a, false, false));
            return a;
        }
    }
}
