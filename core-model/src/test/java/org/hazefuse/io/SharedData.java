package org.hazefuse.io;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data set of {@code ../shared/data/} beside the repository, found by walking up from the working directory.
 * Missing, it fails the test when {@code CI} is set (CI has {@code ../shared} beside the clone) and skips it
 * elsewhere.
 */
public final class SharedData {
    private SharedData() {}

    public static Path require(String dataset) {
        String relative = "shared/data/" + dataset;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        String message = relative + " not found in " + Path.of("").toAbsolutePath() + " or any parent";
        if (System.getenv("CI") != null) {
            fail("the data set is missing: " + message);
        }
        assumeTrue(false, "skipped: " + message);
        throw new AssertionError("unreachable");
    }
}
