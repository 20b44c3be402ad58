package org.audiotag.style;

import java.util.Objects;
import java.util.SplittableRandom;
import org.audiotag.style.internal.StyleGraph;
import org.audiotag.style.internal.TensorFlowRequirement;

/**
 * Spectrogram style transfer by optimisation (Gatys, Ecker &amp; Bethge, "Image style transfer using convolutional
 * neural networks", CVPR 2016), with the features of a shallow random-weight network over the mel spectrogram as in
 * Ulyanov &amp; Lebedev's audio texture synthesis (2016): one 1-D convolution along time with the mel bands as input
 * channels, {@link StyleTransferConfig#filters()} random ReLU filters of width
 * {@link StyleTransferConfig#kernelWidth()} frames.
 *
 * <p>Both spectrograms are normalised to [0, 1] with their own dB range ({@link SpectrogramImage#unit()}; an image
 * without a stored range is already luminance in [0, 1]); the style is resized to the content's number of mel bins
 * (bilinear) and keeps its own length. The optimised spectrogram x starts from the content (or seeded noise) and takes
 * {@code iterations} Adam steps (beta1 0.9, beta2 0.999, eps 1e-8) on the loss
 * contentWeight x content + styleWeight x style + tvWeight x TV, where, with the features
 * Phi(x) = ReLU(conv(x - 0.5, W)) of shape (T frames, F filters), W fixed and drawn from N(0, 2 / (k n_mels)), SAME
 * padding, and the Gram matrix G = Phi^T Phi / T:
 * <ul>
 *   <li>content = mean((Phi(x) - Phi(c))^2) / mean(Phi(c)^2) for the content c;</li>
 *   <li>style = mean((G(x) - G(s))^2) / mean(G(s)^2) for the style s;</li>
 *   <li>TV = mean of squared differences of neighbouring frames + mean of squared differences of neighbouring mel
 *       bands of x.</li>
 * </ul>
 * The result is clipped to [0, 1] and mapped back to the content's dB range. TensorFlow Java runs the network and its
 * gradient; the graph, session and every tensor are closed before {@link #transfer} returns. TensorFlow Java is an
 * optional dependency of audiotag-style: the constructor checks that it is there (see the package documentation).
 *
 * <p>The timbre of rain on a dog bark: both are log-mel PNGs written as in {@link SpectrogramImage} (librosa defaults:
 * 22050 Hz, n_fft 2048, hop 512, {@code power_to_db(ref=1)}), so the result can be heard through {@link MelToAudio}:
 * {@snippet :
 * SpectrogramImage content = SpectrogramImage.read(dogPng);        // (128 mels, T frames) in dB
 * SpectrogramImage style = SpectrogramImage.read(rainPng);         // any size; a photo or painting works too
 * StyleTransferConfig config = StyleTransferConfig.builder().iterations(200).styleWeight(10).seed(7).build();
 * StyleTransfer.Result r = new StyleTransfer(config).transfer(content, style);  // needs TensorFlow Java
 * r.image().write(outPng, ColorMap.VIRIDIS, 8);                    // content's shape and dB range
 * double kept = StyleTransfer.frameEnergyCorrelation(content, r.image());     // near 1: timing kept
 * double[] styleLoss = r.styleLoss();                               // iterations + 1 values, falling
 * MelToAudio.Result audio = MelToAudio.builder().build().invertDb(r.image(), 512 * (content.nFrames() - 1));
 * }
 */
public final class StyleTransfer {
    private final StyleTransferConfig config;

    /**
     * The stylised spectrogram and the optimisation trace.
     *
     * @param image the stylised spectrogram, content's shape and dB range
     * @param totalLoss weighted total loss before each step, then after the last (iterations + 1 values)
     * @param contentLoss content loss, same indexing
     * @param styleLoss style loss, same indexing
     * @param tvLoss total-variation loss, same indexing
     */
    public record Result(SpectrogramImage image, double[] totalLoss, double[] contentLoss, double[] styleLoss,
                         double[] tvLoss) { }

    /**
     * Creates the transfer and checks that TensorFlow Java, an optional dependency of audiotag-style, is there.
     *
     * @param config the parameters
     * @throws IllegalStateException if TensorFlow Java is not available to this module: the message names the Maven
     *     dependencies, and on the module path the {@code requires} or {@code --add-modules} that provide it
     */
    public StyleTransfer(StyleTransferConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        TensorFlowRequirement.check("StyleTransfer");
    }

    /**
     * Returns the parameters this transfer was created with.
     *
     * @return the parameters
     */
    public StyleTransferConfig config() {
        return config;
    }

