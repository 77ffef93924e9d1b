package org.hazefuse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hazefuse.method.CancelSignal;
import org.junit.jupiter.api.Test;

/** The three overlapped stages: bounded, in order, and ending as a sequential loop ends. */
class OverlappedStagesTest {
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    /** Items between the start of their read and the end of their write, and the most there ever were. */
    private static final class InFlight {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        void entered() {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void left() {
            now.decrementAndGet();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void atMostTheBoundIsInFlightWhileReadingAndWritingOverlapTheComputation() throws IOException {
        InFlight inFlight = new InFlight();
        List<Integer> written = new CopyOnWriteArrayList<>();
        // The method double counts the items in flight each time it starts one.
        List<Integer> seenByMethod = new CopyOnWriteArrayList<>();

        OverlappedStages.run(TEN, 3, item -> {
            inFlight.entered();
            return item;
        }, (item, stop) -> {
            seenByMethod.add(inFlight.now.get());
            sleep(30);
            return item * 10;
        }, out -> {
            sleep(30);
            written.add(out);
            inFlight.left();
        });

        assertThat(written).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(inFlight.most.get()).as("one read ahead, one computed, one written").isEqualTo(3);
        assertThat(seenByMethod).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(inFlight.now.get()).isZero();
    }

    @Test
    void withRoomForOneItemTheStagesTakeTurns() throws IOException {
        InFlight inFlight = new InFlight();
        OverlappedStages.run(TEN, 1, item -> {
            inFlight.entered();
            return item;
        }, (item, stop) -> item, out -> inFlight.left());

        assertThat(inFlight.most.get()).isEqualTo(1);
    }

    @Test
    void aFailedReadEndsTheRunAfterEveryItemBeforeItWasWritten() {
        List<Integer> read = new CopyOnWriteArrayList<>();
        List<Integer> written = new CopyOnWriteArrayList<>();
        IllegalStateException unreadable = new IllegalStateException("item 3 cannot be read");

        assertThatThrownBy(() -> OverlappedStages.run(TEN, 3, item -> {
            if (item == 3) {
                throw unreadable;
            }
            read.add(item);
            return item;
        }, (item, stop) -> {
            sleep(20); // item 3 fails while 2 is computed and 1 written
            return item;
        }, out -> {
            sleep(20);
            written.add(out);
        })).isSameAs(unreadable);

        assertThat(written).containsExactly(0, 1, 2);
        assertThat(read).as("nothing is read after the failure").containsExactly(0, 1, 2);
    }

    @Test
    void aFailedComputationEndsTheRunAfterEveryItemBeforeIt() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        ArithmeticException broken = new ArithmeticException("item 4 broke the method");

        assertThatThrownBy(() -> OverlappedStages.run(TEN, 3, item -> item, (item, stop) -> {
            if (item == 4) {
                throw broken;
            }
            return item;
        }, out -> {
            sleep(20);
            written.add(out);
        })).isSameAs(broken);

        assertThat(written).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFailedWriteCancelsTheComputationInFlightAndWritesNothingAfterIt() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<Integer> cancelled = new CopyOnWriteArrayList<>();
        IOException full = new IOException("No space left on device");

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> OverlappedStages.run(TEN, 3, item -> item, (item, stop) -> {
            if (item >= 2) {
                waitForStop(stop, 10_000); // a long run, stopped at its next tile
                cancelled.add(item);
                stop.throwIfCancelled();
            }
            return item;
        }, out -> {
            if (out == 1) {
                sleep(200); // long enough for item 2's computation to be under way
                throw full;
            }
            written.add(out);
        })).isSameAs(full);

        assertThat(System.nanoTime() - t0).as("the long computation was stopped").isLessThan(5_000_000_000L);
        assertThat(written).containsExactly(0);
        assertThat(cancelled).containsExactly(2);
    }

    private static void waitForStop(CancelSignal stop, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!stop.isCancelled() && System.nanoTime() < end) {
            sleep(5);
        }
    }
}
