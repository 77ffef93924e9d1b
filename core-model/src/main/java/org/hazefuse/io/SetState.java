package org.hazefuse.io;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files of an output set exist. Every file HazeFuse publishes is whole (written to a temp file, then
 * published), so a present file is a finished one, and a set is complete when all its files are present.
 */
public record SetState(List<Path> present, List<Path> missing) {
    public SetState {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
    }

    /** The state of {@code targets} now (links are not followed: a link is an existing name). */
    public static SetState of(List<Path> targets) {
        List<Path> present = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path t : targets) {
            (Files.exists(t, LinkOption.NOFOLLOW_LINKS) ? present : missing).add(t);
        }
        return new SetState(present, missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    public boolean absent() {
        return present.isEmpty();
    }

    public boolean incomplete() {
        return !complete() && !absent();
    }

    /** Why a set in this state is refused under {@link ExistingSets#REFUSE}, naming its first file. */
    public BadInputException refusal() {
        Path first = present.get(0);
        if (incomplete()) {
            return new BadInputException(first, "already exists in an incomplete set (" + missing.get(0).getFileName()
                    + " is missing: left by an interrupted run?)", List.of(Remedy.SKIP_EXISTING, Remedy.OVERWRITE));
        }
        return new BadInputException(first, "already exists",
                List.of(Remedy.SKIP_EXISTING, Remedy.OVERWRITE, Remedy.OTHER_FOLDER));
    }
}
