package org.hazefuse.method;

/**
 * How far one run of a {@link FusionMethod} is: tiles done of the tiles planned. A method that runs a large frame in
 * tiles reports after each tile; one that runs in one piece reports nothing (callers show "busy").
 *
 * <p>The listener travels with the run's {@link CancelSignal} ({@link #carriedBy}), which every method already takes
 * and polls between tiles, so reporting is one line in a method's tile loop, {@code RunProgress.report(cancel,
 * done, total)}, and no signature changes. Called on the method's thread.
 */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (done, total) -> { };

    /** @param done tiles finished, 1 … total; {@code total} at least 1 */
    void tiles(int done, int total);

    /** Reports to the listener {@code cancel} carries, if any; for methods' tile loops. */
    static void report(CancelSignal cancel, int done, int total) {
        if (cancel instanceof Carrier carrier && total > 0) {
            carrier.progress.tiles(done, total);
        }
    }

    /** A cancel signal that also carries this listener to the method. */
    static CancelSignal carriedBy(CancelSignal cancel, RunProgress progress) {
        return new Carrier(cancel, progress);
    }

    /** The cancel signal with a listener attached; cancellation is the wrapped signal's. */
    final class Carrier implements CancelSignal {
        private final CancelSignal cancel;
        private final RunProgress progress;

        private Carrier(CancelSignal cancel, RunProgress progress) {
            this.cancel = cancel;
            this.progress = progress;
        }

        @Override
        public boolean isCancelled() {
            return cancel.isCancelled();
        }
    }
}
