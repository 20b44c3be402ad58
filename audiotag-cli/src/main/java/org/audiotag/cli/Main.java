package org.audiotag.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code audiotag} command line. Each sub-command is a class of its own in this package and is
 * listed in {@link #SUBCOMMANDS}; bad arguments and unreadable input end with exit code 2 and a one-line message.
 */
@Command(name = "audiotag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multi-label audio tagging: librosa-exact features, augmentation, models, training, evaluation.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad arguments or unreadable input. */
    public static final int EXIT_USAGE = 2;

    /** The sub-commands, in the order {@code --help} lists them. */
    static final Class<?>[] SUBCOMMANDS = {
        BenchCommand.class,
        AugmentCommand.class,
        EvaluateCommand.class,
        ModelsCommand.class,
        FeaturesCommand.class,
        ConvertCommand.class,
        InfoCommand.class,
        InvertCommand.class,
        StyleCommand.class,
        DemoCommand.class,
        TrainCommand.class,
        TagCommand.class,
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
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
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
        System.exit(commandLine().execute(args));
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("audiotag: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("audiotag: " + msg.replace('\n', ' '));
        err.flush();
        if (Boolean.getBoolean("audiotag.debug")) {
            e.printStackTrace(err);
        }
        return e instanceof CliException ce ? ce.exitCode() : EXIT_USAGE;
    }
}
