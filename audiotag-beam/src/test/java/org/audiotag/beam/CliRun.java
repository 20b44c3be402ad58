package org.audiotag.beam;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.audiotag.beam.cli.CorpusMain;
import picocli.CommandLine;

/** Runs a command line in-process and keeps its exit code, standard output and standard error. */
record CliRun(int exit, String out, String err) {

    /** {@code audiotag corpus ARGS}. */
    static CliRun corpus(String... args) {
        return run(CorpusMain.commandLine(), args);
    }

    /** {@code audiotag ARGS} (the module-path command line's single-file commands). */
    static CliRun audiotag(String... args) {
        return run(org.audiotag.cli.Main.commandLine(), args);
    }

    private static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
