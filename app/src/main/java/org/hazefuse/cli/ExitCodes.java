package org.hazefuse.cli;

/** The process exit codes of every {@code hazefuse} command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug, an engine failure or a full disk: not something the user's input caused. */
    public static final int INTERNAL_ERROR = 1;
    /** A file or option the user can fix; picocli uses the same code for option errors. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
