package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.ResampleType;
import org.audiotag.features.Resampler;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.AudioFormatException;
import org.audiotag.features.io.DecodedAudio;
import org.audiotag.features.io.NpyFile;
import org.audiotag.features.io.WavWriter;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Converts an audio file to WAV or NumPy ({@code audiotag convert --input FILE --output OUT.wav|OUT.npy}): decodes WAV,
 * FLAC, Ogg Vorbis (detected by content) or raw float32, optionally cuts {@code --offset}/{@code --duration}, averages
 * to mono ({@code --mono}, as {@code librosa.to_mono}) and resamples ({@code --sr}, {@code --res-type}, as
 * {@code librosa.resample}), then writes a WAV file ({@code --encoding pcm16} or {@code float32}, ...) or a float32
 * .npy array of shape {@code (n,)} for mono or {@code (channels, n)} otherwise ({@code librosa.load(mono=False)}'s
 * layout). Output is written atomically.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Decode an audio file (WAV, FLAC, Ogg Vorbis or raw float32), optionally down-mix and "
                + "resample it, and write it as WAV or .npy.")
final class ConvertCommand implements Callable<Integer> {

    /** WAV sample encodings offered on the command line. */
    enum Encoding {
        pcm16(WavWriter.Encoding.PCM_16), pcm24(WavWriter.Encoding.PCM_24), pcm32(WavWriter.Encoding.PCM_32),
        pcmu8(WavWriter.Encoding.PCM_U8), float32(WavWriter.Encoding.FLOAT_32), float64(WavWriter.Encoding.FLOAT_64);

        final WavWriter.Encoding wav;

        Encoding(WavWriter.Encoding wav) {
            this.wav = wav;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "WAV, FLAC or Ogg Vorbis (format detected by content), or raw float32 with --raw-sr.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT",
            description = "Output file: .wav or .npy (float32, (n,) mono or (channels, n)).")
    Path output;

    @Option(names = "--sr", paramLabel = "N", description = "Resample to N Hz (default: keep the file's rate).")
    Integer sr;

    @Option(names = "--res-type", defaultValue = "kaiser_best", paramLabel = "T",
            description = "Resampler: kaiser_best, kaiser_fast, polyphase or fft (default ${DEFAULT-VALUE}).")
    String resType;

    @Option(names = "--mono", description = "Average the channels to mono (librosa.to_mono).")
    boolean mono;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "S",
            description = "Start this many seconds into the file (default ${DEFAULT-VALUE}).")
    double offset;

    @Option(names = "--duration", paramLabel = "S", description = "Keep at most S seconds (default: to the end).")
    Double duration;

    @Option(names = "--encoding", defaultValue = "pcm16", paramLabel = "E",
            description = "WAV encoding: pcm16 (clipped to [-1, 1)), pcm24, pcm32, pcmu8, float32, float64 "
                    + "(default ${DEFAULT-VALUE}).")
    Encoding encoding;

    @Option(names = "--raw-sr", paramLabel = "N",
            description = "Input is headerless little-endian float32 at N Hz.")
    Integer rawSr;

    @Option(names = "--raw-channels", defaultValue = "1", paramLabel = "C",
            description = "Interleaved channels of the raw input (default ${DEFAULT-VALUE}).")
    int rawChannels;

    /**
     * Decodes, cuts, downmixes and resamples the input and writes the output; prints one line describing both. Returns
     * exit code 0; unreadable input ends with 2, an unwritable output with 1.
     */
    @Override
    public Integer call() {
        ResampleType type;
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean npy = name.endsWith(".npy");
        try {
            type = ResampleType.fromLibrosaName(resType);
            if (sr != null && sr < 1) {
                throw new IllegalArgumentException("--sr must be >= 1, got " + sr);
            }
            if (rawSr != null && rawSr < 1) {
                throw new IllegalArgumentException("--raw-sr must be >= 1, got " + rawSr);
            }
            if (rawChannels < 1) {
                throw new IllegalArgumentException("--raw-channels must be >= 1, got " + rawChannels);
            }
            if (!(offset >= 0) || Double.isInfinite(offset)) {
                throw new IllegalArgumentException("--offset must be a finite number >= 0, got " + offset);
            }
            if (duration != null && (!(duration > 0) || duration.isInfinite())) {
                throw new IllegalArgumentException("--duration must be a finite number > 0, got " + duration);
            }
            if (!npy && !name.endsWith(".wav")) {
                throw new IllegalArgumentException("--output must end in .wav or .npy, got " + output);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DecodedAudio audio = decode();
        int nativeSr = audio.sampleRate();
        float[][] channels = mono ? new float[][] {audio.toMono()} : audio.toArray();
        int start = (int) Math.min(audio.frames(), (long) Math.floor(offset * nativeSr));
        int end = duration == null ? audio.frames()
                : (int) Math.min(audio.frames(), start + (long) Math.floor(duration * nativeSr));
        int outSr = sr == null ? nativeSr : sr;
        for (int c = 0; c < channels.length; c++) {
            float[] ch = Arrays.copyOfRange(channels[c], start, end);
            try {
                channels[c] = Resampler.resample(ch, nativeSr, outSr, type);
            } catch (IllegalArgumentException e) {
                throw new CliException(Main.EXIT_USAGE, input + ": " + e.getMessage(), e);
            }
        }
        int frames = channels[0].length;
        try {
            if (npy) {
                float[] flat = new float[channels.length * frames];
                for (int c = 0; c < channels.length; c++) {
                    System.arraycopy(channels[c], 0, flat, c * frames, frames);
                }
                if (channels.length == 1) {
                    NpyFile.write(output, flat, frames);
                } else {
                    NpyFile.write(output, flat, channels.length, frames);
                }
            } else {
                WavWriter.write(output, channels, outSr, encoding.wav);
            }
        } catch (IOException e) {
            throw CliException.cannotWrite(output, e);
        } catch (IllegalArgumentException e) { // e.g. more channels than a WAV file can hold
            throw CliException.badInput(output, e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %d ch, %d Hz, %d frames -> %s: %d ch, %d Hz, %d frames%s%n",
                input.getFileName(), audio.channels(), nativeSr, audio.frames(), output, channels.length, outSr,
                frames, npy ? " (float32 .npy)" : " (" + encoding + " WAV)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private DecodedAudio decode() {
        try {
            InputFiles.requireReadableFile(input);
            return rawSr != null ? AudioDecoder.decodeRawFloat32(input, rawSr, rawChannels)
                    : AudioDecoder.decode(input);
        } catch (AudioFormatException e) {
            throw new CliException(Main.EXIT_USAGE, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CliException(Main.EXIT_USAGE, InputFiles.shown(input) + ": no such file", e);
        } catch (IOException e) {
            throw CliException.cannotRead(input, e);
        } catch (IllegalArgumentException e) { // a decoded stream the audio classes reject, e.g. 0 channels
            throw CliException.badInput(input, e);
        }
    }
}
