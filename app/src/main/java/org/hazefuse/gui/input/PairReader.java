package org.hazefuse.gui.input;

import org.hazefuse.method.ImagePair;

/**
 * Reads the two files of a pair into images: visible as RGB, infrared as one channel, same size. Production reads
 * through core's {@code PairLoader}; tests may read from memory.
 */
@FunctionalInterface
public interface PairReader {
    /** @throws org.hazefuse.io.BadInputException naming the file when it cannot be read or the sizes differ */
    ImagePair read(InputPair pair);
}
