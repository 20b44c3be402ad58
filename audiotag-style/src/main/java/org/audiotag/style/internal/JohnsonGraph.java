package org.audiotag.style.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A feed-forward stylizer (Johnson, Alahi &amp; Fei-Fei 2016, with instance normalisation after Ulyanov et al. 2016 and
 * upsampling + convolution instead of transposed convolution) and its training graph. Input and output are
 * spectrograms in [0, 1] shaped (N, n_mels, T, 1) NHWC (mel as height, time as width; both multiples of 4).
 * Network: conv 9x9 (w1) - IN - ReLU, conv 3x3 stride 2 (w2) - IN - ReLU, conv 3x3 stride 2 (w3) - IN - ReLU,
 * {@code blocks} residual blocks with their own weights (conv 3x3 - IN - ReLU - conv 3x3 - IN, plus identity),
 * bilinear x2 - conv 3x3 (w2) - IN - ReLU, bilinear x2 - conv 3x3 (w1) - IN - ReLU, conv 9x9 (1), sigmoid. SAME zero
 * padding stands in for the reflection padding of the original. Loss: the random 1-D feature network of
 * {@link StyleGraph} (mel bands as channels) on output and input: content MSE / content energy, Gram MSE / style
 * energy, total variation; trained with the framework's Adam. Owns its Graph and Session (close it).
 */
