package org.audiotag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.audiotag.models.DetectedEvent;
import org.audiotag.models.EventDetector;
import org.audiotag.models.PcmEncoding;
import org.audiotag.models.StreamingTagger;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Detects sound events in a live stream of raw PCM
 * ({@code audiotag listen --model DIR --sr N --format s16le|f32le [--channels C] [--input FILE | --mic] [--header]}):
 * reads interleaved little-endian samples from standard input (or a file, or the default capture device through
 * javax.sound), and prints one line per event as soon as it closes, {@code onset offset label confidence}
 * (tab-separated; seconds from the stream's start with three decimals), flushed at once; {@code --header} prints
 * {@code onset offset label confidence} first. The end of input closes the events still open.
 *
 * <p>A stream at another rate than the model's is resampled exactly as offline detection would (kaiser_best), which
 * is said once on standard error. A stream that ends inside a frame (a cut mid-sample) is not an error: the
 * incomplete frame's bytes are dropped with a warning on standard error. A non-finite float sample ends the run with
 * exit code 2 and a line naming its frame. Memory is constant whatever the stream's length.
 *
 * <p>{@code --mic} records 16-bit PCM from the default capture device until {@code --duration} seconds have been
 * heard or the process is interrupted. {@code --duration} applies to every source: reading stops after that many
 * seconds of audio. Whatever ends the run (the end of input, {@code --duration}, Ctrl-C or SIGTERM), the events still
 * open are closed and printed before the process ends.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Detect sound events in raw PCM from standard input (or --input, --mic); print each event as "
                + "it closes: onset, offset, label, confidence.")
final class ListenCommand implements Callable<Integer> {

    /** Bytes read per call: 1024 s16le samples, a few hundredths of a second, so events are printed promptly. */
    private static final int READ_BYTES = 2048;

    private final CaptureDevice capture;

    /** The command as the command line builds it: {@code --mic} records from javax.sound's default device. */
    ListenCommand() {
        this(CaptureDevice.system());
    }

    /** The command recording {@code --mic} from the given device. */
    ListenCommand(CaptureDevice capture) {
        this.capture = capture;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Exported model (RUN_DIR/model); "
            + "repeat it to average the probabilities of several models with the same tags and features.")
    List<Path> models;

    @Option(names = "--sr", required = true, paramLabel = "N", description = "The stream's sample rate, Hz.")
    int sampleRate;

    @Option(names = "--format", required = true, paramLabel = "FMT",
            description = "Sample encoding: s16le or f32le (interleaved, little-endian, no header).")
    String format;

    @Option(names = "--channels", defaultValue = "1", paramLabel = "C",
            description = "Interleaved channels, averaged to mono (default: ${DEFAULT-VALUE}).")
    int channels;

    @ArgGroup(exclusive = true)
    Source source;

