package org.hazefuse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.Remedy;
import org.hazefuse.io.ErrorText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands: runs {@link #execute()} and maps what it throws to an exit code and a message.
 *
 * <p>{@link BadInputException} → {@link ExitCodes#BAD_INPUT} with its message (it names the file and the problem),
 * never a stack trace. picocli's {@link ParameterException} passes through to picocli, which prints it with the
 * usage and returns the same code. An {@link IOException} is the file system refusing (disk full, read-only,
 * permissions): {@link ExitCodes#BAD_INPUT} too, with the file and the system's reason on one line. Anything else is
 * an internal error: a one-line message, and the stack trace only with {@code --verbose}.
 */
abstract class HeadlessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** The command's work; returns an exit code. */
    protected abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (ParameterException e) {
            throw e;
        } catch (BadInputException e) {
            err().println(prefix() + describe(e));
            if (verbose()) {
                e.printStackTrace(err());
            }
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err().println(prefix() + fileOf(e) + ErrorText.reason(e));
            if (verbose()) {
                e.printStackTrace(err());
            }
            return ExitCodes.BAD_INPUT;
        } catch (CancellationException e) {
            err().println(prefix() + "cancelled");
            return ExitCodes.INTERNAL_ERROR;
        } catch (Exception | Error e) { // the top of the command: every failure becomes a message and a code
            err().println(prefix() + "internal error: " + e
                    + (verbose() ? "" : " (run with --verbose for details)"));
            if (verbose()) {
                e.printStackTrace(err());
            }
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** "path: " of the file an I/O failure names, or nothing. */
    private static String fileOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return fs.getFile() + ": ";
            }
        }
        return "";
    }

    /** True when {@code --verbose} was given before or after the subcommand name. */
    protected boolean verbose() {
        if (common != null && common.verbose) {
            return true;
        }
        CommandSpec root = spec.root();
        return root.userObject() instanceof HazeFuseCli cli && cli.verbose();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A user error in an option value, reported like picocli's own (exit code 2, with usage). */
    protected ParameterException badOption(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Applies the engine options; their errors are option errors (exit code 2). */
    protected ai.djl.Device device(EngineOptions engine) {
        try {
            return engine.apply();
        } catch (IllegalArgumentException e) {
            throw badOption(e.getMessage());
        }
    }

    /** The problem, then what to do about it in this command's options (e.g. "use --overwrite"). */
    static String describe(BadInputException e) {
        if (e.remedies().isEmpty()) {
            return e.getMessage();
        }
        return e.problem() + " (" + e.remedies().stream().map(HeadlessCommand::option)
                .collect(java.util.stream.Collectors.joining(", or ")) + ")";
    }

    private static String option(Remedy remedy) {
        return switch (remedy) {
            case OVERWRITE -> "use --overwrite to replace it";
            case SKIP_EXISTING -> "--skip-existing to continue a batch";
            case OTHER_FOLDER -> "choose another --out folder";
            case RESIZE_INFRARED -> "use --resize-ir to resize the infrared image to the visible one";
            case MORE_MEMORY -> "use --max-memory to allow more, if the machine has it";
        };
    }

    private String prefix() {
        return "hazefuse " + spec.name() + ": ";
    }
}
