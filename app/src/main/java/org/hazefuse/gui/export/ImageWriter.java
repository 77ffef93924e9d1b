package org.hazefuse.gui.export;

import java.nio.file.Path;
import org.hazefuse.image.FloatImage;

/**
 * Writes an image as PNG, atomically (temporary file in the same folder, then an atomic rename), so a failed
 * or cancelled export never leaves a half-written file. Production adapts the core writer of
 * {@code org.hazefuse.io} once merged; see {@link ImageIoPngWriter}.
 */
@FunctionalInterface
public interface ImageWriter {
    /** @param bitDepth 8 or 16 */
    void writePng(FloatImage image, Path file, int bitDepth);
}
