package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.audiotag.features.Window;
import org.audiotag.features.io.NpyArray;
import org.audiotag.features.io.NpyFile;
import org.audiotag.features.io.WavWriter;
import org.audiotag.style.GriffinLim;
import org.audiotag.style.MelToAudio;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Inverts a mel power spectrogram to audio ({@code audiotag invert}): reads a .npy in librosa's layout
 * (n_mels, n_frames), inverts it as {@code librosa.feature.inverse.mel_to_audio} (NNLS mel_to_stft, then fast
 * Griffin-Lim) and writes a WAV file.
 */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = "Invert a mel spectrogram (.npy, (n_mels, n_frames), float32/float64) to a WAV file, as "
                + "librosa.feature.inverse.mel_to_audio (NNLS + fast Griffin-Lim).")
final class InvertCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--mel", required = true, description = "Mel spectrogram .npy, shape (n_mels, n_frames).")
    Path mel;

    @Option(names = "--sr", required = true, description = "Sample rate in Hz.")
    int sr;

    @Option(names = "--n-fft", required = true, description = "FFT length.")
    int nFft;

    @Option(names = "--hop-length", required = true, description = "Hop length in samples.")
    int hopLength;

    @Option(names = "--win-length", description = "Window length (default n_fft).")
    int winLength;

    @Option(names = "--window", defaultValue = "hann", description = "Window: hann, hamming, blackman, boxcar.")
    String window;

    @Option(names = "--center", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Centred frames (default true).")
    boolean center;

    @Option(names = "--pad-mode", defaultValue = "constant", description = "constant (librosa >= 0.9) or reflect.")
    String padMode;

    @Option(names = "--power", defaultValue = "2.0", description = "Exponent of the mel spectrogram (default 2).")
    double power;

    @Option(names = "--fmin", defaultValue = "0", description = "Lowest mel frequency in Hz (default 0).")
    double fMin;

    @Option(names = "--fmax", description = "Highest mel frequency in Hz (default sr/2).")
    Double fMax;

    @Mixin
    MelOptions melOptions = new MelOptions();

    @Option(names = "--n-iter", defaultValue = "32", description = "Griffin-Lim iterations (default 32).")
    int nIter;

    @Option(names = "--momentum", defaultValue = "0.99", description = "Fast Griffin-Lim momentum (default 0.99).")
    double momentum;

    @Option(names = "--init", defaultValue = "random", description = "Initial phase: random (seeded) or zero.")
    String init;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random initial phase.")
    long seed;

    @Option(names = "--length", description = "Output length in samples (default hop * (n_frames - 1)).")
    Integer length;

    @Option(names = "--wav-format", defaultValue = "pcm16", description = "pcm16 or float32.")
    String wavFormat;

    @Option(names = "--out", required = true, description = "Output WAV file.")
    Path out;

    /**
     * Reads the mel spectrogram, inverts it and writes the WAV file; prints its length and rate. Returns exit code 0;
     * bad input ends with 2, an unwritable output with 1.
     */
    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        try {
            InputFiles.requireReadableFile(mel);
        } catch (IOException e) {
            throw CliException.cannotRead(mel, e);
        }
        WavWriter.Encoding encoding = switch (wavFormat.toLowerCase(java.util.Locale.ROOT)) {
            case "pcm16" -> WavWriter.Encoding.PCM_16;
            case "float32" -> WavWriter.Encoding.FLOAT_32;
            default -> throw new CliException(2, "--wav-format must be pcm16 or float32, got '" + wavFormat + "'");
        };
        GriffinLim.Init phase = switch (init.toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> GriffinLim.Init.RANDOM;
            case "zero", "none" -> GriffinLim.Init.ZERO;
            default -> throw new CliException(2, "--init must be random or zero, got '" + init + "'");
        };
        NpyArray arr;
        try {
            arr = NpyFile.read(mel);
        } catch (IOException e) {
            throw CliException.cannotRead(mel, e);
        }
        int[] shape = arr.shape();
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw new CliException(2, mel + ": expected a 2-D (n_mels, n_frames) array, got shape "
                    + java.util.Arrays.toString(shape));
        }
        double[] m = arr.toDoubleArray();
        MelToAudio m2a;
        int len;
        try {
            StftConfig stft = StftConfig.builder().nFft(nFft).hopLength(hopLength).winLength(winLength)
                    .window(Window.parse(window)).center(center).padMode(PadMode.parse(padMode)).build();
            if (hopLength < 1) {
                throw new IllegalArgumentException("--hop-length must be >= 1, got " + hopLength);
            }
            MelToAudio.Builder b = MelToAudio.builder().sampleRate(sr).stft(stft).fMin(fMin).htk(melOptions.htk)
                    .norm(melOptions.melNorm()).power(power).nIter(nIter).momentum(momentum).init(phase).seed(seed)
                    // librosa's nnls block: 2^18 bytes / (n_mels * itemsize of M)
                    .blockFrames(Math.max(1, (1 << 18) / (shape[0] * (arr.isFloat64() ? 8 : 4))));
            if (fMax != null) {
                b.fMax(fMax);
            }
            m2a = b.build();
            len = length != null ? length
                    : center ? hopLength * (shape[1] - 1) : nFft + hopLength * (shape[1] - 1);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, e.getMessage(), e);
        }
        MelToAudio.Result r;
        try {
            r = m2a.invert(m, shape[0], shape[1], len);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, mel + ": " + e.getMessage(), e);
        }
        double[] y = r.audio();
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) y[i];
        }
        try {
            WavWriter.write(out, f, sr, encoding);
        } catch (IOException e) {
            throw CliException.cannotWrite(out, e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                "%s: %d samples at %d Hz (%.2f s) from %d mels x %d frames; NNLS iterations %d; spectral convergence "
                        + "%.4f; mel residual %.4f; %.2f s%n",
                out, y.length, sr, y.length / (double) sr, shape[0], shape[1], r.nnlsIterations(),
                r.spectralConvergence(), r.melResidual(), secs);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
