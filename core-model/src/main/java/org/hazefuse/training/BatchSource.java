package org.hazefuse.training;

/**
 * Training batches in a fixed, seeded order. {@link #open} starts at a given step so that a resumed run sees
 * exactly the batches the uninterrupted run would have seen.
 */
public interface BatchSource {
    /** A stream of batches starting with the batch of {@code firstStep}. */
    Stream open(long firstStep);

    /** An open stream of batches; closing it stops any background workers. */
    interface Stream extends AutoCloseable {
        TrainingBatch next() throws InterruptedException;

        @Override
        void close();
    }
}
