package org.hazefuse.gui.adapters;

import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairReader;
import org.hazefuse.io.PairLoader;
import org.hazefuse.method.ImagePair;

/** {@link PairReader} over core {@link PairLoader}: every format, bit depth and bad-input check of {@code org.hazefuse.io}. */
public final class CorePairReader implements PairReader {
    private final PairLoader loader = new PairLoader();

    @Override
    public ImagePair read(InputPair pair) {
        return loader.load(pair.paths());
    }
}
