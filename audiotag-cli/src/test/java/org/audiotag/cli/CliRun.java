package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One in-process run of the {@code audiotag} command line for the CLI tests: its exit code and what it printed to
 * stdout and stderr; also the project root the tests read shipped data from.
 */
record CliRun(int exit, String out, String err) {

    /** The project root: system property {@code audiotag.root} (set by Surefire), else {@code ..}; absolute. */
    static Path root() {
        String p = System.getProperty("audiotag.root");
        return (p == null || p.isBlank() ? Paths.get("..") : Paths.get(p)).toAbsolutePath().normalize();
    }

    /** Runs {@code audiotag args...} on a fresh command line, capturing stdout and stderr of this run only. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = execute(out, err, args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Runs {@code audiotag args...} on a fresh command line whose sub-commands the given factory makes. */
    static CliRun run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(factory);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = Main.execute(cl, args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Runs {@code audiotag args...} on a fresh command line, appending stdout and stderr to the given writers. */
    static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return Main.execute(cl, args);
    }

    /** Copies a folder tree (a run or an exported model, with its subfolders) to {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
