package org.hazefuse.io;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A user-supplied input cannot be used: the message names the file (when there is one) and the problem,
 * in words a user can act on. The command line maps it to exit code 2; the GUI shows it in a dialog. What the user
 * can do about it travels as {@link #remedies()}, so each front end can name its own option or control; the message
 * says them in neutral words.
 */
public class BadInputException extends RuntimeException {
    private final transient Path file;
    private final String problem;
    private final List<Remedy> remedies;

    public BadInputException(Path file, String problem) {
        this(file, problem, List.of(), null);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        this(file, problem, List.of(), cause);
    }

    /** A problem the user can solve in one of the given ways (in the order they are best tried). */
    public BadInputException(Path file, String problem, List<Remedy> remedies) {
        this(file, problem, remedies, null);
    }

    private BadInputException(Path file, String problem, List<Remedy> remedies, Throwable cause) {
        super(located(file, problem) + neutral(remedies), cause);
        this.file = file;
        this.problem = problem;
        this.remedies = List.copyOf(remedies);
    }

    /** The offending file, or null when the problem is not tied to one. */
    public Path file() {
        return file;
    }

    /** What the user can do about it; empty when the message says all there is. */
    public List<Remedy> remedies() {
        return remedies;
    }

    /** The message without its remedies, for a front end that names them itself. */
    public String problem() {
        return located(file, problem);
    }

    private static String located(Path file, String problem) {
        return file == null ? problem : file + ": " + problem;
    }

    private static String neutral(List<Remedy> remedies) {
        return remedies.isEmpty() ? ""
                : " (" + remedies.stream().map(Remedy::words).collect(Collectors.joining(" or ")) + ")";
    }
}
