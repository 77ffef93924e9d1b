package org.hazefuse.io;

import java.util.List;

/**
 * The result of a pair search: the pairs, sorted by stem, and one warning per file that was left out and why
 * (no partner, duplicate stem, not an image), so callers can show what was skipped instead of dropping it
 * silently.
 */
public record FoundPairs(List<PairPaths> pairs, List<String> warnings) {
    public FoundPairs {
        pairs = List.copyOf(pairs);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }
}
