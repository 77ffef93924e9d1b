package org.hazefuse.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What a set of dropped or opened files and folders makes (see {@link PairFinder#ofDropped}).
 *
 * @param pairs the pairs found, in a stable order
 * @param undecided two images whose roles their names do not tell (a front end asks the user); empty or two
 * @param problems one line per file that was left out and why
 */
public record DroppedPairs(List<PairPaths> pairs, List<Path> undecided, List<String> problems) {
    public DroppedPairs {
        pairs = List.copyOf(pairs);
        undecided = List.copyOf(undecided);
        problems = List.copyOf(problems);
        if (!undecided.isEmpty() && undecided.size() != 2) {
            throw new IllegalArgumentException("undecided holds two files or none, got " + undecided.size());
        }
    }

    public boolean needsDecision() {
        return !undecided.isEmpty();
    }

    /** The undecided pair once the user picked the infrared file. */
    public PairPaths decide(Path infrared) {
        if (!undecided.contains(infrared)) {
            throw new IllegalArgumentException(infrared + " is not one of the undecided files");
        }
        Path visible = undecided.get(0).equals(infrared) ? undecided.get(1) : undecided.get(0);
        return new PairPaths(PairNames.pairName(visible, infrared), visible, infrared);
    }
}
