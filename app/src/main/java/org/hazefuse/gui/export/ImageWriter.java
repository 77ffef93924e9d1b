package org.hazefuse.gui.export;

import java.nio.file.Path;
import java.util.Set;
import org.hazefuse.image.FloatImage;

/**
 * Writes an image as PNG, atomically (temporary file in the same folder, then an atomic rename), so a failed
 * or cancelled export never leaves a half-written file, and never onto one of {@code inputs}. Existing outputs are
 * replaced: the caller has asked the user first. Production: {@link org.hazefuse.gui.adapters.CoreImageWriter}.
 */
@FunctionalInterface
public interface ImageWriter {
    /**
     * @param bitDepth 8 or 16
     * @param inputs files that must never be written (the pair's inputs)
     * @throws org.hazefuse.io.BadInputException if the target is an input or its folder is missing
     */
    void writePng(FloatImage image, Path file, int bitDepth, Set<Path> inputs);
}
