package org.hazefuse.cli;

/** The process exit codes of every {@code hazefuse} command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug or an engine failure: not something the user's input caused. */
    public static final int INTERNAL_ERROR = 1;
    /**
     * A file or option the user can fix, or a write the file system refused (disk full, read-only, permissions):
     * the message names the file and the reason; picocli uses the same code for option errors.
     */
    public static final int BAD_INPUT = 2;
    /**
     * {@code train} stopped by SIGTERM after saving its checkpoint: the JVM ends a signalled process with 128 + the
     * signal's number; Ctrl-C (SIGINT) gives 130. The message "stopped at step N" comes first.
     */
    public static final int TERMINATED = 143;

    private ExitCodes() {}
}
