package org.hazefuse.gui.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.hazefuse.gui.export.ImageWriter;
import org.hazefuse.image.FloatImage;
import org.hazefuse.io.OverwritePolicy;
import org.hazefuse.io.PngWriter;

/** {@link ImageWriter} over core {@link PngWriter}: atomic, never onto an input, 8 or 16 bits. */
public final class CoreImageWriter implements ImageWriter {

    @Override
    public void writePng(FloatImage image, Path file, int bitDepth, Set<Path> inputs) {
        PngWriter.BitDepth depth = switch (bitDepth) {
            case 8 -> PngWriter.BitDepth.EIGHT;
            case 16 -> PngWriter.BitDepth.SIXTEEN;
            default -> throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        };
        try {
            new PngWriter(inputs, OverwritePolicy.REPLACE).write(image, file, depth);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write (" + e.getMessage() + ")", e));
        }
    }
}
