package org.audiotag.models.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A small layer toolkit over TensorFlow Java's {@link Ops}: each method adds one PyTorch-equivalent layer to the graph
 * and returns its output.
 *
 * <p><b>Variables</b> have flat names (letters, digits, '_', '-', '.'; never '/', which breaks the optimisers' slot
 * names) and are keyed by name: asking twice for the same name and shape returns the same variable, so a training path
 * (batch statistics, dropout) and an inference path (moving statistics, no dropout) built with the same layer names
 * share their weights. Initial values come from seeded TensorFlow random ops; the per-variable seed is derived from
 * the toolkit seed and the variable name, so it does not depend on the order of construction.
 *
 * <p><b>Layouts</b> are TensorFlow's channels-last: images {@code (N, H, W, C)}, sequences {@code (N, L, C)},
 * vectors {@code (N, C)}. PyTorch's {@code (N, C, H, W)} / {@code (N, C, L)} tensors of the original project map to
 * these by moving the channel axis last; weight shapes are {@code (kh, kw, in, out)} for convolutions and
 * {@code (in, out)} for dense layers, which hold the same number of parameters as PyTorch's.
 *
 * <p><b>Training flag</b>: every toolkit owns a boolean placeholder named {@code training} with default {@code false}.
 * Dropout built on a training path is active only when it is fed {@code true}, and its masks are stateless functions
 * of {@link #dropoutSeed()} (by default the seed and the checkpointed {@link #stepCounter()}, which the training step
 * advances through {@link #advanceStepCounter}); batch-norm layers on a training path
 * use batch statistics and register the assignments of their moving statistics in {@link #updates()}, which the
 * training step must run.
 *
 * <p>Shape checks happen while building: a kernel longer than its padded input, or an unknown channel count, gives
 * an {@link IllegalArgumentException} naming the layer, before any graph runs. Not thread-safe.
 *
 * <p>A tiny convolutional network on 64-frame x 40-mel log-mel windows (NHWC), run on {@code float[] logMels} holding
 * two such windows, time-major:
 * {@snippet :
 * try (Graph g = new Graph(); Session s = new Session(g)) {
 *     Layers l = new Layers(g, 42);                       // seed of every initialiser and dropout mask
 *     Ops tf = l.tf();
 *     Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 64, 40, 1)));
 *     Operand<TFloat32> h = l.maxPool2d(l.relu(l.conv2d("conv1", x, 16, 3, 3, 1, 1, 1, 1)), 2, 2);  // (N, 32, 20, 16)
 *     Operand<TFloat32> p = tf.math.sigmoid(l.dense("fc", l.globalAvgPool2d(h), 10));            // (N, 10)
 *     s.initialize();                                     // seeded initial weights
 *     try (TFloat32 batch = TFloat32.tensorOf(Shape.of(2, 64, 40, 1), DataBuffers.of(logMels, true, false));
 *          Result r = s.runner().feed(x, batch).fetch(p).run()) {
 *         float p00 = ((TFloat32) r.get(0)).getFloat(0, 0);   // example 0, tag 0
 *     }
 * }
 * }
 */
public final class Layers {

    /** PyTorch's batch-norm epsilon. */
    public static final float BN_EPSILON = 1e-5f;
    /** PyTorch's batch-norm momentum, the weight of the new batch in the moving statistics. */
    public static final float BN_MOMENTUM = 0.1f;
    /** PyTorch's LeakyReLU default negative slope. */
    public static final float LEAKY_SLOPE = 0.01f;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final Ops tf;
    private final long seed;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Boolean> trainable = new LinkedHashMap<>();
    private final List<Op> updates = new ArrayList<>();
    private final PlaceholderWithDefault<TBool> training;
    private long dropoutCounter;
    private Variable<TInt64> stepCounter;
    private Identity<TInt64> stepValue;
    private PlaceholderWithDefault<TInt64> dropoutSeed;

    /**
     * Creates a toolkit that adds ops to {@code graph}. The graph stays owned by the caller.
     *
     * @param graph the graph to build in
     * @param seed  seed of every initialiser and dropout mask built through this toolkit
     */
    public Layers(Graph graph, long seed) {
        this.tf = Ops.create(graph);
        this.seed = seed;
        this.training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    }

    /**
     * Returns the op factory this toolkit builds with.
     *
     * @return the {@link Ops} of the graph
     */
    public Ops tf() {
        return tf;
    }

    /**
     * Returns the boolean placeholder {@code training} (default false) that switches dropout on.
     *
     * @return the placeholder
     */
    public Operand<TBool> trainingFlag() {
        return training;
    }

