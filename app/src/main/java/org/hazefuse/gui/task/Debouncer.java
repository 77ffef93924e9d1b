package org.hazefuse.gui.task;

/**
 * Collapses bursts of requests (a slider being dragged) into one action after a quiet period.
 * Tests use {@link #IMMEDIATE}.
 */
@FunctionalInterface
public interface Debouncer {
    Debouncer IMMEDIATE = Runnable::run;

    /** Schedules {@code action}, replacing any action scheduled before and not yet run. */
    void schedule(Runnable action);
}