    /** Where the PCM comes from; standard input when neither is given. */
    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "Read raw PCM from this file, not stdin.")
        Path input;

        @Option(names = "--mic", description = "Record s16le from the default capture device, until --duration or "
                + "Ctrl-C.")
        boolean mic;
    }

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds of audio (any source; "
            + "the events still open are closed). Default: until the input ends or, with --mic, until interrupted.")
    Double duration;

    @Option(names = "--header", description = "Print the header line 'onset offset label confidence' first.")
    boolean header;

    @Mixin
    DetectionOptions detection = new DetectionOptions();

    /** Streams the input through the detector, printing events as they close. Returns 0; bad input ends with 2. */
    @Override
    public Integer call() throws IOException {
        PcmEncoding encoding = encoding();
        if (sampleRate < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sr must be > 0, got " + sampleRate);
        }
        if (channels < 1 || channels > 255) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--channels must be in [1, 255], got "
                    + channels);
        }
        if (duration != null && !(duration > 0 && duration * sampleRate < Long.MAX_VALUE / 1024.0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be a positive number of "
                    + "seconds, got " + duration);
        }
        long budget = duration == null ? Long.MAX_VALUE
                : Math.max(1, Math.round(duration * sampleRate)) * encoding.bytesPerSample() * channels;
        var config = detection.config(spec.commandLine(), models.get(0));
        String name = source != null && source.input != null ? InputFiles.shown(source.input)
                : source != null && source.mic ? "mic" : "stdin";
        if (source != null && source.input != null) {
            try {
                InputFiles.requireReadableFile(source.input);
            } catch (IOException e) {
                throw CliException.cannotRead(source.input, e);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DetectionModels loaded = DetectionModels.load(models)) {
            EventDetector detector = loaded.detector(spec.commandLine(), config);
            StreamingTagger live;
            try {
                live = StreamingTagger.ofPcm(detector, sampleRate, encoding, channels, e -> print(o, e));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (live.resampling()) {
                err.printf(Locale.ROOT, "audiotag: %s: resampling %d Hz to the model's %d Hz%n", name, sampleRate,
                        detector.sampleRate());
                err.flush();
            }
            if (header) {
                o.println("onset\toffset\tlabel\tconfidence");
                o.flush();
            }
            try {
                if (source != null && source.mic) {
                    record(live, budget, o);
                } else if (source != null && source.input != null) {
                    try (InputStream in = Files.newInputStream(source.input)) {
                        stream((b, len) -> in.read(b, 0, len), live, budget, o);
                    }
                } else {
                    stream((b, len) -> System.in.read(b, 0, len), live, budget, o);
                }
            } catch (IllegalArgumentException e) {
                throw new CliException(Main.EXIT_USAGE, name + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new CliException(Main.EXIT_USAGE, name + ": cannot read: " + InputFiles.describe(e), e);
            }
            if (live.droppedBytes() > 0) {
                int frame = encoding.bytesPerSample() * channels;
                err.printf(Locale.ROOT, "audiotag: %s: the stream ends inside a frame: %d trailing byte%s dropped "
                        + "(%s, %d channel%s = %d bytes per frame)%n", name, live.droppedBytes(),
                        live.droppedBytes() == 1 ? "" : "s", encoding.name().toLowerCase(Locale.ROOT), channels,
                        channels == 1 ? "" : "s", frame);
                err.flush();
            }
        }
        o.flush();
        return 0;
    }

    private PcmEncoding encoding() {
        if (source != null && source.mic && !"s16le".equals(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mic records s16le; got --format "
                    + format);
        }
        return switch (format) {
            case "s16le" -> PcmEncoding.S16LE;
            case "f32le" -> PcmEncoding.F32LE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--format: '" + format
                    + "' is not a supported PCM format; allowed: s16le, f32le");
        };
    }

    private static void print(PrintWriter o, DetectedEvent e) {
        o.printf(Locale.ROOT, "%.3f\t%.3f\t%s\t%.3f%n", e.onset(), e.offset(), e.label(), e.confidence());
        o.flush();
    }

    /**
     * Records from the capture device (s16le) until {@code budget} bytes have been heard, the line is closed (the
     * device went away), or the process is interrupted.
     */
    private void record(StreamingTagger live, long budget, PrintWriter o) throws IOException {
        AudioFormat f = new AudioFormat(sampleRate, 16, channels, true, false);
        TargetDataLine line;
        try {
            line = capture.open(f);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            // javax.sound's "No line matching ... supporting format F is supported" repeats the format: said once
            String why = e.getMessage() == null || e.getMessage().contains(f.toString())
                    ? "no capture device supports it" : e.getMessage();
            throw new CliException(Main.EXIT_USAGE, "mic: cannot record " + f + ": " + why, e);
        }
        try {
            line.start();
            stream((b, len) -> {
                int n = line.isOpen() ? line.read(b, 0, len) : 0;
                return n == 0 && !line.isOpen() ? -1 : n;
            }, live, budget, o);
            line.stop();
        } finally {
            line.close();
        }
    }

    /**
     * Feeds the source to the detector ({@link PcmPump}) until it ends or {@code budget} bytes have been read, then
     * closes the open events. If the process is interrupted meanwhile (Ctrl-C, SIGTERM), a shutdown hook closes and
     * prints the open events instead, so that the last sound is not lost.
     */
    private void stream(PcmPump.PcmSource in, StreamingTagger live, long budget, PrintWriter o) throws IOException {
        // whole s16le frames per read, as a capture line requires
        PcmPump pump = new PcmPump(live, READ_BYTES * channels, o::flush);
        Thread onInterrupt = new Thread(pump::interrupt, "audiotag-listen-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            pump.run(in, budget);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it found the events closed, or closed them itself
            }
        }
    }
}
