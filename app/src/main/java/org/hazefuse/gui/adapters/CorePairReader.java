package org.hazefuse.gui.adapters;

import org.hazefuse.gui.input.InfraredSizeDiffers;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairReader;
import org.hazefuse.io.ImageLoader;
import org.hazefuse.io.InfraredSizeException;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.SizeMismatch;
import org.hazefuse.method.ImagePair;

/**
 * {@link PairReader} over core {@link PairLoader}: every format, bit depth and bad-input check of {@code org.hazefuse.io};
 * a size mismatch becomes the GUI's {@link InfraredSizeDiffers}, resizing is core's {@link SizeMismatch#RESIZE_INFRARED}.
 */
public final class CorePairReader implements PairReader {
    private final PairLoader strict = new PairLoader();
    private final PairLoader resizing = new PairLoader(new ImageLoader(), SizeMismatch.RESIZE_INFRARED);

    @Override
    public ImagePair read(InputPair pair, boolean resizeInfrared) {
        if (resizeInfrared) {
            return resizing.load(pair.paths());
        }
        try {
            return strict.load(pair.paths());
        } catch (InfraredSizeException e) {
            throw new InfraredSizeDiffers(pair, e.visibleWidth(), e.visibleHeight(), e.infraredWidth(),
                    e.infraredHeight(), e);
        }
    }
}
