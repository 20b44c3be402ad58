package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.Decibels;
import org.audiotag.features.DoubleMatrix;
import org.audiotag.features.LibrosaFeature;
import org.audiotag.features.PadMode;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.NpyFile;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Computes a librosa feature of an audio file ({@code audiotag features --input FILE ... --output OUT.npy}) in
 * double precision with {@link LibrosaFeature} and writes it as a float32 C-order NumPy file with librosa's shape:
 * {@code stft} = {@code np.abs(librosa.stft(y)) ** power} {@code (1 + n_fft/2, frames)}, {@code mel} =
 * {@code librosa.feature.melspectrogram} {@code (n_mels, frames)}, {@code logmel} =
 * {@code power_to_db(mel, ref=1.0, amin=1e-10, top_db)}, {@code mfcc} = {@code librosa.feature.mfcc}
 * {@code (n_mfcc, frames)}. The sample rate is the file's own unless {@code --sr} resamples.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute a librosa feature (stft, mel, logmel, mfcc) of an audio file and write it as .npy "
                + "(float32, C order, librosa's shape).")
final class FeaturesCommand implements Callable<Integer> {
    /** Feature kinds. */
    enum Kind { stft, mel, logmel, mfcc }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "WAV, FLAC or Ogg Vorbis (multi-channel is averaged to mono), or raw float32 with --raw-sr.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.npy", description = "Output .npy file.")
    Path output;

    @Option(names = "--sr", paramLabel = "N", description = "Resample to N Hz (default: keep the file's rate).")
    Integer sr;

    @Option(names = "--raw-sr", paramLabel = "N",
            description = "Input is headerless little-endian float32 mono at N Hz.")
    Integer rawSr;

    @Option(names = "--n-fft", defaultValue = "2048", description = "FFT length (default ${DEFAULT-VALUE}).")
    int nFft;

    @Option(names = "--hop-length", paramLabel = "N", description = "Hop in samples (default n_fft/4).")
    Integer hopLength;

    @Option(names = "--n-mels", defaultValue = "128", description = "Mel bands (default ${DEFAULT-VALUE}).")
    int nMels;

    @Option(names = "--fmin", defaultValue = "0", description = "Lowest mel edge in Hz (default ${DEFAULT-VALUE}).")
    double fMin;

    @Option(names = "--fmax", paramLabel = "F", description = "Highest mel edge in Hz (default sr/2).")
    Double fMax;

    @Option(names = "--power", paramLabel = "P",
            description = "Magnitude exponent (default 2 for mel/logmel/mfcc, 1 for stft).")
    Double power;

    @CommandLine.Mixin
    MelOptions melOptions = new MelOptions();

    @Option(names = "--pad-mode", defaultValue = "constant", description = "STFT padding: constant or reflect.")
    String padMode;

    @Option(names = "--kind", defaultValue = "logmel", description = "stft, mel, logmel or mfcc (default "
            + "${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = "--n-mfcc", defaultValue = "20", description = "MFCC count (default ${DEFAULT-VALUE}).")
    int nMfcc;

    @Option(names = "--top-db", defaultValue = "80", paramLabel = "X",
            description = "power_to_db top_db for logmel/mfcc, or 'none' (default ${DEFAULT-VALUE}).")
    String topDb;

    /**
     * Computes the requested feature and writes it as .npy; prints its kind, shape and sample rate. Returns exit code
     * 0; unreadable input ends with 2, an unwritable output with 1.
     */
    @Override
    public Integer call() {
        double top;
        StftConfig stftConfig;
        try {
            top = topDb.equalsIgnoreCase("none") ? Decibels.NO_TOP_DB : Double.parseDouble(topDb);
            if (!(top >= 0)) {
                throw new IllegalArgumentException("--top-db must be >= 0 or none, got " + topDb);
            }
            StftConfig.Builder sb = StftConfig.builder().nFft(nFft).padMode(PadMode.parse(padMode));
            if (hopLength != null) {
                if (hopLength < 1) {
                    throw new IllegalArgumentException("--hop-length must be >= 1, got " + hopLength);
                }
                sb.hopLength(hopLength);
            }
            stftConfig = sb.build();
            if (sr != null && sr < 1) {
                throw new IllegalArgumentException("--sr must be >= 1, got " + sr);
            }
            if (rawSr != null && rawSr < 1) {
                throw new IllegalArgumentException("--raw-sr must be >= 1, got " + rawSr);
            }
            melOptions.melNorm();
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top-db must be a number or none, got '"
                    + topDb + "'");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AudioClip clip = load();
        DoubleMatrix out;
        try {
            out = LibrosaFeature.builder().kind(LibrosaFeature.Kind.parse(kind.name())).stft(stftConfig)
                    .nMels(nMels).fMin(fMin).fMax(fMax == null ? Double.NaN : fMax).htk(melOptions.htk)
                    .norm(melOptions.melNorm()).power(power == null ? Double.NaN : power).topDb(top).nMfcc(nMfcc)
                    .build().compute(clip.samplesAsDouble(), clip.sampleRate());
        } catch (IllegalArgumentException e) {
            throw new CliException(Main.EXIT_USAGE, input + ": " + e.getMessage(), e);
        }
        try {
            NpyFile.write(output, out.toFloat().toArray(), out.rows(), out.cols());
        } catch (IOException e) {
            throw CliException.cannotWrite(output, e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s %s (%d, %d) sr=%d -> %s%n", kind, input.getFileName(),
                out.rows(), out.cols(), clip.sampleRate(), output);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private AudioClip load() {
        try {
            InputFiles.requireReadableFile(input);
            AudioLoader loader = sr == null ? AudioLoader.nativeRate() : AudioLoader.atRate(sr);
            AudioClip clip = rawSr != null ? loader.loadRawFloat32(input, rawSr, 1) : loader.load(input);
            if (clip.length() == 0) {
                throw new CliException(Main.EXIT_USAGE, input + ": no audio samples");
            }
            return clip;
        } catch (AudioFormatException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CliException(Main.EXIT_USAGE, input + ": no such file", e);
        } catch (IOException e) {
            throw CliException.cannotRead(input, e);
        } catch (IllegalArgumentException e) {
            throw new CliException(Main.EXIT_USAGE, input + ": " + e.getMessage(), e);
        }
    }
}
