package org.hazefuse.method;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation, polled between stages of long work (tiles, training steps). */
@FunctionalInterface
public interface CancelSignal {
    CancelSignal NEVER = () -> false;

    boolean isCancelled();

    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
