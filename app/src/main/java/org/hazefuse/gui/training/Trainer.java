package org.hazefuse.gui.training;

import java.time.Duration;
import java.util.Optional;

/**
 * Fine-tunes a model on the trainer's own thread, reporting through a {@link TrainingListener}. Production adapts
 * {@code org.hazefuse.training} (the lead's); tests use a fake that emits a few steps.
 */
public interface Trainer {
    /** False when this build has no trainer; the panel then explains instead of starting. */
    boolean available();

    /** Starts at once and returns; events follow on the trainer's thread. */
    TrainingRun start(TrainingConfig config, TrainingListener listener);

    /** Expected wall time of the run on this machine, when the trainer can tell (for the long-run warning). */
    default Optional<Duration> estimate(TrainingConfig config) {
        return Optional.empty();
    }

    Trainer NONE = new Trainer() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public TrainingRun start(TrainingConfig config, TrainingListener listener) {
            throw new IllegalStateException("Fine-tuning is not available in this build yet.");
        }
    };
}
