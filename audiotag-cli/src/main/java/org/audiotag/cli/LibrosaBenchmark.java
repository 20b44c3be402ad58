package org.audiotag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code audiotag-benchmarks/python/librosa_logmel.py} (librosa's log-mel on the workload of
 * {@code bench features}, one thread) with a given python command and reads its
 * {@code audio_seconds_per_second} line.
 */
final class LibrosaBenchmark {
    /** The script, relative to the project root. */
    static final String SCRIPT = "audiotag-benchmarks/python/librosa_logmel.py";

    /**
     * Outcome of one run.
     *
     * @param rate audio seconds per second, or 0 when it could not be measured
     * @param problem why not (for the "librosa: ..." line), or null
     */
    record Result(double rate, String problem) {
    }

    private LibrosaBenchmark() {
    }

    /** The project root: the {@code audiotag.root} system property the launcher sets, else the working directory. */
    static Path script() {
        String root = System.getProperty("audiotag.root");
        return Path.of(root == null || root.isBlank() ? "." : root).resolve(SCRIPT);
    }

    /**
     * Runs librosa's side of the log-mel benchmark in a child python process and reads its rate.
     *
     * @param python command line of a python (split on whitespace, e.g. {@code env PYTHONPATH=/x python3})
     * @param clips clips per pass
     * @return the measured rate, or the problem
     */
    static Result run(String python, int clips) {
        Path script = script();
        if (!Files.isRegularFile(script)) {
            return new Result(0, "not importable (benchmark script " + script + " not found)");
        }
        List<String> cmd = new ArrayList<>(List.of(python.trim().split("\\s+")));
        cmd.add(script.toString());
        cmd.add(Integer.toString(clips));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(0, "not importable (python did not finish)");
            }
            for (String line : out.split("\\R")) {
                if (line.startsWith("audio_seconds_per_second ")) {
                    return new Result(Double.parseDouble(line.split("\\s+")[1]), null);
                }
            }
            String last = out.strip();
            int nl = last.lastIndexOf('\n');
            last = nl >= 0 ? last.substring(nl + 1) : last;
            return new Result(0, last.startsWith("librosa: ") ? last.substring("librosa: ".length())
                    : "not importable (" + last + ")");
        } catch (IOException e) {
            return new Result(0, "not importable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "not importable (interrupted)");
        }
    }
}
