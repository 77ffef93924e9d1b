package org.hazefuse.model.iassf;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional wall-clock timing of the stages of one {@link IassfNetwork} forward pass, for profiling (the
 * {@code bench} command). Pass it as forward parameter {@link IassfNetwork#STAGE_CLOCK}; without it the network
 * uses {@link #OFF}, which does nothing.
 *
 * <p>PyTorch runs CPU ops eagerly, so the time between two laps is the time of the stage between them. On a GPU
 * ops are queued asynchronously and the laps would measure launches only: profile on the CPU.
 */
public final class StageClock {
    /** The clock of a normal forward pass: records nothing. */
    public static final StageClock OFF = new StageClock(false);

    private final boolean enabled;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last;

    private StageClock(boolean enabled) {
        this.enabled = enabled;
    }

    /** A clock that records; laps of the same name add up. */
    public static StageClock recording() {
        return new StageClock(true);
    }

    /** Starts (or restarts) the current lap. */
    public void start() {
        if (enabled) {
            last = System.nanoTime();
        }
    }

    /** Ends the current lap, charging its time to {@code stage}, and starts the next. */
    public void lap(String stage) {
        if (enabled) {
            long now = System.nanoTime();
            nanos.merge(stage, now - last, Long::sum);
            last = now;
        }
    }

    /** Time per stage, in the order the stages first ran. */
    public Map<String, Duration> laps() {
        Map<String, Duration> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, Duration.ofNanos(v)));
        return out;
    }
}
