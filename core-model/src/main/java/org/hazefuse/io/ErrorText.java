package org.hazefuse.io;

import java.nio.file.FileSystemException;

/**
 * Exception text fit for a one-line message. Libraries wrap the operating system's reason ("No space left on
 * device") in their own words ("I/O error writing PNG file!"), print "null" for a missing message, and parsers
 * add a location line; users need the reason, on one line.
 */
public final class ErrorText {
    private ErrorText() {}

    /**
     * The most specific reason in a chain of causes: a file system's own reason where there is one (without the
     * path, which the caller names), else the innermost message, else the innermost exception's class name.
     */
    public static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException fs) {
                reason = fs.getReason() != null ? fs.getReason() : describe(fs);
            } else if (t instanceof java.io.FileNotFoundException && t.getMessage() != null
                    && t.getMessage().matches("(?s).* \\(.+\\)")) {
                // java.io's form: "<path> (<reason>)".
                String m = t.getMessage();
                reason = m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
            } else if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            } else if (reason == null) {
                reason = t.getClass().getSimpleName();
            }
        }
        return oneLine(reason);
    }

    /** The system's words for the exceptions Java raises without a reason of their own. */
    private static String describe(FileSystemException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        }
        return e.getClass().getSimpleName();
    }

    /** The first line of {@code text}, trimmed: drops parsers' location lines and stack-trace-like tails. */
    public static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.isEmpty() ? "no details" : first;
    }
}
