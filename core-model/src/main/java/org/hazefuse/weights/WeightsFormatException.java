package org.hazefuse.weights;

import java.nio.file.Path;
import org.hazefuse.io.BadInputException;

/** A weights file that cannot be used: corrupted, of another format or version, or made for another configuration. */
public final class WeightsFormatException extends BadInputException {
    public WeightsFormatException(Path file, String problem) {
        super(file, problem);
    }

    public WeightsFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
