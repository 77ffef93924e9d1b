package org.hazefuse.data;

import java.util.List;
import java.util.Objects;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.io.BadInputException;
import org.hazefuse.io.PairPaths;

/**
 * The pairs a training run draws from, and how each becomes a (hazy, infrared, clear) triplet:
 * <ul>
 *   <li>a pair <em>without</em> a clear reference is a clear pair: its visible image is the ground truth and a
 *       new random haze from {@link #hazeSampler()} is synthesized for every sample drawn from it;
 *   <li>a pair <em>with</em> a clear reference comes from a triplet folder ({@code hazy/ + ir/ + gt/}): its
 *       visible image is already hazy and is used as is.
 * </ul>
 * Both kinds may be mixed in one set. Immutable.
 */
public final class TrainingSet {
    private final List<PairPaths> pairs;
    private final HazeSampler hazeSampler;
    private final PairCache cache;

    /**
     * @param pairs e.g. {@code PairFinder.fromList(train.txt, root).pairs()}, or triplet folder pairs, or both
     * @param hazeSampler random haze for the clear pairs
     * @param cache decoded images
     * @throws BadInputException if {@code pairs} is empty
     */
    public TrainingSet(List<PairPaths> pairs, HazeSampler hazeSampler, PairCache cache) {
        if (pairs.isEmpty()) {
            throw new BadInputException(null, "the training set has no pairs");
        }
        this.pairs = List.copyOf(pairs);
        this.hazeSampler = Objects.requireNonNull(hazeSampler, "hazeSampler");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    public int size() {
        return pairs.size();
    }

    public List<PairPaths> pairs() {
        return pairs;
    }

    public HazeSampler hazeSampler() {
        return hazeSampler;
    }

    public PairCache cache() {
        return cache;
    }
}