public final class JohnsonGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final int nMels;
    private final Operand<TFloat32> input;
    private final Operand<TFloat32> styleGram;
    private final Operand<TFloat32> output;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> styleLoss;
    private final Operand<TFloat32> inputGram;
    private final Op train;
    private final Ops tf;
    private final SplittableRandom rng;
    private final List<Integer> counter = new ArrayList<>();

    /**
     * Builds the network, the loss and the Adam step.
     *
     * @param nMels mel bands (height), multiple of 4
     * @param widths channel widths {w1, w2, w3}
     * @param blocks residual blocks
     * @param filters random feature filters of the loss network
     * @param kernelWidth their width in frames
     * @param seed seed of all weights
     * @param contentWeight content weight
     * @param styleWeight style weight
     * @param tvWeight total-variation weight
     * @param learningRate Adam learning rate
     */
    public JohnsonGraph(int nMels, int[] widths, int blocks, int filters, int kernelWidth, long seed,
                        double contentWeight, double styleWeight, double tvWeight, double learningRate) {
        this.nMels = nMels;
        this.rng = new SplittableRandom(seed);
        Graph g = new Graph();
        try {
            tf = Ops.create(g);
            input = tf.withName("content").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, nMels, -1, 1)));
            styleGram = tf.withName("style_gram").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(filters, filters)));
            Operand<TFloat32> h = block(input, 1, widths[0], 9, 1, true);
            h = block(h, widths[0], widths[1], 3, 2, true);
            h = block(h, widths[1], widths[2], 3, 2, true);
            for (int b = 0; b < blocks; b++) {
                Operand<TFloat32> r = block(h, widths[2], widths[2], 3, 1, true);
                r = block(r, widths[2], widths[2], 3, 1, false);
                h = tf.math.add(h, r);
            }
            h = block(upsample(h), widths[2], widths[1], 3, 1, true);
            h = block(upsample(h), widths[1], widths[0], 3, 1, true);
            Operand<TFloat32> last = tf.nn.conv2d(h, weight(9, 9, widths[0], 1), List.of(1L, 1L, 1L, 1L), "SAME");
            output = tf.withName("stylised").math.sigmoid(last);

            // loss network: (N, M, T, 1) -> (N, 1, T, M), centred, random 1-D conv over time, ReLU
            float[] w = new float[kernelWidth * nMels * filters];
            double std = Math.sqrt(2.0 / (kernelWidth * (double) nMels));
            SplittableRandom lr = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (gaussian(lr) * std);
            }
            Operand<TFloat32> lw = tf.constant(Shape.of(1, kernelWidth, nMels, filters),
                    DataBuffers.of(w, true, false));
            Operand<TFloat32> fOut = features(output, lw, filters);
            Operand<TFloat32> fIn = features(input, lw, filters);
            Operand<TInt32> all3 = tf.constant(new int[] {0, 1, 2});
            Operand<TFloat32> content = tf.math.div(tf.math.mean(tf.math.square(tf.math.sub(fOut, fIn)), all3),
                    tf.math.add(tf.math.mean(tf.math.square(fIn), all3), tf.constant(1e-8f)));
            Operand<TFloat32> gOut = tf.math.div(tf.train.batchMatMul(fOut, fOut, TFloat32.class,
                    BatchMatMul.adjX(true)), frames(fOut));
            inputGram = tf.math.div(tf.train.batchMatMul(fIn, fIn, TFloat32.class, BatchMatMul.adjX(true)),
                    frames(fIn));
            styleLoss = tf.math.div(tf.math.mean(tf.math.square(tf.math.sub(gOut, styleGram)), all3),
                    tf.math.add(tf.math.mean(tf.math.square(styleGram), tf.constant(new int[] {0, 1})),
                            tf.constant(1e-8f)));
            Operand<TFloat32> dt = tf.math.sub(
                    tf.stridedSlice(output, Indices.all(), Indices.all(), Indices.sliceFrom(1), Indices.all()),
                    tf.stridedSlice(output, Indices.all(), Indices.all(), Indices.sliceTo(-1), Indices.all()));
            Operand<TFloat32> df = tf.math.sub(
                    tf.stridedSlice(output, Indices.all(), Indices.sliceFrom(1), Indices.all(), Indices.all()),
                    tf.stridedSlice(output, Indices.all(), Indices.sliceTo(-1), Indices.all(), Indices.all()));
            Operand<TInt32> all4 = tf.constant(new int[] {0, 1, 2, 3});
            Operand<TFloat32> tv = tf.math.add(tf.math.mean(tf.math.square(dt), all4),
                    tf.math.mean(tf.math.square(df), all4));
            loss = tf.withName("loss").math.add(tf.math.add(tf.math.mul(tf.constant((float) contentWeight), content),
                    tf.math.mul(tf.constant((float) styleWeight), styleLoss)),
                    tf.math.mul(tf.constant((float) tvWeight), tv));
            train = new Adam(g, (float) learningRate).minimize(loss);
            graph = g;
            session = new Session(g);
            session.initialize();
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** (N, M, T, 1) -> ReLU(conv(x^T - 0.5)) as (N, T, F). */
    private Operand<TFloat32> features(Operand<TFloat32> x, Operand<TFloat32> lw, int filters) {
        Operand<TFloat32> t = tf.linalg.transpose(x, tf.constant(new int[] {0, 3, 2, 1}));
        Operand<TFloat32> c = tf.nn.relu(tf.nn.conv2d(tf.math.sub(t, tf.constant(0.5f)), lw,
                List.of(1L, 1L, 1L, 1L), "SAME"));
        return tf.squeeze(c, Squeeze.axis(List.of(1L)));
    }

    /** Number of frames T of (N, T, F) features, as a float scalar. */
    private Operand<TFloat32> frames(Operand<TFloat32> f) {
        return tf.dtypes.cast(tf.gather(tf.shape(f), tf.constant(1), tf.constant(0)), TFloat32.class);
    }

    private Operand<TFloat32> upsample(Operand<TFloat32> x) {
        Operand<TInt32> s = tf.shape(x);
        Operand<TInt32> hw = tf.math.mul(tf.slice(s, tf.constant(new int[] {1}), tf.constant(new int[] {2})),
                tf.constant(new int[] {2, 2}));
        return tf.image.resizeBilinear(x, hw);
    }

    private Operand<TFloat32> weight(int kh, int kw, int in, int out) {
        float[] v = new float[kh * kw * in * out];
        double std = Math.sqrt(2.0 / (kh * kw * (double) in));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian(rng) * std);
        }
        counter.add(v.length);
        Ops init = tf.withInitScope();
        return tf.withName("w" + counter.size()).variable(init.constant(Shape.of(kh, kw, in, out),
                DataBuffers.of(v, true, false)));
    }

    private Operand<TFloat32> block(Operand<TFloat32> x, int in, int out, int k, int stride, boolean relu) {
        Operand<TFloat32> c = tf.nn.conv2d(x, weight(k, k, in, out), List.of(1L, (long) stride, (long) stride, 1L),
                "SAME");
        int id = counter.size();
        Ops init = tf.withInitScope();
        float[] ones = new float[out];
        java.util.Arrays.fill(ones, 1f);
        Operand<TFloat32> gamma = tf.withName("g" + id).variable(init.constant(Shape.of(out),
                DataBuffers.of(ones, true, false)));
        Operand<TFloat32> beta = tf.withName("b" + id).variable(init.constant(Shape.of(out),
                DataBuffers.of(new float[out], true, false)));
        Operand<TInt32> hw = tf.constant(new int[] {1, 2});
        Operand<TFloat32> mean = tf.math.mean(c, hw, Mean.keepDims(true));
        Operand<TFloat32> centred = tf.math.sub(c, mean);
        Operand<TFloat32> var = tf.math.mean(tf.math.square(centred), hw, Mean.keepDims(true));
        Operand<TFloat32> n = tf.math.add(tf.math.mul(tf.math.mul(centred,
                tf.math.rsqrt(tf.math.add(var, tf.constant(1e-5f)))), gamma), beta);
        return relu ? tf.nn.relu(n) : n;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2.0 * Math.log(1.0 - r.nextDouble())) * Math.cos(2.0 * Math.PI * r.nextDouble());
    }

    /**
     * Runs one Adam step on a batch and returns its losses.
     *
     * @param batch (n, nMels, t, 1) values in [0, 1]
     * @param n batch size
     * @param t frames per example
     * @param gram (F, F) style Gram matrix
     * @return {loss, style loss} before the step
     */
    public double[] step(float[] batch, int n, int t, float[] gram) {
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, nMels, t, 1), DataBuffers.of(batch, true, false));
             TFloat32 gt = TFloat32.tensorOf(Shape.of(gram.length == 0 ? 0 : (long) Math.sqrt(gram.length),
                     (long) Math.sqrt(gram.length)), DataBuffers.of(gram, true, false));
             Result r = session.runner().feed(input, x).feed(styleGram, gt).addTarget(train).fetch(loss)
                     .fetch(styleLoss).run()) {
            return new double[] {((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat()};
        }
    }

    /**
     * The Gram matrix of the loss network's features of one spectrogram.
     *
     * @param x (1, nMels, t, 1) values in [0, 1]
     * @param t frames
     * @return (F, F) row-major
     */
    public float[] gram(float[] x, int t) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, nMels, t, 1), DataBuffers.of(x, true, false));
             Result r = session.runner().feed(input, in).fetch(inputGram).run()) {
            TFloat32 g = (TFloat32) r.get(0);
            float[] out = new float[(int) g.shape().size()];
            g.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /**
     * Runs the stylizer network on one spectrogram.
     *
     * @param x (1, nMels, t, 1) values in [0, 1]
     * @param t frames (multiple of 4)
     * @return the stylised values, same layout
     */
    public float[] stylise(float[] x, int t) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, nMels, t, 1), DataBuffers.of(x, true, false));
             Result r = session.runner().feed(input, in).fetch(output).run()) {
            float[] out = new float[nMels * t];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
            return out;
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
