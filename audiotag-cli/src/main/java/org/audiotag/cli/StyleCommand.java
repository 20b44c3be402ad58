package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.WavWriter;
import org.audiotag.style.ColorMap;
import org.audiotag.style.FeedForwardStylizer;
import org.audiotag.style.MelToAudio;
import org.audiotag.style.SpectrogramImage;
import org.audiotag.style.StyleTransfer;
import org.audiotag.style.StyleTransferConfig;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Transfers the style of a picture or of another sound onto a sound ({@code audiotag style}): optimisation-based
 * style transfer (Gatys) of the sound's log-mel spectrogram towards the other's texture, then inversion to audio
 * (NNLS + fast Griffin-Lim, librosa's mel_to_audio; docs/ORIGINAL-PROJECT.md §7).
 */
@Command(name = "style", mixinStandardHelpOptions = true,
        description = "Stylise a sound's log-mel with a picture (PNG/JPEG) or another sound, then invert it to a WAV "
                + "file (random shallow conv net, content + Gram style + TV loss, Adam; NNLS + Griffin-Lim).")
final class StyleCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", required = true, description = "Content audio (WAV/OGG/FLAC).")
    Path content;

    @Option(names = "--style", required = true, description = "Style picture (.png/.jpg/.jpeg/.bmp/.gif) or audio.")
    Path style;

    @Option(names = "--out", required = true, description = "Output WAV file.")
    Path out;

    @Option(names = "--image", description = "Also write the stylised log-mel as a PNG (dB range stored).")
    Path image;

    @Option(names = "--colormap", defaultValue = "viridis", description = "PNG colour map: viridis or grey.")
    String colormap;

    @Option(names = "--iterations", defaultValue = "300",
            description = "Adam iterations on the spectrogram, or training steps with --method feed-forward (300).")
    int iterations;

    @Option(names = "--method", defaultValue = "optimise",
            description = "optimise (Gatys, default) or feed-forward (train a Johnson-style stylizer on crops of the "
                    + "content for --iterations steps, then stylise in one pass).")
    String method;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random network, init and phases.")
    long seed;

    @Option(names = "--learning-rate", defaultValue = "0.02", description = "Adam learning rate (default 0.02).")
    double learningRate;

    @Option(names = "--content-weight", defaultValue = "1", description = "Content loss weight (default 1).")
    double contentWeight;

    @Option(names = "--style-weight", defaultValue = "10", description = "Style loss weight (default 10).")
    double styleWeight;

    @Option(names = "--tv-weight", defaultValue = "0.1", description = "Total-variation weight (default 0.1).")
    double tvWeight;

    @Option(names = "--filters", defaultValue = "512", description = "Random conv filters (default 512).")
    int filters;

    @Option(names = "--sr", defaultValue = "22050", description = "Sample rate in Hz (default 22050).")
    int sr;

    @Option(names = "--n-fft", defaultValue = "2048", description = "FFT length (default 2048).")
    int nFft;

    @Option(names = "--hop-length", defaultValue = "512", description = "Hop length (default 512).")
    int hopLength;

    @Option(names = "--n-mels", defaultValue = "128", description = "Mel bands (default 128).")
    int nMels;

    @Option(names = "--n-iter", defaultValue = "32", description = "Griffin-Lim iterations (default 32).")
    int nIter;

    /**
     * Runs the style transfer, writes the stylised audio (and, with --image, the stylised log-mel as a PNG) and
     * prints a one-line summary. Returns exit code 0; bad input ends with 2, an unwritable output with 1.
     */
    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        StyleTransferConfig cfg;
        MelSpectrogram melSpec;
        ColorMap map;
        try {
            cfg = StyleTransferConfig.builder().iterations(iterations).seed(seed).learningRate(learningRate)
                    .contentWeight(contentWeight).styleWeight(styleWeight).tvWeight(tvWeight).filters(filters).build();
            StftConfig stft = StftConfig.builder().nFft(nFft).hopLength(hopLength).build();
            melSpec = MelSpectrogram.builder().sampleRate(sr).stft(stft).nMels(nMels).build();
            map = ColorMap.parse(colormap);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, e.getMessage(), e);
        }
        double[] y = loadAudio(content);
        SpectrogramImage c = logMel(melSpec, y, content);
        SpectrogramImage s = isPicture(style) ? readPicture(style) : logMel(melSpec, loadAudio(style), style);
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("optimise") && !m.equals("optimize") && !m.equals("feed-forward")) {
            throw new CliException(2, "--method must be optimise or feed-forward, got '" + method + "'");
        }
        SpectrogramImage img;
        String lossLine;
        if (m.equals("feed-forward")) {
            if (nMels % 4 != 0) {
                throw new CliException(2, "--method feed-forward needs --n-mels divisible by 4, got " + nMels);
            }
            int crop = Math.min(64, c.nFrames() / 4 * 4);
            if (crop < 4) {
                throw new CliException(2, content + ": too short for --method feed-forward (" + c.nFrames()
                        + " frames)");
            }
            try (FeedForwardStylizer ff = FeedForwardStylizer.train(java.util.List.of(c), s, cfg,
                    new int[] {16, 32, 64}, 3, crop, 4)) {
                img = ff.stylise(c);
                double[] lt = ff.lossTrace();
                lossLine = lt.length == 0 ? "no training steps" : String.format(Locale.ROOT,
                        "training loss %.4f -> %.4f", lt[0], lt[lt.length - 1]);
            } catch (IllegalArgumentException e) {
                throw new CliException(2, content + ": " + e.getMessage(), e);
            }
        } else {
            StyleTransfer.Result r;
            try {
                r = new StyleTransfer(cfg).transfer(c, s);
            } catch (IllegalArgumentException e) {
                throw new CliException(2, content + ": " + e.getMessage(), e);
            }
            img = r.image();
            int n = r.styleLoss().length - 1;
            lossLine = String.format(Locale.ROOT, "style loss %.4f -> %.4f, content loss %.4f", r.styleLoss()[0],
                    r.styleLoss()[n], r.contentLoss()[n]);
        }
        if (image != null) {
            try {
                img.write(image, map, 8);
            } catch (IOException e) {
                throw CliException.cannotWrite(image, e);
            }
        }
        MelToAudio m2a = MelToAudio.builder().mel(melSpec.config()).nIter(nIter).seed(seed).build();
        MelToAudio.Result audio = m2a.invertDb(img, y.length);
        float[] f = new float[audio.audio().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) audio.audio()[i];
        }
        try {
            WavWriter.write(out, f, sr, WavWriter.Encoding.PCM_16);
        } catch (IOException e) {
            throw CliException.cannotWrite(out, e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.2f s at %d Hz; %s; frame-energy correlation with "
                        + "the content %.3f; spectral convergence %.4f; %.1f s%n",
                out, f.length / (double) sr, sr, lossLine, StyleTransfer.frameEnergyCorrelation(c, img),
                audio.spectralConvergence(), (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static boolean isPicture(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".gif");
    }

    private static SpectrogramImage readPicture(Path p) {
        try {
            InputFiles.requireReadableFile(p);
            return SpectrogramImage.read(p);
        } catch (IOException e) {
            throw CliException.cannotRead(p, e);
        }
    }

    private double[] loadAudio(Path p) {
        try {
            InputFiles.requireReadableFile(p);
            double[] y = AudioLoader.builder().sr(sr).build().load(p).samplesAsDouble();
            if (y.length < 2 * hopLength) {
                throw new CliException(2, p + ": too short (" + y.length + " samples at " + sr + " Hz)");
            }
            return y;
        } catch (IOException e) {
            throw CliException.cannotRead(p, e);
        } catch (IllegalArgumentException e) { // e.g. too few samples to resample
            throw CliException.badInput(p, e);
        }
    }

    private static SpectrogramImage logMel(MelSpectrogram ms, double[] y, Path source) {
        DoubleMatrix db = Decibels.powerToDb(ms.compute(y), DbRef.ONE, Decibels.DEFAULT_AMIN_POWER,
                Decibels.DEFAULT_TOP_DB);
        double[] v = db.toArray();
        SpectrogramImage img = SpectrogramImage.of(v, db.rows(), db.cols());
        if (img.dbMax() - img.dbMin() == 0) {
            throw new CliException(2, source + ": silent (constant spectrogram), nothing to stylise");
        }
        return img;
    }
}
