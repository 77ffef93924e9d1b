package org.hazefuse.gui.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a set of dropped or opened files makes.
 *
 * @param pairs the pairs found, in a stable order
 * @param undecided two images whose roles the names do not tell (the user is asked); empty or exactly two
 * @param problems one line per file that was left out and why
 */
public record DropOutcome(List<InputPair> pairs, List<Path> undecided, List<String> problems) {
    public DropOutcome {
        pairs = List.copyOf(pairs);
        undecided = List.copyOf(undecided);
        problems = List.copyOf(problems);
        if (!undecided.isEmpty() && undecided.size() != 2) {
            throw new IllegalArgumentException("undecided holds two files or none, got " + undecided.size());
        }
        Objects.requireNonNull(problems);
    }

    public boolean needsDecision() {
        return !undecided.isEmpty();
    }

    /** The undecided pair once the user picked the infrared file. */
    public InputPair decide(Path infrared) {
        if (!undecided.contains(infrared)) {
            throw new IllegalArgumentException(infrared + " is not one of the undecided files");
        }
        Path visible = undecided.get(0).equals(infrared) ? undecided.get(1) : undecided.get(0);
        return new InputPair(FilePairing.stem(visible), visible, infrared);
    }
}
