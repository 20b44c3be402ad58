package org.audiotag.style;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.style.internal.JohnsonGraph;
import org.audiotag.style.internal.TensorFlowRequirement;

/**
 * A feed-forward spectrogram stylizer for one style (Johnson, Alahi &amp; Fei-Fei, "Perceptual losses for real-time
 * style transfer", 2016; instance normalisation after Ulyanov, Vedaldi &amp; Lempitsky 2016; residual blocks with
 * their own weights, fixing the weight sharing of the 2019 notebook, docs/ORIGINAL-PROJECT.md §10.11). It is trained
 * here, on random crops of content spectrograms, against the same losses as {@link StyleTransfer} (content, Gram
 * style and total variation on the random shallow feature network), then stylises a whole spectrogram in one forward
 * pass.
 *
 * <p>Network, on the [0, 1] spectrogram shaped (1, n_mels, T, 1) (mel as height, time as width): conv 9x9 (w1),
 * conv 3x3 stride 2 (w2), conv 3x3 stride 2 (w3), each followed by instance normalisation (mean and variance per
 * channel over mel and time, eps 1e-5, learnt scale and shift) and ReLU; {@code blocks} residual blocks
 * (conv 3x3 - IN - ReLU - conv 3x3 - IN, plus the identity); two bilinear x2 up-samplings each followed by a
 * conv 3x3 (w2, then w1) - IN - ReLU; a final conv 9x9 to one channel and a sigmoid. Zero SAME padding replaces the
 * original's reflection padding. Training uses the framework's Adam at {@link StyleTransferConfig#learningRate()}.
 *
 * <p>Architecture and training parameters: channel widths {w1, w2, w3}, residual blocks, crop length in frames
 * (multiple of 4), batch size, and a {@link StyleTransferConfig} for the loss weights, the feature network, the seed,
 * the Adam learning rate and the number of training steps ({@code iterations}). The number of mel bins must be a
 * multiple of 4. Owns a TensorFlow Graph and Session: close it (try-with-resources). TensorFlow Java is an optional
 * dependency of audiotag-style: {@link #train} checks that it is there (see the package documentation).
 *
 * <p>Train a stylizer for the timbre of rain on two bark log-mels (PNGs written as in {@link SpectrogramImage}, 128
 * mels), then stylise a whole clip in one pass:
 * {@snippet :
 * StyleTransferConfig losses = StyleTransferConfig.builder().filters(128).iterations(200).learningRate(0.01).build();
 * List<SpectrogramImage> contents = List.of(SpectrogramImage.read(dogPng), SpectrogramImage.read(dog2Png));
 * SpectrogramImage style = SpectrogramImage.read(rainPng);
 * try (FeedForwardStylizer stylizer = FeedForwardStylizer.train(contents, style, losses,
 *         new int[] {16, 32, 64}, 3, 64, 4)) {        // widths w1..w3, residual blocks, crop frames, batch
 *     SpectrogramImage out = stylizer.stylise(contents.get(0));    // one forward pass, any number of frames
 *     out.write(outPng, ColorMap.VIRIDIS, 8);                      // content's shape and dB range
 *     double[] loss = stylizer.lossTrace();                        // training loss before each of the 200 steps
 * }
 * }
 */
public final class FeedForwardStylizer implements AutoCloseable {
    private final JohnsonGraph graph;
    private final int nMels;
    private final double[] lossTrace;
    private final double[] styleLossTrace;

    private FeedForwardStylizer(JohnsonGraph graph, int nMels, double[] loss, double[] style) {
        this.graph = graph;
        this.nMels = nMels;
        this.lossTrace = loss;
        this.styleLossTrace = style;
    }

