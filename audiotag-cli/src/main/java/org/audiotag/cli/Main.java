package org.audiotag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.audiotag.toolkit.InputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code audiotag} command line. Each sub-command is a class of its own in this package and is
 * listed in {@link #SUBCOMMANDS}; bad arguments and unreadable input end with exit code 2 and a one-line message.
 *
 * <p>Every failure is reported as one line on standard error, {@code audiotag: FILE[:LINE]: problem}, without a
 * stack trace (set {@code -Daudiotag.debug=true} to get one): line breaks in a message become spaces, other control
 * characters a question mark, a word longer than 160 characters (a runaway CSV field, a binary file read as a path)
 * is cut to its first 60 and last 20 characters around "…", and the line is cut after {@value #MESSAGE_LIMIT}
 * characters.
 */
@Command(name = "audiotag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multi-label audio tagging: librosa-exact features, augmentation, models, training, evaluation.",
        // 'corpus' lives in audiotag-beam, which runs on the class path: the launcher script dispatches it there
        footer = {"", "Whole corpora on Apache Beam: 'audiotag corpus features|tag|bench', run by the launcher "
                + "script on the class path ('audiotag corpus --help')."},
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad arguments or unreadable input. */
    public static final int EXIT_USAGE = 2;

    /** Longest message, in characters, printed after {@code "audiotag: "}. */
    static final int MESSAGE_LIMIT = 600;

    /** The sub-commands, in the order {@code --help} lists them. */
    static final Class<?>[] SUBCOMMANDS = {
        BenchCommand.class,
        AugmentCommand.class,
        EvaluateCommand.class,
        EvaluateEventsCommand.class,
        ModelsCommand.class,
        FeaturesCommand.class,
        ConvertCommand.class,
        InfoCommand.class,
        InvertCommand.class,
        StyleCommand.class,
        DemoCommand.class,
        TrainCommand.class,
        TagCommand.class,
        DetectCommand.class,
        ListenCommand.class,
        CompareCommand.class,
        SplitCommand.class,
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Prints the usage: {@code audiotag} without a sub-command shows the list of sub-commands.
     */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with every sub-command registered and the error handling of audiotag.
     *
     * @return a configured picocli command line
     */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * Builds the command line with sub-commands made by the given factory (tests hand {@code listen} a capture
     * device of their own this way).
     *
     * @param factory makes the sub-commands and their mixins
     * @return a configured picocli command line
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new Main(), factory);
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        // enum options take any case (--aggregation mean, --schedule COSINE), as their help lists them in capitals
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::onBadArguments);
        cl.setExecutionExceptionHandler(Main::onFailure);
        return cl;
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs a command line built by {@link #commandLine()}, also reporting the errors picocli lets through (running
     * out of memory or stack, a native library that cannot be loaded) as one line, with exit code 1.
     *
     * @param cl the command line
     * @param args command-line arguments
     * @return the exit code
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return report(cl.getErr(), e, "out of memory (" + e.getMessage() + "); give Java more heap, e.g. "
                    + "AUDIOTAG_JAVA_OPTS=-Xmx12g");
        } catch (StackOverflowError e) {
            return report(cl.getErr(), e, "stack overflow; please report this input as a bug");
        } catch (LinkageError e) {
            return report(cl.getErr(), e, "cannot load a class or native library (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
    }

    private static int report(PrintWriter err, Throwable e, String msg) {
        err.println("audiotag: " + oneLine(msg));
        if (Boolean.getBoolean("audiotag.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("audiotag: " + oneLine(e.getMessage()) + " (see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String msg;
        if (e instanceof CliException) {
            msg = e.getMessage();
        } else if (e instanceof IOException io) {
            msg = InputFiles.describe(io); // an AccessDeniedException's own message is the bare path
        } else if (e instanceof UncheckedIOException u) {
            msg = InputFiles.describe(u.getCause());
        } else {
            msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        err.println("audiotag: " + oneLine(msg));
        err.flush();
        if (Boolean.getBoolean("audiotag.debug")) {
            e.printStackTrace(err);
        }
        return e instanceof CliException ce ? ce.exitCode() : EXIT_USAGE;
    }

    /**
     * A message as one line: line breaks and tabs (with the white space around them) become one space, other control
     * characters (NUL, ESC) a question mark, words longer than 160 characters are cut by the toolkit's
     * {@code InputFiles.shown}, and the whole is cut after {@value #MESSAGE_LIMIT} characters.
     */
    static String oneLine(String msg) {
        if (msg == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String flat = msg.replaceAll("\\s*[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+\\s*", " ")
                .replaceAll("\\p{Cntrl}", "?").strip(); // NUL, ESC (terminal escapes) from a hostile file
        for (String word : flat.split(" ", -1)) {
            if (sb.length() > MESSAGE_LIMIT) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(InputFiles.shown(word));
        }
        if (sb.codePointCount(0, sb.length()) > MESSAGE_LIMIT) {
            sb.setLength(sb.offsetByCodePoints(0, MESSAGE_LIMIT));
            sb.append('…');
        }
        return sb.toString();
    }
}
