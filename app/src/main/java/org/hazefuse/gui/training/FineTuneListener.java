package org.hazefuse.gui.training;

import java.nio.file.Path;
import java.util.Optional;

/** Events of one training run; called on the tuner's thread. */
public interface FineTuneListener {
    void progress(TrainingProgress progress);

    void validation(ValidationFigures figures);

    /** A checkpoint was written. */
    void checkpoint(Path file);

    /**
     * The run ended normally (all steps) or after a cancel, having done {@code stepsDone} steps.
     *
     * @param weights the tuned model's weights file when the run completed
     */
    void finished(int stepsDone, boolean cancelled, Optional<Path> weights);

    void failed(Throwable error);
}
