package org.audiotag.models.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds multi-label losses on logits, each a scalar mean over the batch: PyTorch's {@code BCEWithLogitsLoss} and the
 * original MCNN trainer's softmax cross-entropy.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Builds PyTorch's {@code BCEWithLogitsLoss} (mean over batch x classes) in its numerically stable form
     * {@code max(z, 0) - z y + log(1 + exp(-|z|))}, optionally with binary label smoothing
     * {@code y' = y (1 - s) + s / 2} and per-class weights {@code w_c} multiplying each class's terms.
     *
     * @param tf             op factory
     * @param logits         {@code (N, C)} logits
     * @param targets        {@code (N, C)} multi-hot targets in [0, 1]
     * @param labelSmoothing {@code s} in {@code [0, 1)}; 0 for none (the original project)
     * @param classWeights   length-C weights (all &gt; 0), or null for none
     * @return the scalar mean loss
     * @throws IllegalArgumentException if {@code labelSmoothing} is outside [0, 1) or a class weight is not finite and
     *     positive or their number is not C
     */
    public static Operand<TFloat32> sigmoidBinaryCrossEntropy(Ops tf, Operand<TFloat32> logits,
            Operand<TFloat32> targets, float labelSmoothing, float[] classWeights) {
        if (!(labelSmoothing >= 0f && labelSmoothing < 1f)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
        }
        Operand<TFloat32> y = targets;
        if (labelSmoothing > 0f) {
            y = tf.math.add(tf.math.mul(y, tf.constant(1f - labelSmoothing)), tf.constant(labelSmoothing / 2f));
        }
        Operand<TFloat32> z = logits;
        Operand<TFloat32> elem = tf.math.add(tf.math.sub(tf.nn.relu(z), tf.math.mul(z, y)),
                tf.math.softplus(tf.math.neg(tf.math.abs(z))));
        if (classWeights != null) {
            long c = logits.shape().get(1);
            if (c >= 0 && classWeights.length != c) {
                throw new IllegalArgumentException("classWeights has " + classWeights.length
                        + " entries but there are " + c + " classes");
            }
            for (int i = 0; i < classWeights.length; i++) {
                if (!(classWeights[i] > 0f) || !Float.isFinite(classWeights[i])) {
                    throw new IllegalArgumentException("classWeights[" + i + "] must be finite and > 0, got "
                            + classWeights[i]);
                }
            }
            elem = tf.math.mul(elem, tf.constant(Shape.of(classWeights.length),
                    DataBuffers.of(classWeights.clone(), true, false)));
        }
        return tf.math.mean(elem, tf.constant(new int[] {0, 1}));
    }

    /**
     * Builds the original MCNN trainer's softmax cross-entropy with multi-hot targets (docs/ORIGINAL-PROJECT.md §3.3):
     * {@code L = -(1/N) sum_n sum_c y_nc log softmax(z_n)_c}.
     *
     * @param tf      op factory
     * @param logits  {@code (N, C)}
     * @param targets {@code (N, C)} multi-hot
     * @return the scalar loss
     */
    public static Operand<TFloat32> softmaxCrossEntropyMultiHot(Ops tf, Operand<TFloat32> logits,
            Operand<TFloat32> targets) {
        Operand<TFloat32> perSample = tf.math.neg(tf.sum(tf.math.mul(targets, tf.nn.logSoftmax(logits)),
                tf.constant(1)));
        return tf.math.mean(perSample, tf.constant(0));
    }
}
