package org.hazefuse.gui.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.hazefuse.io.BadInputException;

/**
 * Turns any failure into one or two sentences for a dialog: the file (when known) and the reason, never a
 * stack trace. The stack trace still goes to the log for bug reports.
 */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof BadInputException bad) {
            return bad.getMessage();
        }
        if (e instanceof NoSuchFileException nsf) {
            return nsf.getFile() + ": the file does not exist.";
        }
        if (e instanceof AccessDeniedException ade) {
            return ade.getFile() + ": permission denied.";
        }
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory for this image. Try a smaller image or give the application more memory (-Xmx).";
        }
        String message = e.getMessage();
        if (e instanceof Error) {
            return "Internal error (" + e.getClass().getSimpleName()
                    + (message == null || message.isBlank() ? "" : ": " + message) + "). Details are in the log.";
        }
        if (message == null || message.isBlank()) {
            return "Unexpected error (" + e.getClass().getSimpleName() + "). Details are in the log.";
        }
        return message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof UncheckedIOException || e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException
                || (e instanceof RuntimeException && e.getClass() == RuntimeException.class))
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof IOException && e.getCause() instanceof BadInputException bad) {
            return bad;
        }
        return e;
    }
}
