package org.hazefuse.gui.inference;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The IASSF authors' published weights, imported into a HazeFuse weights file in the user's HazeFuse folder.
 * Production: {@link org.hazefuse.gui.adapters.CorePublishedWeights}; tests give it a temporary folder.
 */
public interface PublishedWeights {
    /** The label the model chooser shows for {@link #file()}. */
    String LABEL = "IASSF (published weights)";

    /** Where the imported weights are (or will be), e.g. {@code ~/.hazefuse/weights/iassf-published.hzf}. */
    Path file();

    /**
     * Imports the authors' checkpoint ({@code IASSF.pth}, or the first part {@code IASSF_part_aa} of the three)
     * into {@link #file()}. Slow (seconds): called on a worker thread. Nothing is written unless it succeeds.
     *
     * @param overwrite replace an existing {@link #file()}
     * @throws org.hazefuse.io.BadInputException for a missing, hostile, damaged or foreign checkpoint
     */
    void importFrom(Path checkpoint, boolean overwrite) throws IOException;
}
