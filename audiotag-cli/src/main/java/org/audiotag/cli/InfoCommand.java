package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.audiotag.features.io.AudioDecoder;
import org.audiotag.features.io.DecodedAudio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Describes audio files ({@code audiotag info FILE...}): decodes each file and prints one line: detected format,
 * channels, sample rate, frames, duration, peak and RMS (over all channels, dBFS). Unreadable files print
 * {@code audiotag: <file>: <problem>} on standard error, the others are still listed, and the exit code is then 2.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Decode audio files (WAV, FLAC, Ogg Vorbis) and print format, channels, rate, length, "
                + "peak and RMS.")
final class InfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (format detected by content).")
    List<Path> files;

    /**
     * Prints one line per readable file and one error line per unreadable one. Returns exit code 0, or 2 if any file
     * could not be read.
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int rc = 0;
        for (Path f : files) {
            try {
                AudioDecoder.Format format = AudioDecoder.detect(f);
                DecodedAudio a = AudioDecoder.decode(f);
                double peak = 0;
                double ss = 0;
                for (int c = 0; c < a.channels(); c++) {
                    for (int i = 0; i < a.frames(); i++) {
                        double v = a.sample(c, i);
                        peak = Math.max(peak, Math.abs(v));
                        ss += v * v;
                    }
                }
                long n = (long) a.channels() * a.frames();
                double rms = n == 0 ? 0 : Math.sqrt(ss / n);
                out.printf(Locale.ROOT, "%s\t%s\t%d ch\t%d Hz\t%d frames\t%.3f s\tpeak %.1f dBFS\tRMS %.1f dBFS%n",
                        f, format, a.channels(), a.sampleRate(), a.frames(), a.durationSeconds(), db(peak), db(rms));
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                err.println("audiotag: " + (msg.startsWith(f.toString()) ? msg : f + ": " + msg));
                rc = Main.EXIT_USAGE;
            }
        }
        out.flush();
        err.flush();
        return rc;
    }

    private static double db(double v) {
        return v > 0 ? 20 * Math.log10(v) : Double.NEGATIVE_INFINITY;
    }
}
