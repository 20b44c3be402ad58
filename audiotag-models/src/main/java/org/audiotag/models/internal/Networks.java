package org.audiotag.models.internal;

import java.util.ArrayList;
import java.util.List;
import org.audiotag.models.Architecture;
import org.audiotag.models.ModelConfig;
import org.audiotag.models.layers.Init;
import org.audiotag.models.layers.Layers;
import org.audiotag.models.layers.MclnnMask;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The forward passes of every {@link Architecture}, written once and called twice (training path and inference
 * path) with the same layer names so that both share their variables. Not part of the API.
 */
public final class Networks {

    private Networks() {
    }

    /**
     * Adds one forward pass and returns its logits.
     *
     * @param arch   the architecture
     * @param l      the layer toolkit
     * @param x      features in the input kind's layout with a leading batch axis
     * @param config options
     * @param widths resolved widths
     * @param train  training path (batch statistics, dropout) or inference path
     * @return logits {@code (N, numTags)}
     */
    public static Operand<TFloat32> logits(Architecture arch, Layers l, Operand<TFloat32> x, ModelConfig config,
            int[] widths, boolean train) {
        int tags = config.numTags();
        return switch (arch) {
            case DCNN, MODDCNN, MODDCNN_INSTANCENORM, MODDCNN_WIDE -> dcnn(arch, l, x, widths, tags, train);
            case KAGGLE -> kaggle(l, x, widths, tags, train);
            case GRU, GRU_OVER_FREQUENCY -> gru(arch == Architecture.GRU_OVER_FREQUENCY, l, x, widths, tags, train);
            case MCNN, MCNN_NOMASK -> mcnn(arch == Architecture.MCNN, l, x, config, widths, tags, train);
            case SAMPLECNN -> sampleCnn(l, x, widths, tags, train);
            case RESE2MULTI, RESE2MULTI_INPUT_GATE ->
                    rese2Multi(arch == Architecture.RESE2MULTI_INPUT_GATE, l, x, widths, tags, train);
        };
    }

    private static Operand<TFloat32> dcnn(Architecture arch, Layers l, Operand<TFloat32> x, int[] w, int tags,
            boolean train) {
        boolean mod = arch != Architecture.DCNN;
        Operand<TFloat32> y = l.maxPool2d(l.conv2d("conv1", x, w[0], 5, 5, 1, 1, 0, 0), 4, 2);
        y = dcnnAct(arch, l, "norm1", y, train);
        y = l.maxPool2d(l.conv2d("conv2", y, w[1], 5, 5, 1, 1, 0, 0), 4, 2);
        y = dcnnAct(arch, l, "norm2", y, train);
        y = dcnnAct(arch, l, "norm3", l.conv2d("conv3", y, w[2], 5, 5, 1, 1, 0, 0), train);
        y = l.dropout(l.flatten(y), 0.5f, train);
        y = l.dense("fc1", y, w[3]);
        y = mod ? l.leakyRelu(y) : l.relu(y);
        y = l.dropout(y, 0.5f, train);
        return l.dense("fc2", y, tags);
    }

    private static Operand<TFloat32> dcnnAct(Architecture arch, Layers l, String name, Operand<TFloat32> y,
            boolean train) {
        return switch (arch) {
            case DCNN -> l.relu(y);
            case MODDCNN_INSTANCENORM -> l.leakyRelu(l.instanceNorm(name, y, false));
            default -> l.leakyRelu(l.batchNorm(name, y, train));
        };
    }

    private static Operand<TFloat32> kaggle(Layers l, Operand<TFloat32> x, int[] w, int tags, boolean train) {
        Operand<TFloat32> y = x;
        for (int b = 0; b < w.length - 1; b++) {
            for (int c = 1; c <= 2; c++) {
                String n = "block" + (b + 1) + "_conv" + c;
                long in = y.shape().get(3);
                y = l.conv2d(n, y, w[b], 3, 3, 1, 1, 1, 1, Init.kaimingNormal(in * 9), Init.constant(0));
                y = l.relu(l.batchNorm("block" + (b + 1) + "_bn" + c, y, train));
            }
            y = l.avgPool2d(y, 2, 2);
        }
        y = l.globalAvgPool2d(y);
        y = l.dense("fc1", l.dropout(y, 0.2f, train), w[w.length - 1]);
        y = l.batchNorm("head_bn", l.prelu("head_prelu", y), train);
        return l.dense("fc2", l.dropout(y, 0.1f, train), tags);
    }