    /**
     * Returns the seed given at construction.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the variable called {@code name}, creating it on first use.
     *
     * @param name      flat name (no '/'); unique within the graph
     * @param shape     static shape, every dimension {@code >= 1}
     * @param init      initial distribution
     * @param trainable whether optimisers should update it (moving statistics are not trainable)
     * @return the variable. Its output has TensorFlow's reference type; when building custom layers, read it through
     *         {@code tf.identity(v)} before ops whose C++ gradient creates constants of the input's dtype (such as
     *         {@code Square}), which crash the native gradient builder on reference types. The layers of this class
     *         only use ops that are safe.
     * @throws IllegalArgumentException if the name is malformed or the name exists with another shape
     */
    public Variable<TFloat32> variable(String name, long[] shape, Init init, boolean trainable) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("variable name must match " + NAME + " (no '/'), got '" + name + "'");
        }
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("variable '" + name + "': every dimension must be >= 1, got "
                        + Shape.of(shape));
            }
        }
        Variable<TFloat32> existing = variables.get(name);
        if (existing != null) {
            if (!existing.shape().equals(Shape.of(shape)) || this.trainable.get(name) != trainable) {
                throw new IllegalArgumentException("variable '" + name + "' already exists with shape "
                        + existing.shape() + " (trainable " + this.trainable.get(name) + "); asked for "
                        + Shape.of(shape) + " (trainable " + trainable + ")");
            }
            return existing;
        }
        Ops ti = tf.withInitScope();
        Operand<TFloat32> value;
        long s = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (name.hashCode() + 1L))).nextLong();
        long s1 = (seed & 0x7fffffffL) + 1;
        long s2 = (s & 0x7fffffffL) + 1;
        switch (init.kind()) {
            case UNIFORM -> value = ti.math.sub(
                    ti.math.mul(ti.random.randomUniform(ti.constant(shape), TFloat32.class,
                            RandomUniform.seed(s1), RandomUniform.seed2(s2)), ti.constant((float) (2 * init.param()))),
                    ti.constant((float) init.param()));
            case NORMAL -> value = ti.math.mul(ti.random.randomStandardNormal(ti.constant(shape), TFloat32.class,
                    RandomStandardNormal.seed(s1), RandomStandardNormal.seed2(s2)), ti.constant((float) init.param()));
            default -> value = ti.fill(ti.constant(shape), ti.constant((float) init.param()));
        }
        Variable<TFloat32> v = tf.withName(name).variable(value);
        variables.put(name, v);
        this.trainable.put(name, trainable);
        return v;
    }

    /**
     * Returns every variable created through this toolkit, by name.
     *
     * @return the variables in creation order (unmodifiable)
     */
    public Map<String, Variable<TFloat32>> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /**
     * Returns the trainable variables, the ones an optimiser updates.
     *
     * @return a new list in creation order
     */
    public List<Variable<TFloat32>> trainableVariables() {
        List<Variable<TFloat32>> out = new ArrayList<>();
        variables.forEach((n, v) -> {
            if (trainable.get(n)) {
                out.add(v);
            }
        });
        return out;
    }

    /**
     * Counts the trainable scalars, PyTorch's {@code sum(p.numel() for p in parameters())}.
     *
     * @return the parameter count
     */
    public long parameterCount() {
        long n = 0;
        for (Variable<TFloat32> v : trainableVariables()) {
            n += v.shape().size();
        }
        return n;
    }

    /**
     * Returns the update ops (batch-norm moving statistics) that the training step must run.
     *
     * @return the ops (unmodifiable)
     */
    public List<Op> updates() {
        return Collections.unmodifiableList(updates);
    }

    // ------------------------------------------------------------------------------------------------ dense, conv

    /**
     * Adds a dense layer {@code y = x W + b}, PyTorch's {@code nn.Linear(in, out)} with its default initialisation.
     *
     * @param name prefix of the variables {@code name_w} {@code (in, out)} and {@code name_b} {@code (out)}
     * @param x    input {@code (N, in)}
     * @param out  output units, {@code >= 1}
     * @return {@code (N, out)}
     */
    public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int out) {
        long in = staticDim(name, x, 1);
        return dense(name, x, out, Init.pytorchDefault(in), Init.pytorchDefault(in));
    }

    /**
     * Adds a dense layer {@code y = x W + b} with explicit initialisers.
     *
     * @param name   variable prefix
     * @param x      input {@code (N, in)}
     * @param out    output units, {@code >= 1}
     * @param weight initialiser of the weight
     * @param bias   initialiser of the bias
     * @return {@code (N, out)}
     */
    public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int out, Init weight, Init bias) {
        requireRank(name, x, 2);
        positive(name, "out", out);
        long in = staticDim(name, x, 1);
        Variable<TFloat32> w = variable(name + "_w", new long[] {in, out}, weight, true);
        Variable<TFloat32> b = variable(name + "_b", new long[] {out}, bias, true);
        return tf.math.add(tf.linalg.matMul(x, w), b);
    }

    /**
     * Adds a 2-D convolution, PyTorch's {@code nn.Conv2d(in, out, (kh, kw), stride, padding)} with zero padding and
     * its default initialisation.
     *
     * @param name    variable prefix ({@code name_w} {@code (kh, kw, in, out)}, {@code name_b})
     * @param x       input {@code (N, H, W, in)}
     * @param out     output channels
     * @param kh      kernel height (time in this project)
     * @param kw      kernel width (mel)
     * @param sh      stride along H
     * @param sw      stride along W
     * @param ph      zero padding on both sides of H
     * @param pw      zero padding on both sides of W
     * @return {@code (N, floor((H + 2ph - kh)/sh) + 1, floor((W + 2pw - kw)/sw) + 1, out)}
     */
    public Operand<TFloat32> conv2d(String name, Operand<TFloat32> x, int out, int kh, int kw, int sh, int sw,
            int ph, int pw) {
        long fanIn = staticDim(name, x, 3) * kh * kw;
        return conv2d(name, x, out, kh, kw, sh, sw, ph, pw, Init.pytorchDefault(fanIn), Init.pytorchDefault(fanIn));
    }

    /**
     * Adds a 2-D convolution with explicit initialisers (e.g. {@link Init#kaimingNormal} and a zero bias for the
     * Kaggle blocks).
     *
     * @param name   variable prefix
     * @param x      input {@code (N, H, W, in)}
     * @param out    output channels
     * @param kh     kernel height
     * @param kw     kernel width
     * @param sh     stride along H
     * @param sw     stride along W
     * @param ph     zero padding of H (both sides)
     * @param pw     zero padding of W (both sides)
     * @param weight weight initialiser
     * @param bias   bias initialiser
     * @return the convolution output
     */
    public Operand<TFloat32> conv2d(String name, Operand<TFloat32> x, int out, int kh, int kw, int sh, int sw,
            int ph, int pw, Init weight, Init bias) {
        requireRank(name, x, 4);
        positive(name, "out", out);
        long in = staticDim(name, x, 3);
        Variable<TFloat32> w = variable(name + "_w", new long[] {kh, kw, in, out}, weight, true);
        Variable<TFloat32> b = variable(name + "_b", new long[] {out}, bias, true);
        return convWith(name, x, w, b, kh, kw, sh, sw, ph, pw);
    }

    /**
     * Adds a 1-D convolution along the length axis, PyTorch's {@code nn.Conv1d(in, out, k, stride, padding)},
     * computed as a {@code 1 x k} Conv2D.
     *
     * @param name   variable prefix ({@code name_w} {@code (1, k, in, out)}, {@code name_b})
     * @param x      input {@code (N, L, in)}
     * @param out    output channels
     * @param k      kernel length
     * @param stride stride
     * @param pad    zero padding on both ends
     * @return {@code (N, floor((L + 2 pad - k)/stride) + 1, out)}
     */
    public Operand<TFloat32> conv1d(String name, Operand<TFloat32> x, int out, int k, int stride, int pad) {
        requireRank(name, x, 3);
        long fanIn = staticDim(name, x, 2) * k;
        Operand<TFloat32> y = conv2d(name, expand(x), out, 1, k, 1, stride, 0, pad,
                Init.pytorchDefault(fanIn), Init.pytorchDefault(fanIn));
        return squeeze1(y);
    }

    /**
     * Adds a (masked) conditional neural network layer of Medhat et al. 2018, the MCLNN layer:
     * {@code y_t = b + sum_{u=-n..n} x_{t+u} (W_u ⊙ M)}, a Conv1d over time with kernel {@code 2n+1}, stride 1 and
     * "same" zero padding {@code n}, whose weight is multiplied by the fixed band mask {@code M} shared by all taps
     * ({@code mask == null} gives the unmasked CLNN). Gradients reach only the unmasked weights; the mask is a graph
     * constant, not a variable.
     *
     * @param name  variable prefix
     * @param x     input {@code (N, T, in)}
     * @param out   output channels
     * @param order {@code n}, {@code >= 0}
     * @param mask  the band mask with {@code mask.in() == in} and {@code mask.out() == out}, or null
     * @return {@code (N, T, out)}
     */
    public Operand<TFloat32> mclnn(String name, Operand<TFloat32> x, int out, int order, MclnnMask mask) {
        requireRank(name, x, 3);
        if (order < 0) {
            throw new IllegalArgumentException(name + ": order must be >= 0, got " + order);
        }
        positive(name, "out", out);
        long in = staticDim(name, x, 2);
        int k = 2 * order + 1;
        if (mask != null && (mask.in() != in || mask.out() != out)) {
            throw new IllegalArgumentException(name + ": mask is " + mask.out() + " x " + mask.in()
                    + " but the layer maps " + in + " -> " + out);
        }
        Init init = Init.pytorchDefault(in * k);
        Variable<TFloat32> w = variable(name + "_w", new long[] {1, k, in, out}, init, true);
        Variable<TFloat32> b = variable(name + "_b", new long[] {out}, init, true);
        Operand<TFloat32> kernel = w;
        if (mask != null) {
            Operand<TFloat32> m = tf.withName(name + "_mask").constant(Shape.of(1, 1, in, out),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(mask.toKernelLayout(), true, false));
            kernel = tf.math.mul(w, m);
        }
        return squeeze1(convWith(name, expand(x), kernel, b, 1, k, 1, 1, 0, order));
    }

    private Operand<TFloat32> convWith(String name, Operand<TFloat32> x, Operand<TFloat32> w, Operand<TFloat32> b,
            int kh, int kw, int sh, int sw, int ph, int pw) {
        positive(name, "kernel height", kh);
        positive(name, "kernel width", kw);
        positive(name, "stride", sh);
        positive(name, "stride", sw);
        if (ph < 0 || pw < 0) {
            throw new IllegalArgumentException(name + ": padding must be >= 0, got (" + ph + ", " + pw + ")");
        }
        checkWindow(name, x.shape().get(1), kh, ph, "height/time");
        checkWindow(name, x.shape().get(2), kw, pw, "width");
        Operand<TFloat32> in = x;
        String padding = "VALID";
        if (ph > 0 || pw > 0) {
            if (sameCompatible(kh, sh, ph) && sameCompatible(kw, sw, pw)) {
                // stride 1, odd kernel, pad (k-1)/2: TensorFlow's SAME pads exactly this, without a padded copy
                padding = "SAME";
            } else {
                in = tf.pad(x, tf.constant(new int[][] {{0, 0}, {ph, ph}, {pw, pw}, {0, 0}}), tf.constant(0f));
            }
        }
        Operand<TFloat32> y = tf.nn.conv2d(in, w, List.of(1L, (long) sh, (long) sw, 1L), padding);
        return tf.nn.biasAdd(y, b);
    }

    /** Whether PyTorch zero padding {@code pad} along one axis equals TensorFlow's SAME padding. */
    private static boolean sameCompatible(int k, int stride, int pad) {
        return stride == 1 && k % 2 == 1 && pad == (k - 1) / 2;
    }

    // ------------------------------------------------------------------------------------------------ normalisation

    /**
     * Adds batch normalisation, PyTorch's {@code nn.BatchNorm1d/2d} (eps 1e-5, momentum 0.1, affine), as one
     * FusedBatchNormV3. On the training path ({@code train}) it normalises with the batch mean and biased variance
     * and registers in {@link #updates()} the assignment {@code moving = 0.9 moving + 0.1 batch} (the variance update
     * uses the unbiased batch variance, as PyTorch does); on the inference path it uses the moving statistics.
     * Statistics are per channel (last axis) over every other axis.
     *
     * @param name  variable prefix ({@code name_gamma}, {@code name_beta} trainable; {@code name_mean},
     *              {@code name_var})
     * @param x     input of rank 2 {@code (N, C)}, 3 {@code (N, L, C)} or 4 {@code (N, H, W, C)}
     * @param train training path (batch statistics) or inference path (moving statistics)
     * @return the normalised input, same shape
     */
    public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x, boolean train) {
        int rank = x.shape().numDimensions();
        if (rank < 2 || rank > 4) {
            throw new IllegalArgumentException(name + ": batch norm needs rank 2, 3 or 4, got shape " + x.shape());
        }
        long c = staticDim(name, x, rank - 1);
        Variable<TFloat32> gamma = variable(name + "_gamma", new long[] {c}, Init.constant(1), true);
        Variable<TFloat32> beta = variable(name + "_beta", new long[] {c}, Init.constant(0), true);
        Variable<TFloat32> mean = variable(name + "_mean", new long[] {c}, Init.constant(0), false);
        Variable<TFloat32> var = variable(name + "_var", new long[] {c}, Init.constant(1), false);
        Operand<TFloat32> x4 = switch (rank) {
            case 2 -> tf.reshape(x, tf.constant(new long[] {-1, 1, 1, c}));
            case 3 -> expand(x);
            default -> x;
        };
        Operand<TFloat32> y;
        if (train) {
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x4, gamma, beta, mean, var,
                    FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(BN_EPSILON),
                    FusedBatchNorm.exponentialAvgFactor(BN_MOMENTUM));
            updates.add(tf.assign(mean, bn.batchMean()));
            updates.add(tf.assign(var, bn.batchVariance()));
            y = bn.y();
        } else {
            y = tf.nn.fusedBatchNorm(x4, gamma, beta, mean, var, FusedBatchNorm.isTraining(false),
                    FusedBatchNorm.epsilon(BN_EPSILON)).y();
        }
        return switch (rank) {
            case 2 -> tf.reshape(y, tf.constant(new long[] {-1, c}));
            case 3 -> squeeze1(y);
            default -> y;
        };
    }

    /**
     * Adds instance normalisation, PyTorch's {@code nn.InstanceNorm2d(C, eps=1e-5, affine)}: each (sample, channel)
     * plane is normalised by its own mean and biased variance over H and W; no running statistics (PyTorch's
     * default). With {@code affine} a per-channel scale (init 1) and shift (init 0) follow.
     *
     * @param name   variable prefix (used only when affine)
     * @param x      input {@code (N, H, W, C)}
     * @param affine learn a scale and shift
     * @return same shape
     */
    public Operand<TFloat32> instanceNorm(String name, Operand<TFloat32> x, boolean affine) {
        requireRank(name, x, 4);
        Operand<TInt32> axes = tf.constant(new int[] {1, 2});
        Operand<TFloat32> mean = tf.math.mean(x, axes, org.tensorflow.op.math.Mean.keepDims(true));
        Operand<TFloat32> var = tf.math.mean(tf.math.squaredDifference(x, mean), axes,
                org.tensorflow.op.math.Mean.keepDims(true));
        Operand<TFloat32> y = tf.math.mul(tf.math.sub(x, mean),
                tf.math.rsqrt(tf.math.add(var, tf.constant(BN_EPSILON))));
        if (affine) {
            long c = staticDim(name, x, 3);
            y = tf.math.add(tf.math.mul(y, variable(name + "_gamma", new long[] {c}, Init.constant(1), true)),
                    variable(name + "_beta", new long[] {c}, Init.constant(0), true));
        }
        return y;
    }

    // ------------------------------------------------------------------------------------------------ pooling

    /**
     * Adds 2-D max pooling, PyTorch's {@code nn.MaxPool2d(kernel=(kh, kw), stride=(kh, kw))} with floor semantics
     * (no padding).
     *
     * @param x  input {@code (N, H, W, C)}
     * @param kh window and stride along H
     * @param kw window and stride along W
     * @return {@code (N, floor(H/kh), floor(W/kw), C)}
     */
    public Operand<TFloat32> maxPool2d(Operand<TFloat32> x, int kh, int kw) {
        requireRank("maxPool2d", x, 4);
        checkWindow("maxPool2d", x.shape().get(1), kh, 0, "height/time");
        checkWindow("maxPool2d", x.shape().get(2), kw, 0, "width");
        Operand<TInt32> k = tf.constant(new int[] {1, kh, kw, 1});
        return tf.nn.maxPool(x, k, k, "VALID");
    }

    /**
     * Adds 2-D average pooling, PyTorch's {@code nn.AvgPool2d(kernel=(kh, kw), stride=(kh, kw))} with floor
     * semantics.
     *
     * @param x  input {@code (N, H, W, C)}
     * @param kh window and stride along H
     * @param kw window and stride along W
     * @return {@code (N, floor(H/kh), floor(W/kw), C)}
     */
    public Operand<TFloat32> avgPool2d(Operand<TFloat32> x, int kh, int kw) {
        requireRank("avgPool2d", x, 4);
        checkWindow("avgPool2d", x.shape().get(1), kh, 0, "height/time");
        checkWindow("avgPool2d", x.shape().get(2), kw, 0, "width");
        List<Long> k = List.of(1L, (long) kh, (long) kw, 1L);
        return tf.nn.avgPool(x, k, k, "VALID");
    }

    /**
     * Adds 1-D max pooling along the length axis, PyTorch's {@code nn.MaxPool1d(k)} (stride k, floor semantics: a
     * tail shorter than k is dropped).
     *
     * @param x input {@code (N, L, C)}
     * @param k window and stride
     * @return {@code (N, floor(L/k), C)}
     */
    public Operand<TFloat32> maxPool1d(Operand<TFloat32> x, int k) {
        requireRank("maxPool1d", x, 3);
        checkWindow("maxPool1d", x.shape().get(1), k, 0, "length");
        Operand<TInt32> ks = tf.constant(new int[] {1, 1, k, 1});
        return squeeze1(tf.nn.maxPool(expand(x), ks, ks, "VALID"));
    }

    /**
     * Adds global average pooling over H and W, PyTorch's {@code nn.AdaptiveAvgPool2d(1)} followed by flattening.
     *
     * @param x input {@code (N, H, W, C)}
     * @return {@code (N, C)}
     */
    public Operand<TFloat32> globalAvgPool2d(Operand<TFloat32> x) {
        requireRank("globalAvgPool2d", x, 4);
        return tf.math.mean(x, tf.constant(new int[] {1, 2}));
    }

    /**
     * Adds a global maximum over the length axis ({@code x.max(dim=-1)} in PyTorch's NCL layout).
     *
     * @param x input {@code (N, L, C)}
     * @return {@code (N, C)}
     */
    public Operand<TFloat32> globalMaxPool1d(Operand<TFloat32> x) {
        requireRank("globalMaxPool1d", x, 3);
        return tf.max(x, tf.constant(1));
    }

    /**
     * Adds a global mean over the length axis.
     *
     * @param x input {@code (N, L, C)}
     * @return {@code (N, C)}
     */
    public Operand<TFloat32> globalAvgPool1d(Operand<TFloat32> x) {
        requireRank("globalAvgPool1d", x, 3);
        return tf.math.mean(x, tf.constant(1));
    }

    // ------------------------------------------------------------------------------------------------ activations

    /**
     * Adds a ReLU, {@code max(0, x)}.
     *
     * @param x input
     * @return same shape
     */
    public Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    /**
     * Adds a leaky ReLU, PyTorch's {@code nn.LeakyReLU(0.01)}: {@code x} for positive inputs, {@code 0.01 x}
     * otherwise.
     *
     * @param x input
     * @return same shape
     */
    public Operand<TFloat32> leakyRelu(Operand<TFloat32> x) {
        return tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_SLOPE));
    }

    /**
     * Adds a parametric ReLU, PyTorch's {@code nn.PReLU()} with one shared slope {@code a} (init 0.25):
     * {@code max(0, x) + a min(0, x)}.
     *
     * @param name variable name prefix ({@code name_a}, shape {@code (1)})
     * @param x    input
     * @return same shape
     */
    public Operand<TFloat32> prelu(String name, Operand<TFloat32> x) {
        Variable<TFloat32> a = variable(name + "_a", new long[] {1}, Init.constant(0.25), true);
        return tf.math.add(tf.nn.relu(x), tf.math.mul(a, tf.math.minimum(x, tf.constant(0f))));
    }

    /**
     * Adds element-wise inverted dropout ({@code nn.Dropout(rate)}): on a training path, while the {@code training}
     * flag is fed true, each element is zeroed with probability {@code rate} and the rest are scaled by
     * {@code 1/(1 - rate)}; otherwise the identity (the inference path builds no random op at all).
     *
     * <p>The mask comes from a <em>stateless</em> random op ({@code StatelessRandomUniform}), a pure function of the
     * input shape, of this layer's position among the toolkit's dropout layers and of the int64 pair
     * {@link #dropoutSeed()}; by default that pair is {@code (seed, step)} with {@code step} the checkpointed counter
     * {@link #stepCounter()}. So masks never depend on the session's history: a model restored from a checkpoint
     * draws the same masks as one that kept running.
     *
     * @param x     input
     * @param rate  drop probability in {@code [0, 1)}
     * @param train whether this is the training path
     * @return same shape
     */
    public Operand<TFloat32> dropout(Operand<TFloat32> x, float rate, boolean train) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (!train || rate == 0f) {
            return x;
        }
        long salt = new SplittableRandom(seed + 7919L * ++dropoutCounter).nextLong();
        Operand<TInt64> layerSeed = tf.bitwise.bitwiseXor(dropoutSeed(), tf.constant(new long[] {salt, 0L}));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), layerSeed, TFloat32.class);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant(rate)), TFloat32.class);
        Operand<TFloat32> dropped = tf.math.mul(x, tf.math.mul(keep, tf.constant(1f / (1f - rate))));
        return tf.select(training, dropped, x);
    }

    /**
     * Returns the int64 {@code [2]} placeholder {@code dropout_seed} keying every dropout mask of the training path,
     * created on first use (with {@link #stepCounter()}). Its default is {@code (seed, stepCounter)}; a custom runner
     * may feed its own pair, e.g. {@code (seed, global step)}. The same pair gives the same masks.
     *
     * @return the placeholder
     */
    public Operand<TInt64> dropoutSeed() {
        if (dropoutSeed == null) {
            stepCounter = tf.withName("dropout_step").variable(tf.withInitScope().constant(0L));
            stepValue = tf.withName("dropout_step_value").identity(stepCounter);
            dropoutSeed = tf.withName("dropout_seed").placeholderWithDefault(
                    tf.stack(List.of(tf.constant(seed), stepValue)), Shape.of(2));
        }
        return dropoutSeed;
    }

    /**
     * Returns the non-trainable int64 scalar variable {@code dropout_step} (initially 0) whose value keys the dropout
     * masks by default. It is saved and restored with the other variables; the training step must advance it after the
     * update ({@link #advanceStepCounter}).
     *
     * @return the counter, or {@code null} when no training-path dropout was built (the graph then has none)
     */
    public Variable<TInt64> stepCounter() {
        return stepCounter;
    }

    /**
     * Builds the op adding 1 to {@link #stepCounter()} once {@code after} (the optimiser's update, which needs every
     * dropout mask) and the read of the counter have run, so a step's masks always see the counter before its
     * increment.
     *
     * @param after ops that must finish first
     * @return the increment, or {@code null} when the graph has no training-path dropout
     */
    public Op advanceStepCounter(List<Op> after) {
        if (stepCounter == null) {
            return null;
        }
        List<Op> deps = new ArrayList<>(after);
        deps.add(stepValue);
        return tf.withControlDependencies(deps).withName("advance_dropout_step")
                .assignAdd(stepCounter, tf.constant(1L));
    }

    // ------------------------------------------------------------------------------------------------ blocks

    /**
     * Adds squeeze-and-excitation (Hu et al. 2018) on sequences:
     * {@code g = sigmoid(W2 relu(W1 mean_t(source) + b1) + b2)} and {@code target ⊙ g} with {@code g} broadcast over
     * time.
     *
     * @param name   variable prefix ({@code name_fc1}, {@code name_fc2})
     * @param source the tensor the gate is computed from, {@code (N, L, C)}
     * @param target the tensor the gate scales, {@code (N, L', C)}
     * @param hidden width of the excitation layer ({@code C * expansion})
     * @return {@code target ⊙ g}
     */
    public Operand<TFloat32> squeezeExcitation(String name, Operand<TFloat32> source, Operand<TFloat32> target,
            int hidden) {
        requireRank(name, source, 3);
        requireRank(name, target, 3);
        long c = staticDim(name, target, 2);
        Operand<TFloat32> s = globalAvgPool1d(source);
        Operand<TFloat32> g = tf.math.sigmoid(dense(name + "_fc2", relu(dense(name + "_fc1", s, hidden)), (int) c));
        return tf.math.mul(target, tf.expandDims(g, tf.constant(1)));
    }

    /**
     * Adds the ReSE-2 residual block of Kim et al. 2018 (docs/ORIGINAL-PROJECT.md §4.7), identity skip:
     * {@code y = BN(Conv(Dropout(ReLU(BN(Conv(x))))))}, gate {@code g = SE(y)} (paper) or {@code SE(x)} (the original
     * code, {@code gateFromInput}), output {@code MaxPool1d(3)(ReLU(x + y ⊙ g))}.
     *
     * @param name          variable prefix
     * @param x             input {@code (N, L, C)}
     * @param seHidden      SE hidden width
     * @param dropout       dropout rate between the two convolutions
     * @param gateFromInput compute the gate from the block input (faithful) instead of the residual branch
     * @param train         training path
     * @return {@code (N, floor(L/3), C)}
     */
    public Operand<TFloat32> residualSeBlock(String name, Operand<TFloat32> x, int seHidden, float dropout,
            boolean gateFromInput, boolean train) {
        requireRank(name, x, 3);
        int c = (int) staticDim(name, x, 2);
        Operand<TFloat32> y = relu(batchNorm(name + "_bn1", conv1d(name + "_conv1", x, c, 3, 1, 1), train));
        y = dropout(y, dropout, train);
        y = batchNorm(name + "_bn2", conv1d(name + "_conv2", y, c, 3, 1, 1), train);
        Operand<TFloat32> gated = squeezeExcitation(name + "_se", gateFromInput ? x : y, y, seHidden);
        return maxPool1d(relu(tf.math.add(x, gated)), 3);
    }

    /**
     * The outputs of {@link #gru}.
     *
     * @param outputs     per-step outputs of the last layer, {@code (N, T, D*H)} (forward then backward halves)
     * @param finalStates final hidden state of every layer and direction in PyTorch's {@code h_n} order (layer 0
     *                    forward, layer 0 backward, layer 1 forward, ...), each {@code (N, H)}
     */
    public record GruOutput(Operand<TFloat32> outputs, List<Operand<TFloat32>> finalStates) {
    }

    /**
     * Adds a stacked GRU, PyTorch's {@code nn.GRU(input, hidden, numLayers, batch_first=True, bidirectional, dropout)},
     * statically unrolled (TF Java has no gradient through while loops). Per step, with PyTorch's gate equations:
     * {@code r = σ(W_ir x + b_ir + W_hr h + b_hr)}, {@code z = σ(W_iz x + b_iz + W_hz h + b_hz)},
     * {@code n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))}, {@code h' = (1 - z) ⊙ n + z ⊙ h}, {@code h_0 = 0}.
     * Weights {@code (I, 3H)} and {@code (H, 3H)} in gate order r, z, n, all initialised U(±1/sqrt(H)); dropout is
     * applied to every layer's output except the last on the training path.
     *
     * @param name          variable prefix
     * @param x             input {@code (N, T, I)}, T statically known
     * @param hidden        H
     * @param numLayers     stacked layers, {@code >= 1}
     * @param bidirectional add a backward direction per layer
     * @param dropout       inter-layer dropout rate
     * @param train         training path
     * @return the outputs and final states
     */
    public GruOutput gru(String name, Operand<TFloat32> x, int hidden, int numLayers, boolean bidirectional,
            float dropout, boolean train) {
        requireRank(name, x, 3);
        positive(name, "hidden", hidden);
        positive(name, "numLayers", numLayers);
        long steps = staticDim(name, x, 1);
        List<Operand<TFloat32>> finals = new ArrayList<>();
        Operand<TFloat32> in = x;
        Init init = Init.uniform(1.0 / Math.sqrt(hidden));
        for (int l = 0; l < numLayers; l++) {
            if (l > 0) {
                in = dropout(in, dropout, train);
            }
            long inSize = staticDim(name, in, 2);
            List<List<Operand<TFloat32>>> dirOutputs = new ArrayList<>();
            for (int d = 0; d < (bidirectional ? 2 : 1); d++) {
                String p = name + "_l" + l + (d == 1 ? "_reverse" : "");
                Variable<TFloat32> wih = variable(p + "_w_ih", new long[] {inSize, 3L * hidden}, init, true);
                Variable<TFloat32> whh = variable(p + "_w_hh", new long[] {hidden, 3L * hidden}, init, true);
                Variable<TFloat32> bih = variable(p + "_b_ih", new long[] {3L * hidden}, init, true);
                Variable<TFloat32> bhh = variable(p + "_b_hh", new long[] {3L * hidden}, init, true);
                Operand<TFloat32> proj = tf.math.add(
                        tf.linalg.matMul(tf.reshape(in, tf.constant(new long[] {-1, inSize})), wih), bih);
                proj = tf.reshape(proj, tf.constant(new long[] {-1, steps, 3L * hidden}));
                List<Operand<TFloat32>> xs = new ArrayList<>();
                tf.unstack(proj, steps, org.tensorflow.op.core.Unstack.axis(1L)).forEach(xs::add);
                Operand<TFloat32>[] outs = newArray((int) steps);
                Operand<TFloat32> h = null;
                for (int i = 0; i < steps; i++) {
                    int t = d == 0 ? i : (int) steps - 1 - i;
                    List<Operand<TFloat32>> xg = split3(xs.get(t));
                    if (h == null) {
                        h = tf.zerosLike(xg.get(0));
                    }
                    List<Operand<TFloat32>> hg = split3(tf.math.add(tf.linalg.matMul(h, whh), bhh));
                    Operand<TFloat32> r = tf.math.sigmoid(tf.math.add(xg.get(0), hg.get(0)));
                    Operand<TFloat32> z = tf.math.sigmoid(tf.math.add(xg.get(1), hg.get(1)));
                    Operand<TFloat32> n = tf.math.tanh(tf.math.add(xg.get(2), tf.math.mul(r, hg.get(2))));
                    h = tf.math.add(n, tf.math.mul(z, tf.math.sub(h, n)));
                    outs[t] = h;
                }
                finals.add(h);
                dirOutputs.add(List.of(outs));
            }
            List<Operand<TFloat32>> perStep = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                if (dirOutputs.size() == 1) {
                    perStep.add(dirOutputs.get(0).get(t));
                } else {
                    perStep.add(tf.concat(List.of(dirOutputs.get(0).get(t), dirOutputs.get(1).get(t)),
                            tf.constant(1)));
                }
            }
            in = tf.stack(perStep, org.tensorflow.op.core.Stack.axis(1L));
        }
        return new GruOutput(in, List.copyOf(finals));
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) {
        return (Operand<TFloat32>[]) new Operand<?>[n];
    }

    private List<Operand<TFloat32>> split3(Operand<TFloat32> x) {
        List<Operand<TFloat32>> out = new ArrayList<>(3);
        tf.split(tf.constant(1), x, 3L).forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Flattens every axis after the batch axis, row-major (for NHWC that is H, W, C order).
     *
     * @param x input of rank {@code >= 2} with static non-batch dimensions
     * @return {@code (N, prod(other dims))}
     */
    public Operand<TFloat32> flatten(Operand<TFloat32> x) {
        long n = 1;
        for (int i = 1; i < x.shape().numDimensions(); i++) {
            n *= staticDim("flatten", x, i);
        }
        return tf.reshape(x, tf.constant(new long[] {-1, n}));
    }

    private Operand<TFloat32> expand(Operand<TFloat32> x) {
        return tf.expandDims(x, tf.constant(1));
    }

    private Operand<TFloat32> squeeze1(Operand<TFloat32> x) {
        return tf.squeeze(x, Squeeze.axis(List.of(1L)));
    }

    private static void requireRank(String layer, Operand<TFloat32> x, int rank) {
        if (x.shape().numDimensions() != rank) {
            throw new IllegalArgumentException(layer + ": expected an input of rank " + rank + ", got shape "
                    + x.shape());
        }
    }

    private static long staticDim(String layer, Operand<TFloat32> x, int axis) {
        if (x.shape().numDimensions() <= axis) {
            throw new IllegalArgumentException(layer + ": input of shape " + x.shape() + " has no axis " + axis);
        }
        long d = x.shape().get(axis);
        if (d < 1) {
            throw new IllegalArgumentException(layer + ": axis " + axis + " of input shape " + x.shape()
                    + " must be statically known and >= 1");
        }
        return d;
    }

    private static void positive(String layer, String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(layer + ": " + what + " must be >= 1, got " + v);
        }
    }

    private static void checkWindow(String layer, long size, int k, int pad, String axis) {
        positive(layer, "window along " + axis, k);
        if (size >= 0 && size + 2L * pad < k) {
            throw new IllegalArgumentException(layer + ": input " + axis + " " + size + " (+ padding " + 2 * pad
                    + ") is shorter than the window " + k + "; the input is too small for this architecture");
        }
    }
}
