package org.audiotag.beam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code audiotag corpus}: feature extraction ({@code corpus features}) and tagging
 * ({@code corpus tag}) of whole corpora on Apache Beam, the DirectRunner inside this JVM by default. Bad arguments
 * and unreadable inputs end with exit code 2, a run that fails after starting with 1, each with one line
 * {@code audiotag: problem} on standard error ({@code -Daudiotag.debug=true} adds the stack trace). Files that fail
 * inside a run do not fail it: they are listed in the dead-letter CSV and counted.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, versionProvider = CorpusMain.Version.class,
        description = "Feature extraction and tagging of whole corpora on Apache Beam (DirectRunner by default).",
        subcommands = {CorpusFeaturesCommand.class, CorpusTagCommand.class, CorpusBenchCommand.class,
            CommandLine.HelpCommand.class})
public final class CorpusMain implements Runnable {

    /** Exit code for bad arguments or unreadable input. */
    public static final int EXIT_USAGE = 2;

    /** Logback's system property naming its configuration (a class-path resource here). */
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli instantiates it). */
    public CorpusMain() {
    }

    /** Prints the usage: {@code audiotag corpus} alone lists its sub-commands. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with the error handling of audiotag.
     *
     * @return the configured picocli command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CorpusMain());
        cl.setCommandName("audiotag corpus");
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(CorpusMain::onBadArguments);
        cl.setExecutionExceptionHandler(CorpusMain::onFailure);
        return cl;
    }

    /**
     * Runs {@code audiotag corpus} with the arguments that follow {@code corpus} and exits with its exit code.
     *
     * @param args command-line arguments after {@code corpus}
     */
    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "org/audiotag/beam/cli/logback-corpus.xml");
        }
        System.exit(execute(args));
    }

    /**
     * Runs {@code audiotag corpus} and returns its exit code (0 done, 1 failed run, 2 bad arguments or input).
     *
     * @param args command-line arguments after {@code corpus}
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return report(cl.getErr(), e, "out of memory (" + e.getMessage() + "); give Java more heap, e.g. "
                    + "AUDIOTAG_JAVA_OPTS=-Xmx12g", 1);
        } catch (LinkageError e) {
            return report(cl.getErr(), e, "cannot load a class or native library (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", 1);
        }
    }

    private static int report(PrintWriter err, Throwable e, String msg, int code) {
        err.println("audiotag: " + oneLine(msg));
        if (Boolean.getBoolean("audiotag.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("audiotag: " + oneLine(e.getMessage()) + " (see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String msg;
        int code = EXIT_USAGE;
        if (e instanceof CorpusException ce) {
            msg = ce.getMessage();
            code = ce.exitCode();
        } else if (e instanceof IOException io) {
            msg = InputFiles.describe(io);
        } else if (e instanceof UncheckedIOException u) {
            msg = InputFiles.describe(u.getCause());
        } else {
            msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return report(cl.getErr(), e, msg, code);
    }

    /** The version {@code --version} prints: that of the audiotag build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"audiotag " + org.audiotag.toolkit.Version.get()};
        }
    }

    /** A message on one line: line breaks and tabs become spaces, other control characters a question mark. */
    static String oneLine(String msg) {
        if (msg == null) {
            return "";
        }
        return msg.replaceAll("\\s*[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+\\s*", " ")
                .replaceAll("\\p{Cntrl}", "?").strip();
    }
}
