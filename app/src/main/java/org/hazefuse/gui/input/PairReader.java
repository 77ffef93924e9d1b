package org.hazefuse.gui.input;

import org.hazefuse.method.ImagePair;

/**
 * Reads the two files of a pair into images: visible as RGB, infrared as one channel, same size. Production reads
 * through core's {@code PairLoader}; tests may read from memory.
 */
@FunctionalInterface
public interface PairReader {
    /**
     * @param resizeInfrared resize an infrared image of another size to the visible size (the user agreed to it)
     *     instead of failing
     * @throws InfraredSizeDiffers when the sizes differ and {@code resizeInfrared} is false
     * @throws org.hazefuse.io.BadInputException naming the file when it cannot be read
     */
    ImagePair read(InputPair pair, boolean resizeInfrared);

    /** Reads a pair whose sizes must match. */
    default ImagePair read(InputPair pair) {
        return read(pair, false);
    }
}
