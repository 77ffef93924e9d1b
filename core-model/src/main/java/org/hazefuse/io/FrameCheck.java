package org.hazefuse.io;

import org.hazefuse.image.ImageSize;
import java.nio.file.Path;

/**
 * A check of a pair's size, made from the files' headers before any pixel is decoded (e.g. whether the run fits
 * in memory: org.hazefuse.inference.MemoryGate).
 */
@FunctionalInterface
public interface FrameCheck {
    FrameCheck NONE = (visible, size) -> {};

    /**
     * @param visible the visible file, for the message
     * @param size the size the run will have (the visible image's)
     * @throws BadInputException if the pair must not be decoded
     */
    void check(Path visible, ImageSize size);
}
