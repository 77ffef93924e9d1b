package org.hazefuse.io;

import java.nio.file.Path;

/**
 * An output could not be written for a reason the user can act on: the disk is full, the folder is read-only or
 * not theirs. The message is one line: the file and the operating system's reason. Whatever was half-written has
 * been removed; front ends report it like a bad input (the command line's exit code 2).
 */
public final class OutputWriteException extends BadInputException {
    public OutputWriteException(Path file, Throwable cause) {
        super(file, "cannot be written: " + ErrorText.reason(cause), cause);
    }
}
