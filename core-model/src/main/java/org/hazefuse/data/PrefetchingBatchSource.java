package org.hazefuse.data;

import org.hazefuse.training.BatchSource;
import org.hazefuse.training.TrainingBatch;

/**
 * The trainer's {@link BatchSource} backed by a {@link PatchSampler} and a {@link BatchPrefetcher}: each
 * {@link #open} starts worker threads at the given step, so a resumed run sees the same batches.
 */
public final class PrefetchingBatchSource implements BatchSource {
    private final PatchSampler sampler;
    private final int batchSize;
    private final int threads;
    private final int depth;

    /**
     * @param threads decoding/augmentation workers (1–2 on a 2-core machine: the engine needs the cores too)
     * @param depth batches prepared ahead
     */
    public PrefetchingBatchSource(PatchSampler sampler, int batchSize, int threads, int depth) {
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.threads = threads;
        this.depth = depth;
    }

    @Override
    public Stream open(long firstStep) {
        BatchPrefetcher prefetcher = new BatchPrefetcher(sampler, batchSize, firstStep, Long.MAX_VALUE, threads, depth);
        return new Stream() {
            @Override
            public TrainingBatch next() {
                Batch b = prefetcher.next();
                return new TrainingBatch(b.size(), b.patch(), b.patch(), b.hazy(), b.infrared(), b.clear());
            }

            @Override
            public void close() {
                prefetcher.close();
            }
        };
    }
}