    /**
     * Stylises a content spectrogram: optimises a spectrogram with the content's shape against the content, Gram-style
     * and total-variation losses of the class description, and returns it in the content's dB range.
     *
     * @param content content log-mel spectrogram (n_mels, T), T &gt;= 2
     * @param style style spectrogram or picture, any size (resized to n_mels rows, bilinear)
     * @return the stylised spectrogram and the loss trace
     * @throws IllegalArgumentException if the content has fewer than 2 frames
     */
    public Result transfer(SpectrogramImage content, SpectrogramImage style) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(style, "style");
        int m = content.nBins();
        int t = content.nFrames();
        if (t < 2) {
            throw new IllegalArgumentException("content must have at least 2 frames, got " + t);
        }
        SpectrogramImage st = style.nBins() == m ? style : style.resize(m, style.nFrames());
        float[] c = timeMajor(content.unit(), m, t);
        float[] s = timeMajor(st.unit(), m, st.nFrames());
        int n = c.length;
        float[] x = new float[n];
        if (config.init() == StyleTransferConfig.Init.CONTENT) {
            System.arraycopy(c, 0, x, 0, n);
        } else {
            SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
            for (int i = 0; i < n; i++) {
                x[i] = (float) rng.nextDouble();
            }
        }
        int iters = config.iterations();
        double[] total = new double[iters + 1];
        double[] contentLoss = new double[iters + 1];
        double[] styleLoss = new double[iters + 1];
        double[] tvLoss = new double[iters + 1];
        try (StyleGraph g = new StyleGraph(m, t, config.filters(), config.kernelWidth(), config.seed(),
                config.contentWeight(), config.styleWeight(), config.tvWeight())) {
            float[] cf = g.features(c, t);
            float[] sg = g.gram(s, st.nFrames());
            double cScale = meanSquare(cf);
            double sScale = meanSquare(sg);
            try (StyleGraph.Targets targets = g.targets(cf, sg, cScale > 0 ? cScale : 1.0, sScale > 0 ? sScale : 1.0)) {
                double[] mAdam = new double[n];
                double[] vAdam = new double[n];
                double lr = config.learningRate();
                double b1 = 0.9;
                double b2 = 0.999;
                for (int it = 0; it <= iters; it++) {
                    StyleGraph.Evaluation e = g.evaluate(x, targets);
                    total[it] = e.total();
                    contentLoss[it] = e.content();
                    styleLoss[it] = e.style();
                    tvLoss[it] = e.tv();
                    if (it == iters) {
                        break;
                    }
                    float[] grad = e.gradient();
                    double c1 = 1 - Math.pow(b1, it + 1);
                    double c2 = 1 - Math.pow(b2, it + 1);
                    for (int i = 0; i < n; i++) {
                        double gi = grad[i];
                        mAdam[i] = b1 * mAdam[i] + (1 - b1) * gi;
                        vAdam[i] = b2 * vAdam[i] + (1 - b2) * gi * gi;
                        x[i] -= (float) (lr * (mAdam[i] / c1) / (Math.sqrt(vAdam[i] / c2) + 1e-8));
                    }
                }
            }
        }
        double[] unit = new double[n];
        for (int k = 0; k < m; k++) {
            for (int f = 0; f < t; f++) {
                unit[k * t + f] = Math.min(1.0, Math.max(0.0, x[f * m + k]));
            }
        }
        SpectrogramImage out = SpectrogramImage.fromUnit(unit, m, t, content.dbMin(), content.dbMax());
        return new Result(out, total, contentLoss, styleLoss, tvLoss);
    }

    private static float[] timeMajor(double[] binMajor, int m, int t) {
        float[] out = new float[m * t];
        for (int k = 0; k < m; k++) {
            for (int f = 0; f < t; f++) {
                out[f * m + k] = (float) binMajor[k * t + f];
            }
        }
        return out;
    }

    private static double meanSquare(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s / v.length;
    }

    /**
     * Computes the Pearson correlation of the per-frame mean dB values of two spectrograms with the same number of
     * frames: how well the stylised spectrogram keeps the content's time structure (frame energies).
     *
     * @param a first spectrogram
     * @param b second spectrogram, with as many frames as {@code a}
     * @return the correlation in [-1, 1] (0 if either is constant over time)
     * @throws IllegalArgumentException if the frame counts differ
     */
    public static double frameEnergyCorrelation(SpectrogramImage a, SpectrogramImage b) {
        if (a.nFrames() != b.nFrames()) {
            throw new IllegalArgumentException("frame counts differ: " + a.nFrames() + " vs " + b.nFrames());
        }
        double[] ea = frameMeans(a);
        double[] eb = frameMeans(b);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < ea.length; i++) {
            ma += ea[i];
            mb += eb[i];
        }
        ma /= ea.length;
        mb /= eb.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ea.length; i++) {
            sab += (ea[i] - ma) * (eb[i] - mb);
            saa += (ea[i] - ma) * (ea[i] - ma);
            sbb += (eb[i] - mb) * (eb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab / Math.sqrt(saa * sbb);
    }

    private static double[] frameMeans(SpectrogramImage s) {
        double[] db = s.db();
        int t = s.nFrames();
        double[] e = new double[t];
        for (int k = 0; k < s.nBins(); k++) {
            for (int f = 0; f < t; f++) {
                e[f] += db[k * t + f];
            }
        }
        for (int f = 0; f < t; f++) {
            e[f] /= s.nBins();
        }
        return e;
    }
}
