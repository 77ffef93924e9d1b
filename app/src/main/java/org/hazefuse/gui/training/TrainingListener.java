package org.hazefuse.gui.training;

import java.nio.file.Path;

/** Events of one training run; called on the trainer's thread. */
public interface TrainingListener {
    void progress(TrainingProgress progress);

    void validation(ValidationFigures figures);

    /** A checkpoint was written. */
    void checkpoint(Path file);

    /** The run ended normally (all steps) or after a cancel, having done {@code stepsDone} steps. */
    void finished(int stepsDone, boolean cancelled);

    void failed(Throwable error);
}
