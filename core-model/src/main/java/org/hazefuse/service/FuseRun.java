package org.hazefuse.service;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.OutputSetWriter;
import org.hazefuse.io.OutputWriteException;
import org.hazefuse.io.PairLoader;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * Carries out a {@link FusePlan}: each pair is read, run through the method and written as one set through the
 * {@link OutputSetWriter}. Reading the next pair and writing the previous pair's PNGs overlap the method's work on
 * the current one ({@link OverlappedStages}), with at most {@value #PAIRS_IN_FLIGHT} pairs in memory.
 *
 * <p>Pairs are reported in the plan's order, and failures are those of a one-pair-at-a-time loop: a failure of pair
 * k (reading it, running the method, writing its set) ends the run after every pair before k was written, and
 * nothing after k is written. A set the file system refuses (disk full) keeps the complete sets; a set another
 * program wrote meanwhile removes the sets this run published ({@link OutputSetWriter#rollback}), so the run has
 * written nothing. Either way the {@link Listener} hears it before the failure is thrown.
 */
public final class FuseRun {
    /** One pair read ahead, one in the method, one being written. */
    static final int PAIRS_IN_FLIGHT = 3;

    /** What became of a pair. */
    public enum Outcome {
        WRITTEN,
        /** Complete when planned (skipping complete sets): not even read. */
        ALREADY_COMPLETE,
        /** Completed by another run between the plan and this run's write. */
        COMPLETED_MEANWHILE
    }

    /** Why a run stopped at a set it could not write. */
    public enum Stop {
        /** The file system refused the write (disk full, read-only, permissions); the complete sets are kept. */
        WRITE_REFUSED,
        /** Another program wrote the set meanwhile; the sets this run had written were removed again. */
        SET_TAKEN
    }

    /**
     * One finished pair. Size and timings are those of a written pair, zero otherwise.
     *
     * @param position 1-based position in the plan
     * @param stages the method's own stage timings
     */
    public record PairReport(int position, FusePlan.Item item, Outcome outcome, int width, int height, Duration read,
            Duration method, Duration write, Map<String, Duration> stages) {
        public String name() {
            return item.pair().stem();
        }
    }

    /** How far a run got. */
    public record Tally(int done, int skipped, int failed, int pairs) {
        public int notReached() {
            return pairs - done - skipped - failed;
        }
    }

    /** A finished run: its tally and its time from the first read to the last write. */
    public record Summary(Tally tally, Duration elapsed) {
        /** Pairs written per second; 0 when none was. */
        public double pairsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return tally.done() == 0 || seconds <= 0 ? 0 : tally.done() / seconds;
        }

        /** Seconds per written pair; 0 when none was. */
        public double secondsPerPair() {
            return tally.done() == 0 ? 0 : elapsed.toNanos() / 1e9 / tally.done();
        }
    }

    /** Hears about the pairs on the thread that writes them, one call at a time. */
    public interface Listener {
        /** After each pair, in the plan's order. */
        void finished(PairReport report);

        /** A set could not be written; the run throws that failure after this call. */
        void stopped(Stop why, Tally tally);
    }

    /** Read by the read-ahead thread, handed to the method; no pair for a set complete when planned. */
    private record Read(int position, FusePlan.Item item, ImagePair pair, Duration time) {}

    /**
     * Computed by the method, handed to the writer. It holds the size but not the pair, whose memory is free once
     * the method is done with it; no result for a set complete when planned.
     */
    private record Computed(int position, FusePlan.Item item, Duration readTime, int width, int height,
            FusionResult result, Duration methodTime) {}

    /** One run's counts, changed by the writing thread only. */
    private static final class Counts {
        int done;
        int skipped;
        int failed;
        final int pairs;

        Counts(int pairs) {
            this.pairs = pairs;
        }

        Tally tally() {
            return new Tally(done, skipped, failed, pairs);
        }
    }

    private final FusePlan plan;
    private final PairLoader loader;
    private final OutputSetWriter writer;

    public FuseRun(FusePlan plan, PairLoader loader, OutputSetWriter writer) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Runs every pair of the plan.
     *
     * @throws BadInputException for a pair that cannot be read or a set that cannot be written (see the class)
     * @throws IOException if a set's claim cannot be taken or its folder not prepared
     */
    public Summary run(FusionMethod method, DensitySettings settings, Listener listener) throws IOException {
        long start = System.nanoTime();
        Counts counts = new Counts(plan.items().size());
        int[] position = {0}; // counted by the read-ahead thread alone
        OverlappedStages.run(plan.items(), PAIRS_IN_FLIGHT,
                item -> read(++position[0], item),
                (read, stop) -> compute(read, method, settings, stop),
                computed -> write(computed, counts, listener));
        // The writing thread has ended: its counts are visible here.
        return new Summary(counts.tally(), Duration.ofNanos(System.nanoTime() - start));
    }

    private Read read(int position, FusePlan.Item item) {
        if (item.complete()) {
            return new Read(position, item, null, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        ImagePair pair = plan.load(item, loader);
        return new Read(position, item, pair, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Computed compute(Read read, FusionMethod method, DensitySettings settings, CancelSignal stop) {
        ImagePair pair = read.pair();
        if (pair == null) {
            return new Computed(read.position(), read.item(), Duration.ZERO, 0, 0, null, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        FusionResult result = method.run(pair, settings, stop);
        return new Computed(read.position(), read.item(), read.time(), pair.width(), pair.height(), result,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private void write(Computed c, Counts counts, Listener listener) throws IOException {
        if (c.result() == null) {
            counts.skipped++;
            listener.finished(unwritten(c, Outcome.ALREADY_COMPLETE));
            return;
        }
        long t0 = System.nanoTime();
        OutputSetWriter.Outcome outcome;
        try {
            outcome = writer.write(c.item().outputs(c.result()));
        } catch (OutputWriteException e) {
            counts.failed++;
            listener.stopped(Stop.WRITE_REFUSED, counts.tally());
            throw e;
        } catch (BadInputException e) {
            counts.failed++;
            writer.rollback();
            counts.done = 0;
            listener.stopped(Stop.SET_TAKEN, counts.tally());
            throw e;
        }
        Duration write = Duration.ofNanos(System.nanoTime() - t0);
        if (outcome == OutputSetWriter.Outcome.SKIPPED) {
            counts.skipped++;
            listener.finished(unwritten(c, Outcome.COMPLETED_MEANWHILE));
            return;
        }
        counts.done++;
        listener.finished(new PairReport(c.position(), c.item(), Outcome.WRITTEN, c.width(), c.height(),
                c.readTime(), c.methodTime(), write, c.result().timings()));
    }

    private static PairReport unwritten(Computed c, Outcome outcome) {
        return new PairReport(c.position(), c.item(), outcome, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Map.of());
    }
}
