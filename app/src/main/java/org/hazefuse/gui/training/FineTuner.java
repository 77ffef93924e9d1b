package org.hazefuse.gui.training;

import java.time.Duration;
import java.util.Optional;
import org.hazefuse.service.FineTuning;

/**
 * Fine-tunes a model on the tuner's own thread, reporting through a {@link FineTuneListener}. Production:
 * {@link org.hazefuse.gui.adapters.CoreFineTuner} over core's {@link FineTuning}; tests use a fake that emits a few
 * steps.
 */
public interface FineTuner {
    /** Starts at once and returns; events follow on the tuner's thread. */
    FineTuneHandle start(FineTuning tuning, FineTuneListener listener);

    /** Expected wall time of the run on this machine, when the tuner can tell (for the long-run warning). */
    default Optional<Duration> estimate(FineTuning tuning) {
        return Optional.empty();
    }
}