    /**
     * Trains a stylizer: {@code config.iterations()} Adam steps, each on {@code batch} crops of {@code cropFrames}
     * frames drawn at random (seeded by {@code config.seed()}) from the contents, against the content, Gram-style
     * and total-variation losses of {@link StyleTransfer}.
     *
     * @param contents content spectrograms (same number of mel bins, a multiple of 4, each at least
     *     {@code cropFrames} frames)
     * @param style the style spectrogram or picture (resized to the mel bins, bilinear)
     * @param config loss weights, feature network, seed, learning rate, steps ({@code iterations})
     * @param widths channel widths {w1, w2, w3}, each in [1, 256] (Johnson: 32, 64, 128)
     * @param blocks residual blocks, 0..10 (Johnson: 5)
     * @param cropFrames training crop length, a multiple of 4
     * @param batch crops per step, &gt;= 1
     * @return the trained stylizer (close it)
     * @throws IllegalArgumentException naming the offending parameter
     * @throws IllegalStateException if TensorFlow Java is not available to this module: the message names the Maven
     *     dependencies, and on the module path the {@code requires} or {@code --add-modules} that provide it
     */
    public static FeedForwardStylizer train(List<SpectrogramImage> contents, SpectrogramImage style,
                                            StyleTransferConfig config, int[] widths, int blocks, int cropFrames,
                                            int batch) {
        TensorFlowRequirement.check("FeedForwardStylizer");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(config, "config");
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("contents must not be empty");
        }
        if (widths == null || widths.length != 3) {
            throw new IllegalArgumentException("widths must hold 3 values");
        }
        for (int w : widths) {
            if (w < 1 || w > 256) {
                throw new IllegalArgumentException("widths must be in [1, 256], got " + w);
            }
        }
        if (blocks < 0 || blocks > 10) {
            throw new IllegalArgumentException("blocks must be in [0, 10], got " + blocks);
        }
        if (cropFrames < 4 || cropFrames % 4 != 0) {
            throw new IllegalArgumentException("cropFrames must be a positive multiple of 4, got " + cropFrames);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        int m = contents.get(0).nBins();
        if (m % 4 != 0) {
            throw new IllegalArgumentException("the number of mel bins must be a multiple of 4, got " + m);
        }
        for (SpectrogramImage c : contents) {
            if (c.nBins() != m || c.nFrames() < cropFrames) {
                throw new IllegalArgumentException("contents: every spectrogram needs " + m + " bins and >= "
                        + cropFrames + " frames, got " + c.nBins() + " x " + c.nFrames());
            }
        }
        SpectrogramImage st = style.nBins() == m ? style : style.resize(m, style.nFrames());
        JohnsonGraph g = new JohnsonGraph(m, widths, blocks, config.filters(), config.kernelWidth(), config.seed(),
                config.contentWeight(), config.styleWeight(), config.tvWeight(), config.learningRate());
        try {
            float[] gram = g.gram(heightMajor(st.unit(), m, st.nFrames(), 0, st.nFrames()), st.nFrames());
            SplittableRandom rng = new SplittableRandom(config.seed());
            int steps = config.iterations();
            double[] loss = new double[steps];
            double[] styleLoss = new double[steps];
            int per = m * cropFrames;
            float[] x = new float[batch * per];
            for (int s = 0; s < steps; s++) {
                for (int b = 0; b < batch; b++) {
                    SpectrogramImage c = contents.get(rng.nextInt(contents.size()));
                    int off = rng.nextInt(c.nFrames() - cropFrames + 1);
                    System.arraycopy(heightMajor(c.unit(), m, c.nFrames(), off, cropFrames), 0, x, b * per, per);
                }
                double[] l = g.step(x, batch, cropFrames, gram);
                loss[s] = l[0];
                styleLoss[s] = l[1];
            }
            return new FeedForwardStylizer(g, m, loss, styleLoss);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** (bins, frames) bin-major unit values, frames [off, off + t) -> (bins, t) for NHWC (1, bins, t, 1). */
    private static float[] heightMajor(double[] unit, int m, int frames, int off, int t) {
        float[] out = new float[m * t];
        for (int k = 0; k < m; k++) {
            for (int f = 0; f < t; f++) {
                out[k * t + f] = (float) unit[k * frames + off + f];
            }
        }
        return out;
    }

    /**
     * Returns the weighted total training loss of each step's batch, measured before the step.
     *
     * @return the training loss before each step ({@code config.iterations()} values)
     */
    public double[] lossTrace() {
        return lossTrace.clone();
    }

    /**
     * Returns the style loss (Gram MSE over the style Gram's energy, unweighted) of each step's batch, measured
     * before the step.
     *
     * @return the style loss before each step ({@code config.iterations()} values)
     */
    public double[] styleLossTrace() {
        return styleLossTrace.clone();
    }

    /**
     * Stylises a spectrogram in one forward pass: normalised to [0, 1] by its own dB range, frames zero-padded to a
     * multiple of 4, run through the network, cut back and mapped to the content's dB range.
     *
     * @param content the spectrogram (same number of bins as the training contents), any number of frames
     * @return the stylised spectrogram with the content's shape and dB range
     * @throws IllegalArgumentException if the number of bins differs from the training contents'
     */
    public SpectrogramImage stylise(SpectrogramImage content) {
        Objects.requireNonNull(content, "content");
        if (content.nBins() != nMels) {
            throw new IllegalArgumentException("content has " + content.nBins() + " bins, the stylizer " + nMels);
        }
        int t = content.nFrames();
        int tp = (t + 3) / 4 * 4;
        double[] u = content.unit();
        float[] x = new float[nMels * tp];
        for (int k = 0; k < nMels; k++) {
            for (int f = 0; f < t; f++) {
                x[k * tp + f] = (float) u[k * t + f];
            }
        }
        float[] y = graph.stylise(x, tp);
        double[] out = new double[nMels * t];
        for (int k = 0; k < nMels; k++) {
            for (int f = 0; f < t; f++) {
                out[k * t + f] = y[k * tp + f];
            }
        }
        return SpectrogramImage.fromUnit(out, nMels, t, content.dbMin(), content.dbMax());
    }

    /** Closes the TensorFlow graph and session this stylizer owns; it cannot stylise afterwards. */
    @Override
    public void close() {
        graph.close();
    }
}
