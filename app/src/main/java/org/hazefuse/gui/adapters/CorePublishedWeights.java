package org.hazefuse.gui.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hazefuse.gui.inference.PublishedWeights;
import org.hazefuse.model.iassf.release.ReleasedWeightsImport;

/**
 * {@link PublishedWeights} over core's {@link ReleasedWeightsImport} (the {@code import-weights} command's
 * import): the weights file is {@code iassf-published.hzf} in a folder, {@code ~/.hazefuse/weights} in production.
 */
public final class CorePublishedWeights implements PublishedWeights {
    /** The weights file's name in its folder. */
    public static final String FILE_NAME = "iassf-published.hzf";
    private final Path folder;

    public CorePublishedWeights(Path folder) {
        this.folder = folder;
    }

    @Override
    public Path file() {
        return folder.resolve(FILE_NAME).toAbsolutePath().normalize();
    }

    @Override
    public void importFrom(Path checkpoint, boolean overwrite) throws IOException {
        Files.createDirectories(folder);
        ReleasedWeightsImport.run(checkpoint, file(), overwrite, Path.of(System.getProperty("java.io.tmpdir")));
    }
}
