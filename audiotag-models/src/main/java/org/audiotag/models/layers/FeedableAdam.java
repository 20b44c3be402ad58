package org.audiotag.models.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds the Adam optimiser (Kingma and Ba 2015) exactly as PyTorch's {@code torch.optim.Adam} computes it, with a
 * learning rate fed at run time (the framework optimisers bake it into a constant):
 * {@code g = grad + wd * w}; optional global-norm clipping {@code g *= min(1, maxNorm / (||g|| + 1e-6))}
 * ({@code clip_grad_norm_}); {@code t += 1}; {@code m = b1 m + (1 - b1) g}; {@code v = b2 v + (1 - b2) g^2};
 * {@code w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}.
 *
 * <p>Every update waits for every gradient (TF1's {@code GATE_GRAPH}), so a step is bit-reproducible: no
 * in-place update can race a backward-pass read of a reference-typed variable.
 *
 * <p>The moments are non-trainable variables {@code <var>_adam_m} and {@code <var>_adam_v} and the step counter is
 * {@code adam_step}, all created through {@link Layers#variable}, so checkpoints include the optimiser state.
 */
public final class FeedableAdam {

    private final Operand<TFloat32> learningRate;
    private final Op step;

    /**
     * Builds the gradient and update ops.
     *
     * @param layers       the toolkit that owns the variables (slots are created through it)
     * @param loss         scalar loss
     * @param variables    variables to update (usually {@link Layers#trainableVariables()})
     * @param learningRate default learning rate when none is fed, {@code > 0}
     * @param beta1        first-moment decay in {@code [0, 1)}
     * @param beta2        second-moment decay in {@code [0, 1)}
     * @param epsilon      denominator epsilon, {@code > 0}
     * @param weightDecay  L2 coefficient added to the gradient (PyTorch's {@code weight_decay}), {@code >= 0}
     * @param clipNorm     maximum global gradient norm, or 0 for no clipping
     * @throws IllegalArgumentException naming the hyper-parameter out of range, or if there is no variable
     * @throws IllegalStateException if a variable does not influence the loss (it has no gradient)
     */
    public FeedableAdam(Layers layers, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, float learningRate,
            float beta1, float beta2, float epsilon, float weightDecay, float clipNorm) {
        check("learningRate", learningRate, learningRate > 0, "> 0");
        check("beta1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
        check("beta2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
        check("epsilon", epsilon, epsilon > 0, "> 0");
        check("weightDecay", weightDecay, weightDecay >= 0, ">= 0");
        check("clipNorm", clipNorm, clipNorm >= 0, ">= 0 (0 = off)");
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("no variables to optimise");
        }
        Ops tf = layers.tf();
        this.learningRate = tf.withName("learning_rate").placeholderWithDefault(tf.constant(learningRate),
                Shape.scalar());
        List<Operand<TFloat32>> grads = new ArrayList<>();
        var g = tf.gradients(loss, variables);
        for (int i = 0; i < variables.size(); i++) {
            Operand<TFloat32> gi = g.dy(i);
            if (gi == null) {
                throw new IllegalStateException("variable " + variables.get(i).op().name()
                        + " does not influence the loss");
            }
            if (weightDecay > 0) {
                gi = tf.math.add(gi, tf.math.mul(variables.get(i), tf.constant(weightDecay)));
            }
            grads.add(gi);
        }
        if (clipNorm > 0) {
            List<Operand<TFloat32>> squares = new ArrayList<>();
            for (Operand<TFloat32> gi : grads) {
                squares.add(tf.sum(tf.math.square(gi), tf.constant(allAxes(gi))));
            }
            Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
            Operand<TFloat32> scale = tf.math.minimum(tf.constant(1f),
                    tf.math.div(tf.constant(clipNorm), tf.math.add(norm, tf.constant(1e-6f))));
            for (int i = 0; i < grads.size(); i++) {
                grads.set(i, tf.math.mul(grads.get(i), scale));
            }
        }
        // Gate the updates on every gradient (TF1's GATE_GRAPH): the variables are reference-typed, so without this
        // an update of W2 may run while the backward pass still reads W2 to compute dX for W1's gradient, making
        // the step depend on thread scheduling.
        List<Op> gradOps = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            var id = tf.identity(grads.get(i));
            gradOps.add(id);
            grads.set(i, id);
        }
        Op allGradients = tf.withControlDependencies(gradOps).withName("adam_gradients_ready").noOp();
        tf = tf.withControlDependencies(List.of(allGradients));
        Variable<TFloat32> t = layers.variable("adam_step", new long[0], Init.constant(0), false);
        Operand<TFloat32> tNew = tf.math.add(t, tf.constant(1f));
        Operand<TFloat32> bc1 = tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(beta1), tNew));
        Operand<TFloat32> bc2 = tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(beta2), tNew));
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> w = variables.get(i);
            long[] shape = w.shape().asArray();
            String name = w.op().name();
            Variable<TFloat32> m = layers.variable(name + "_adam_m", shape, Init.constant(0), false);
            Variable<TFloat32> v = layers.variable(name + "_adam_v", shape, Init.constant(0), false);
            Operand<TFloat32> gi = grads.get(i);
            Operand<TFloat32> mNew = tf.math.add(tf.math.mul(m, tf.constant(beta1)),
                    tf.math.mul(gi, tf.constant(1f - beta1)));
            Operand<TFloat32> vNew = tf.math.add(tf.math.mul(v, tf.constant(beta2)),
                    tf.math.mul(tf.math.square(gi), tf.constant(1f - beta2)));
            Operand<TFloat32> upd = tf.math.div(tf.math.mul(this.learningRate, tf.math.div(mNew, bc1)),
                    tf.math.add(tf.math.sqrt(tf.math.div(vNew, bc2)), tf.constant(epsilon)));
            ops.add(tf.assignSub(w, upd));
            ops.add(tf.assign(m, mNew));
            ops.add(tf.assign(v, vNew));
        }
        ops.add(tf.assign(t, tNew));
        this.step = layers.tf().withControlDependencies(ops).withName("adam_update").noOp();
    }

    private static int[] allAxes(Operand<TFloat32> x) {
        int[] a = new int[x.shape().numDimensions()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void check(String name, float v, boolean ok, String range) {
        if (!ok || Float.isNaN(v)) {
            throw new IllegalArgumentException(name + " must be " + range + ", got " + v);
        }
    }

    /**
     * Returns the scalar learning-rate placeholder {@code learning_rate}; feed it to change the rate per step.
     *
     * @return the placeholder, defaulting to the constructor's value
     */
    public Operand<TFloat32> learningRate() {
        return learningRate;
    }

    /**
     * Returns the op that applies one Adam update to every variable and advances the step counter {@code t}.
     *
     * @return the op to run as a target
     */
    public Op step() {
        return step;
    }
}
