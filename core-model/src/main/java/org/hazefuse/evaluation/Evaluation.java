package org.hazefuse.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hazefuse.method.CancelSignal;
import org.hazefuse.method.ImagePair;
import org.hazefuse.metrics.Metric;
import org.hazefuse.metrics.MetricSuite;

/**
 * Batch evaluation: every candidate on every pair, scored with {@link MetricSuite}, pairs spread over worker
 * threads. Each worker opens its own instance of every candidate (methods are one-call-at-a-time), loads one pair
 * at a time and drops it when done, so memory stays at a few pairs whatever the data set's size.
 *
 * <p>Fail-fast: the first exception (e.g. an unreadable file) stops the other workers and is rethrown as is.
 * Results come back in input order (pairs, then candidates), independent of thread timing.
 */
public final class Evaluation {

    /** A pair to evaluate, read only when its turn comes. */
    public record PairSource(String name, Supplier<ImagePair> loader) {
        public PairSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(loader, "loader");
        }
    }

    /** One finished pair: the pair, every candidate's outputs and scores (in candidate order). */
    public record PairOutcome(int index, ImagePair pair, Map<String, Outputs> outputs, List<ScoreRecord> scores) {
    }

    /** Told about each finished pair, from the worker thread that finished it (so it must be thread-safe). */
    @FunctionalInterface
    public interface Listener {
        void pairDone(PairOutcome outcome);
    }

    private Evaluation() {
    }

    /**
     * @param threads worker threads, ≥ 1 (more than the number of pairs is pointless)
     * @return every record, ordered by pair then candidate
     */
    public static List<ScoreRecord> run(List<PairSource> pairs, List<Candidate.Factory> candidates, int threads,
            Listener listener, CancelSignal cancel) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no method and no fused folder given");
        }
        int workers = Math.max(1, Math.min(threads, pairs.size()));
        LinkedBlockingQueue<Integer> todo = new LinkedBlockingQueue<>();
        for (int i = 0; i < pairs.size(); i++) {
            todo.add(i);
        }
        AtomicBoolean failed = new AtomicBoolean();
        CancelSignal stop = () -> failed.get() || cancel.isCancelled();
        List<List<ScoreRecord>> byPair = new ArrayList<>(Collections.nCopies(pairs.size(), null));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "hazefuse-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    List<Candidate> open = new ArrayList<>();
                    try {
                        for (Candidate.Factory f : candidates) {
                            open.add(f.open());
                        }
                        Integer i;
                        while ((i = todo.poll()) != null) {
                            stop.throwIfCancelled();
                            PairOutcome outcome = evaluatePair(i, pairs.get(i), open, stop);
                            synchronized (byPair) {
                                byPair.set(i, outcome.scores());
                            }
                            listener.pairDone(outcome);
                        }
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        open.forEach(Candidate::close);
                    }
                    return null;
                }));
            }
            RuntimeException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (first == null || first instanceof CancellationException) {
                        first = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new CancellationException("interrupted");
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        List<ScoreRecord> all = new ArrayList<>();
        byPair.forEach(all::addAll);
        return all;
    }

    /** Runs and scores every candidate on one pair. */
    static PairOutcome evaluatePair(int index, PairSource source, List<Candidate> candidates, CancelSignal cancel) {
        ImagePair pair = source.loader().get();
        Map<String, Outputs> outputs = new LinkedHashMap<>();
        List<ScoreRecord> scores = new ArrayList<>();
        for (Candidate c : candidates) {
            cancel.throwIfCancelled();
            Outputs out = c.produce(pair, cancel);
            Map<Metric, Double> values = MetricSuite.evaluate(out.fused(), out.dehazed(), pair);
            outputs.put(c.name(), out);
            scores.add(new ScoreRecord(pair.name(), c.name(), values, out.runtime()));
        }
        return new PairOutcome(index, pair, outputs, scores);
    }

    /** Candidate names in the order given, for reports. */
    public static List<String> names(List<Candidate.Factory> candidates) {
        return candidates.stream().map(Candidate.Factory::name).toList();
    }
}
