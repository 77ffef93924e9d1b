package org.hazefuse.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds batches on worker threads ahead of the trainer, so the engine does not wait on decoding and
 * augmentation. Batches come out in step order ({@code startStep, startStep + 1, …}), identical to what a
 * single thread would make, whatever the number of workers.
 *
 * <p>At most {@code depth} batches are in flight or waiting (bounded memory: each holds
 * {@code 7·N·P²} floats). A worker's exception is rethrown by {@link #next()} as is when unchecked (so a
 * {@link org.hazefuse.io.BadInputException} keeps its type and file) and the prefetcher closes itself.
 * {@link #close()} stops the workers; always close it (try-with-resources).
 */
public final class BatchPrefetcher implements Iterator<Batch>, AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PatchSampler sampler;
    private final int batchSize;
    private final long endStep;
    private final int depth;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
    private long nextToSubmit;
    private long nextToTake;
    private boolean closed;

    /**
     * @param startStep first step to produce (0 for a new run; the saved step on resume)
     * @param endStep step to stop before (exclusive); {@code Long.MAX_VALUE} for no end
     * @param threads worker threads, ≥ 1
     * @param depth batches prepared ahead, ≥ 1 (e.g. 2 × threads)
     */
    public BatchPrefetcher(PatchSampler sampler, int batchSize, long startStep, long endStep, int threads, int depth) {
        if (batchSize < 1 || threads < 1 || depth < 1 || startStep < 0 || endStep < startStep) {
            throw new IllegalArgumentException("need batchSize, threads, depth >= 1 and 0 <= startStep <= endStep");
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.endStep = endStep;
        this.depth = depth;
        this.nextToSubmit = startStep;
        this.nextToTake = startStep;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "hazefuse-data-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
        refill();
    }

    /** Builds one batch on the calling thread (what each worker does; also handy for tests and tools). */
    public static Batch build(PatchSampler sampler, int batchSize, long step) {
        int pp = sampler.patch() * sampler.patch();
        float[] hazy = new float[batchSize * 3 * pp];
        float[] ir = new float[batchSize * pp];
        float[] clear = new float[batchSize * 3 * pp];
        float[] prior = sampler.framePrior() ? new float[batchSize * pp] : null;
        float[] airlight = sampler.framePrior() ? new float[batchSize * 3] : null;
        for (int i = 0; i < batchSize; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("data loading stopped");
            }
            sampler.fill(step * batchSize + i, hazy, ir, clear, prior, airlight, i);
        }
        return new Batch(step, batchSize, sampler.patch(), hazy, ir, clear, prior, airlight);
    }

    @Override
    public synchronized boolean hasNext() {
        return !closed && nextToTake < endStep;
    }

    /**
     * The next batch, waiting for it if needed.
     *
     * @throws RuntimeException the worker's exception (the prefetcher is then closed)
     * @throws CancellationException if interrupted while waiting (the prefetcher is then closed)
     */
    @Override
    public synchronized Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the prefetcher is closed" : "no more steps");
        }
        Future<Batch> head = queue.poll();
        try {
            Batch batch = head.get();
            nextToTake++;
            refill();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CancellationException("interrupted while waiting for a training batch");
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("data worker failed: " + cause, cause);
        }
    }

    /** Stops the workers and drops prepared batches. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.forEach(f -> f.cancel(true));
        queue.clear();
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refill() {
        while (queue.size() < depth && nextToSubmit < endStep) {
            long step = nextToSubmit++;
            queue.add(workers.submit(() -> build(sampler, batchSize, step)));
        }
    }
}
