package org.hazefuse.io;

import java.nio.file.Path;

/**
 * A user-supplied input cannot be used: the message names the file (when there is one) and the problem,
 * in words a user can act on. The command line maps it to exit code 2; the GUI shows it in a dialog.
 */
public class BadInputException extends RuntimeException {
    private final transient Path file;

    public BadInputException(Path file, String problem) {
        super(file == null ? problem : file + ": " + problem);
        this.file = file;
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file, or null when the problem is not tied to one. */
    public Path file() {
        return file;
    }
}
