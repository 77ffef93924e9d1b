package org.hazefuse.training;

import org.hazefuse.data.Batch;
import org.hazefuse.data.BatchPrefetcher;
import org.hazefuse.data.PatchSampler;

/**
 * Training batches in a fixed, seeded order. {@link #open} starts at a given step so that a resumed run sees
 * exactly the batches the uninterrupted run would have seen.
 */
public interface BatchSource {
    /** A stream of batches starting with the batch of {@code firstStep}. */
    Stream open(long firstStep);

    /** An open stream of batches; closing it stops any background workers. */
    interface Stream extends AutoCloseable {
        Batch next() throws InterruptedException;

        @Override
        void close();
    }

    /** Batches of {@code batchSize} patches from a sampler, decoded and augmented on background threads. */
    static BatchSource prefetched(PatchSampler sampler, int batchSize, int threads) {
        return firstStep -> {
            BatchPrefetcher prefetcher = new BatchPrefetcher(sampler, batchSize, firstStep, Long.MAX_VALUE, threads,
                    2 * threads);
            return new Stream() {
                @Override
                public Batch next() {
                    return prefetcher.next();
                }

                @Override
                public void close() {
                    prefetcher.close();
                }
            };
        };
    }
}
