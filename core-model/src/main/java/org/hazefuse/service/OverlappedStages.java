package org.hazefuse.service;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hazefuse.method.CancelSignal;

/**
 * Read, compute and write over a list of items, overlapped: one thread reads ahead, the caller's thread computes,
 * one thread writes behind. In a fuse run on a folder the network takes most of the time; decoding the next pair and
 * encoding the previous pair's PNGs then run beside it instead of after it (they still share the cores with it).
 *
 * <p><b>Bounded:</b> at most {@code inFlight} items are between the start of their read and the end of their write,
 * so memory holds that many items whatever the number of items.
 *
 * <p><b>As a sequential loop would do:</b> items are written in the list's order, and a failure of item k (in any
 * stage) ends the run after every item before k was written; nothing after k is written, and the failure is thrown
 * as it was raised. Once a write failed, the computation in flight is cancelled through its cancel signal.
 *
 * <p>Only the reader is ever interrupted (when the run ends early): a write in progress always finishes, so a set of
 * files is never cut short by the pipeline itself.
 */
final class OverlappedStages {
    /** Reads an item; may throw unchecked exceptions, which end the run at this item. */
    @FunctionalInterface
    interface Read<I, R> {
        R read(I item);
    }

    /** Computes on what was read; polls {@code stop}, raised when the run is ending. */
    @FunctionalInterface
    interface Compute<R, C> {
        C compute(R input, CancelSignal stop);
    }

    /** Writes a computed item. */
    @FunctionalInterface
    interface Write<C> {
        void write(C output) throws IOException;
    }

    /** An item's value between stages, or the failure that ends the run at that item. */
    private record Slot<T>(T value, Throwable failure) {
        static <T> Slot<T> of(T value) {
            return new Slot<>(value, null);
        }

        static <T> Slot<T> failed(Throwable failure) {
            return new Slot<>(null, failure);
        }

        boolean failed() {
            return failure != null;
        }
    }

    /** Tells the writer that no more items come. */
    private static final Slot<Object> END = Slot.of(null);

    private OverlappedStages() {
    }

    /**
     * Runs every item through the three stages.
     *
     * @param inFlight at least 1; 3 lets one item be read while one is computed and one written
     * @throws IOException as the write stage threw it; unchecked exceptions and errors of any stage as thrown
     */
    static <I, R, C> void run(List<I> items, int inFlight, Read<I, R> read, Compute<R, C> compute, Write<C> write)
            throws IOException {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one item must be in flight, got " + inFlight);
        }
        Semaphore room = new Semaphore(inFlight);
        // A hand-over: the reader holds at most the one item it read ahead until the computation takes it.
        BlockingQueue<Slot<R>> toCompute = new SynchronousQueue<>();
        BlockingQueue<Slot<C>> toWrite = new ArrayBlockingQueue<>(1);
        AtomicBoolean writeFailed = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread reader = daemon("read-ahead", () -> {
            try {
                for (I item : items) {
                    room.acquire();
                    Slot<R> slot;
                    try {
                        slot = Slot.of(read.read(item));
                    } catch (RuntimeException | Error e) {
                        slot = Slot.failed(e);
                    }
                    toCompute.put(slot);
                    if (slot.failed()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // The run ended before every item was read.
            }
        });
        Thread writer = daemon("write-behind", () -> {
            for (Slot<C> slot = takeUninterruptibly(toWrite); slot != END; slot = takeUninterruptibly(toWrite)) {
                try {
                    if (failure.get() == null) { // after a failure the rest is dropped, never written
                        if (slot.failed()) {
                            failure.set(slot.failure());
                        } else {
                            write.write(slot.value());
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure.set(e);
                    writeFailed.set(true);
                } finally {
                    room.release();
                }
            }
        });
        reader.start();
        writer.start();
        boolean interrupted = false;
        try {
            for (int i = 0; i < items.size(); i++) {
                Slot<R> in = toCompute.take();
                if (writeFailed.get()) {
                    break;
                }
                Slot<C> out = in.failed() ? Slot.failed(in.failure()) : computed(compute, in.value(), writeFailed);
                if (out == null) {
                    break; // cancelled because a write failed: that failure is what the run reports
                }
                toWrite.put(out);
                if (out.failed()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            failure.compareAndSet(null, new CancellationException("interrupted"));
        } finally {
            interrupted |= stop(reader); // first, so it reads nothing more while the writer finishes
            interrupted |= putUninterruptibly(toWrite, endMarker());
            interrupted |= joinUninterruptibly(writer);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow(failure.get());
    }

    @SuppressWarnings("unchecked")
    private static <C> Slot<C> endMarker() {
        return (Slot<C>) (Slot<?>) END;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, "fuse-" + name);
        // The caller joins both before it returns; should it be killed first, they must not keep the JVM alive.
        t.setDaemon(true);
        return t;
    }

    /** The computed value, a failure slot, or null when the pipeline itself cancelled the computation. */
    private static <R, C> Slot<C> computed(Compute<R, C> compute, R input, AtomicBoolean writeFailed) {
        try {
            return Slot.of(compute.compute(input, writeFailed::get));
        } catch (CancellationException e) {
            return writeFailed.get() ? null : Slot.failed(e);
        } catch (RuntimeException | Error e) {
            return Slot.failed(e);
        }
    }

    /**
     * Interrupts the reader until it has ended: a decoder may swallow one interrupt, and the reader would then wait
     * for room that never comes.
     *
     * @return whether the calling thread was interrupted meanwhile
     */
    private static boolean stop(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            reader.interrupt();
            try {
                reader.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /**
     * The writer's take. Nothing in the pipeline interrupts the writer, and an interrupt kept pending would break the
     * file writes of the next set (a closed channel), so one from elsewhere is not kept: END is still awaited.
     */
    private static <T> T takeUninterruptibly(BlockingQueue<T> queue) {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // See above: keep waiting for the next item or END.
            }
        }
    }

    /** @return whether the thread was interrupted meanwhile */
    private static <T> boolean putUninterruptibly(BlockingQueue<T> queue, T value) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(value);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** @return whether the thread was interrupted meanwhile */
    private static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }
}