    private static Operand<TFloat32> gru(boolean overFrequency, Layers l, Operand<TFloat32> x, int[] w, int tags,
            boolean train) {
        Ops tf = l.tf();
        Operand<TFloat32> seq = overFrequency ? tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1})) : x;
        Layers.GruOutput out = l.gru("gru", seq, w[0], w[1], true, 0.2f, train);
        Operand<TFloat32> h = tf.concat(out.finalStates(), tf.constant(1));
        return l.dense("fc", h, tags);
    }

    private static Operand<TFloat32> mcnn(boolean masked, Layers l, Operand<TFloat32> x, ModelConfig c, int[] w,
            int tags, boolean train) {
        int order = c.mclnnOrder();
        int f = (int) x.shape().get(2);
        MclnnMask m1 = masked ? checkedMask(f, w[0], c) : null;
        MclnnMask m2 = masked ? checkedMask(w[0], w[1], c) : null;
        Operand<TFloat32> y = l.batchNorm("bn1", l.leakyRelu(l.mclnn("clnn1", x, w[0], order, m1)), train);
        y = l.leakyRelu(l.mclnn("clnn2", y, w[1], order, m2));
        y = l.batchNorm("bn2", l.maxPool1d(y, 2), train);
        y = l.maxPool1d(l.leakyRelu(l.mclnn("clnn3", y, w[2], order, null)), 2);
        y = l.maxPool1d(l.leakyRelu(l.mclnn("clnn4", y, w[3], order, null)), 4);
        y = l.flatten(l.batchNorm("bn3", y, train));
        y = l.leakyRelu(l.dense("fc1", y, w[4]));
        return l.dense("fc2", y, tags);
    }

    private static MclnnMask checkedMask(int in, int out, ModelConfig c) {
        if (c.mclnnBandwidth() > in) {
            throw new IllegalArgumentException("mcnn: mclnnBandwidth " + c.mclnnBandwidth()
                    + " exceeds the layer's input width " + in);
        }
        return MclnnMask.of(in, out, c.mclnnBandwidth(), c.mclnnOverlap());
    }

    private static Operand<TFloat32> stem(Layers l, Operand<TFloat32> x, int width, boolean train) {
        Operand<TFloat32> wave = l.tf().expandDims(x, l.tf().constant(2));
        return l.relu(l.batchNorm("stem_bn", l.conv1d("stem_conv", wave, width, 3, 3, 0), train));
    }

    private static Operand<TFloat32> sampleCnn(Layers l, Operand<TFloat32> x, int[] w, int tags, boolean train) {
        Operand<TFloat32> y = stem(l, x, w[0], train);
        for (int b = 1; b < w.length; b++) {
            y = l.conv1d("block" + b + "_conv", y, w[b], 3, 1, 1);
            y = l.maxPool1d(l.relu(l.batchNorm("block" + b + "_bn", y, train)), 3);
        }
        return l.dense("fc", l.flatten(y), tags);
    }

    private static Operand<TFloat32> rese2Multi(boolean gateFromInput, Layers l, Operand<TFloat32> x, int[] w,
            int tags, boolean train) {
        Operand<TFloat32> y = stem(l, x, w[0], train);
        int blocks = w[2];
        List<Operand<TFloat32>> levels = new ArrayList<>();
        for (int b = 1; b <= blocks; b++) {
            y = l.residualSeBlock("block" + b, y, w[1], 0.2f, gateFromInput, train);
            if (b > blocks - 3) {
                levels.add(l.globalMaxPool1d(y));
            }
        }
        return l.dense("fc", l.tf().concat(levels, l.tf().constant(1)), tags);
    }
}
