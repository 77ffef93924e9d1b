package org.hazefuse.evaluation;

import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.ImagePair;

/**
 * Something to score on each pair: a method that runs, or a folder of another tool's outputs. One instance is
 * used by one thread at a time; {@link Factory} opens one per worker thread.
 */
public interface Candidate extends AutoCloseable {

    /** The name in tables and CSV, e.g. {@code dcp+gff}. */
    String name();

    /** The outputs for {@code pair}; throws {@link org.hazefuse.io.BadInputException} when they cannot be had. */
    Outputs produce(ImagePair pair, CancelSignal cancel);

    @Override
    void close();

    /** Opens candidates; called once per worker thread. */
    interface Factory {
        String name();

        Candidate open();
    }
}
