package org.hazefuse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code hazefuse} command: headless subcommands over core-model.
 *
 * <p>Exit codes (also in {@link ExitCodes}): 0 success, 2 bad input (a file or an option the user can fix; the
 * message names it, no stack trace), 1 internal error (a short message; the stack trace with {@code --verbose}).
 * Each subcommand maps its own exceptions ({@link HeadlessCommand}), so the codes hold however the command line
 * is constructed, including {@code new CommandLine(new HazeFuseCli())} in tests.
 *
 * <p>To add a subcommand, add its class to the list below (one line each).
 */
@Command(name = "hazefuse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Infrared-assisted dehazing and infrared-visible fusion (IASSF).%n"
                // The launcher sets hazefuse.command to what the user typed: the installed "hazefuse" command,
                // or "java -jar hazefuse.jar" from a build (the default when nothing set it, e.g. in tests).
                + "Without arguments, ${sys:hazefuse.command:-java -jar hazefuse.jar} starts the desktop app.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (details with --verbose)",
            "2:bad input: a file or option to fix (the message names it); nothing was written;",
            "  or the disk refused a write (full, read-only): no partial output set is left",
            "130/143:train stopped by Ctrl-C/SIGTERM after saving its checkpoint (--resume continues)"},
        subcommands = {
            FuseCommand.class,
            SynthHazeCommand.class,
            SynthDegradeCommand.class,
            InfoCommand.class,
            ImportWeightsCommand.class,
            BenchCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            PlotTrainingCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class HazeFuseCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new HazeFuseCli()).execute(args);
    }

    /** {@code hazefuse} with options but no subcommand: show what there is to do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    boolean verbose() {
        return common != null && common.verbose;
    }
}
