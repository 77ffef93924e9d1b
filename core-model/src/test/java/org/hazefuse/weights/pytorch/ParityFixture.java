package org.hazefuse.weights.pytorch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The IASSF parity fixture, {@code ../shared/fixtures/iassf-parity/} beside the repository: found by walking up
 * from the working directory (a module's, under Maven). Missing, it fails the test when {@code CI} is set (CI has
 * {@code ../shared} beside the clone) and skips it elsewhere, with the same message.
 */
public final class ParityFixture {
    static final String FIXTURE = "shared/fixtures/iassf-parity";
    /** The checkpoint in the authors' layout (random weights, seed 7). */
    public static final String CHECKPOINT = "IASSF_random_seed7.pth";

    private ParityFixture() {}

    /** The fixture's folder; fails (CI) or skips (elsewhere) the calling test when it is missing. */
    public static Path require() {
        Path folder = locate();
        if (folder == null) {
            String message = FIXTURE + " not found in " + Path.of("").toAbsolutePath() + " or any parent: the "
                    + "IASSF parity fixture must be in ../shared beside the repository";
            if (System.getenv("CI") != null) {
                fail("the fixture is missing: " + message);
            }
            assumeTrue(false, "skipped: " + message);
        }
        return folder;
    }

    /** The folder that holds fixture.json, or null (for tests that also run without it). */
    public static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FIXTURE);
            if (Files.isRegularFile(candidate.resolve("fixture.json"))) {
                return candidate;
            }
        }
        return null;
    }
}
