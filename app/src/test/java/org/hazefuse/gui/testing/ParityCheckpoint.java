package org.hazefuse.gui.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint of the IASSF parity fixture ({@code ../shared/fixtures/iassf-parity/}, random weights in the
 * authors' layout), found as core's {@code ParityFixture} finds it: walking up from the working directory. Missing,
 * it fails the test when {@code CI} is set and skips it elsewhere. (Core's test classes are not on app's class
 * path, so this is the same rule again.)
 */
public final class ParityCheckpoint {
    private static final String FIXTURE = "shared/fixtures/iassf-parity";
    private static final String CHECKPOINT = "IASSF_random_seed7.pth";

    private ParityCheckpoint() {
    }

    /** The fixture's checkpoint; fails (CI) or skips (elsewhere) the calling test when it is missing. */
    public static Path require() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FIXTURE);
            if (Files.isRegularFile(candidate.resolve("fixture.json"))
                    && Files.isRegularFile(candidate.resolve(CHECKPOINT))) {
                return candidate.resolve(CHECKPOINT);
            }
        }
        String message = FIXTURE + "/" + CHECKPOINT + " not found in " + Path.of("").toAbsolutePath()
                + " or any parent: the IASSF parity fixture must be in ../shared beside the repository";
        if (System.getenv("CI") != null) {
            fail("the fixture is missing: " + message);
        }
        assumeTrue(false, "skipped: " + message);
        return null;
    }
}
