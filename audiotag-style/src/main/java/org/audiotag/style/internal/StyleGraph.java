package org.audiotag.style.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The TensorFlow graph of spectrogram style transfer: a spectrogram x of shape (1, 1, T, n_mels) (NHWC, the mel
 * bands as channels, as Ulyanov &amp; Lebedev) goes through one convolution with fixed random weights
 * W ~ N(0, 2 / (k n_mels)) of shape (1, k, n_mels, F) applied to x - 0.5 (so that silent regions, 0, still carry
 * gradient), SAME padding, then ReLU: features Phi (T, F). Losses:
 * content = mean((Phi(x) - Phi_c)^2) / contentScale, style = mean((G(x) - G_s)^2) / styleScale with the Gram
 * matrix G = Phi^T Phi / T, total variation = mean of squared neighbour differences along time and along mel; the
 * total is their weighted sum, and its gradient with respect to x is fetched (Adam runs in Java).
 *
 * <p>Owns its {@link Graph} and {@link Session}; close it (try-with-resources). Every Tensor and Result it creates is
 * closed before the method that created it returns.
 */
public final class StyleGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final int nMels;
    private final int filters;
    private final int frames;
    private final Operand<TFloat32> x;
    private final Operand<TFloat32> invT;
    private final Operand<TFloat32> contentTarget;
    private final Operand<TFloat32> styleTarget;
    private final Operand<TFloat32> contentScale;
    private final Operand<TFloat32> styleScale;
    private final Operand<TFloat32> features;
    private final Operand<TFloat32> gram;
    private final Operand<TFloat32> contentLoss;
    private final Operand<TFloat32> styleLoss;
    private final Operand<TFloat32> tvLoss;
    private final Operand<TFloat32> total;
    private final Output<TFloat32> gradient;

    /** Losses and gradient at one point. */
    public record Evaluation(double total, double content, double style, double tv, float[] gradient) { }

    /**
     * Builds the graph: the fixed random convolution, the three losses, their weighted total and its gradient.
     *
     * @param nMels mel bands (channels)
     * @param frames frames T of the optimised spectrogram (&gt;= 2)
     * @param filters random filters F
     * @param kernelWidth filter width k in frames
     * @param seed seed of the weights
     * @param contentWeight content weight
     * @param styleWeight style weight
     * @param tvWeight total-variation weight
     */
    public StyleGraph(int nMels, int frames, int filters, int kernelWidth, long seed, double contentWeight,
                      double styleWeight, double tvWeight) {
        this.nMels = nMels;
        this.filters = filters;
        this.frames = frames;
        Graph g = new Graph();
        try {
            Ops tf = Ops.create(g);
            float[] w = new float[kernelWidth * nMels * filters];
            SplittableRandom rng = new SplittableRandom(seed);
            double std = Math.sqrt(2.0 / (kernelWidth * (double) nMels));
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (gaussian(rng) * std);
            }
            Operand<TFloat32> weights = tf.constant(Shape.of(1, kernelWidth, nMels, filters),
                    DataBuffers.of(w, true, false));
            x = tf.withName("spectrogram").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 1, -1, nMels)));
            invT = tf.withName("inv_frames").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            contentTarget = tf.withName("content_features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, filters)));
            styleTarget = tf.withName("style_gram").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(filters, filters)));
            contentScale = tf.withName("content_scale").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            styleScale = tf.withName("style_scale").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            // Centre the [0, 1] input so that silent (0) regions still pass gradient through the ReLU.
            Operand<TFloat32> centred = tf.math.sub(x, tf.constant(0.5f));
            Operand<TFloat32> conv = tf.nn.relu(tf.nn.conv2d(centred, weights, List.of(1L, 1L, 1L, 1L), "SAME"));
            features = tf.withName("features").reshape(conv, tf.constant(new int[] {-1, filters}));
            gram = tf.withName("gram").math.mul(tf.linalg.matMul(features, features, MatMul.transposeA(true)), invT);
            Operand<TInt32> all2 = tf.constant(new int[] {0, 1});
            contentLoss = tf.math.div(tf.math.mean(tf.math.square(tf.math.sub(features, contentTarget)), all2),
                    contentScale);
            styleLoss = tf.math.div(tf.math.mean(tf.math.square(tf.math.sub(gram, styleTarget)), all2), styleScale);
            Operand<TInt32> all4 = tf.constant(new int[] {0, 1, 2, 3});
            Operand<TFloat32> dt = tf.math.sub(
                    tf.slice(x, tf.constant(new int[] {0, 0, 1, 0}), tf.constant(new int[] {1, 1, frames - 1, nMels})),
                    tf.slice(x, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {1, 1, frames - 1, nMels})));
            Operand<TFloat32> tvT = tf.math.mean(tf.math.square(dt), all4);
            Operand<TFloat32> tv;
            if (nMels > 1) {
                Operand<TFloat32> df = tf.math.sub(
                        tf.slice(x, tf.constant(new int[] {0, 0, 0, 1}),
                                tf.constant(new int[] {1, 1, frames, nMels - 1})),
                        tf.slice(x, tf.constant(new int[] {0, 0, 0, 0}),
                                tf.constant(new int[] {1, 1, frames, nMels - 1})));
                tv = tf.math.add(tvT, tf.math.mean(tf.math.square(df), all4));
            } else {
                tv = tvT;
            }
            tvLoss = tv;
            total = tf.withName("total_loss").math.add(tf.math.add(
                    tf.math.mul(tf.constant((float) contentWeight), contentLoss),
                    tf.math.mul(tf.constant((float) styleWeight), styleLoss)),
                    tf.math.mul(tf.constant((float) tvWeight), tvLoss));
            gradient = tf.gradients(total, List.of(x)).dy(0);
            this.graph = g;
            this.session = new Session(g);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * Computes the features Phi (T, F) of a spectrogram.
     *
     * @param spec (T, n_mels) time-major values
     * @param t frames
     * @return (T, F) row-major features
     */
    public float[] features(float[] spec, int t) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 1, t, nMels), DataBuffers.of(spec, true, false));
             Result r = session.runner().feed(x, in).fetch(features).run()) {
            float[] out = new float[t * filters];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /**
     * Computes the Gram matrix Phi^T Phi / T (F, F) of a spectrogram.
     *
     * @param spec (T, n_mels) time-major values
     * @param t frames
     * @return (F, F) row-major Gram matrix
     */
    public float[] gram(float[] spec, int t) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 1, t, nMels), DataBuffers.of(spec, true, false));
             TFloat32 inv = TFloat32.scalarOf(1f / t);
             Result r = session.runner().feed(x, in).feed(invT, inv).fetch(gram).run()) {
            float[] out = new float[filters * filters];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /**
     * Holds the fixed targets as tensors for repeated evaluation; close it.
     */
    public final class Targets implements AutoCloseable {
        private final TFloat32 content;
        private final TFloat32 style;
        private final TFloat32 cScale;
        private final TFloat32 sScale;
        private final TFloat32 inv;

        Targets(float[] contentFeatures, float[] styleGram, double cs, double ss) {
            TFloat32 c = null;
            TFloat32 s = null;
            TFloat32 a = null;
            TFloat32 b = null;
            try {
                c = TFloat32.tensorOf(Shape.of(frames, filters), DataBuffers.of(contentFeatures, true, false));
                s = TFloat32.tensorOf(Shape.of(filters, filters), DataBuffers.of(styleGram, true, false));
                a = TFloat32.scalarOf((float) cs);
                b = TFloat32.scalarOf((float) ss);
                inv = TFloat32.scalarOf(1f / frames);
            } catch (RuntimeException e) {
                for (TFloat32 t : new TFloat32[] {c, s, a, b}) {
                    if (t != null) {
                        t.close();
                    }
                }
                throw e;
            }
            content = c;
            style = s;
            cScale = a;
            sScale = b;
        }

        @Override
        public void close() {
            content.close();
            style.close();
            cScale.close();
            sScale.close();
            inv.close();
        }
    }

    /**
     * Creates the target tensors.
     *
     * @param contentFeatures (T, F) content features
     * @param styleGram (F, F) style Gram matrix
     * @param contentScale divisor of the content loss (&gt; 0)
     * @param styleScale divisor of the style loss (&gt; 0)
     * @return the targets (close them)
     */
    public Targets targets(float[] contentFeatures, float[] styleGram, double contentScale, double styleScale) {
        return new Targets(contentFeatures, styleGram, contentScale, styleScale);
    }

    /**
     * Evaluates the losses and the gradient of the total with respect to the spectrogram at a point.
     *
     * @param spec (T, n_mels) time-major values of the optimised spectrogram
     * @param targets the targets
     * @return the evaluation
     */
    public Evaluation evaluate(float[] spec, Targets targets) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 1, frames, nMels), DataBuffers.of(spec, true, false));
             Result r = session.runner().feed(x, in).feed(invT, targets.inv).feed(contentTarget, targets.content)
                     .feed(styleTarget, targets.style).feed(contentScale, targets.cScale)
                     .feed(styleScale, targets.sScale)
                     .fetch(total).fetch(contentLoss).fetch(styleLoss).fetch(tvLoss).fetch(gradient).run()) {
            float[] grad = new float[frames * nMels];
            ((TFloat32) r.get(4)).copyTo(DataBuffers.of(grad, false, false));
            return new Evaluation(((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(),
                    ((TFloat32) r.get(2)).getFloat(), ((TFloat32) r.get(3)).getFloat(), grad);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
