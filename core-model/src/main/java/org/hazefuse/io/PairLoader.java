package org.hazefuse.io;

import java.util.Optional;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.Resize;
import org.hazefuse.method.ImagePair;

/**
 * Reads a {@link PairPaths} into an {@link ImagePair}: visible as RGB, infrared as one channel, the clear
 * reference (if any) as RGB. Sizes must agree; see {@link SizeMismatch}. A clear reference must always have
 * the visible image's size (it is never resized).
 */
public final class PairLoader {
    private final ImageLoader loader;
    private final SizeMismatch sizeMismatch;

    public PairLoader(ImageLoader loader, SizeMismatch sizeMismatch) {
        this.loader = loader;
        this.sizeMismatch = sizeMismatch;
    }

    /** Default pixel limit, sizes must match. */
    public PairLoader() {
        this(new ImageLoader(), SizeMismatch.FAIL);
    }

    /**
     * @throws BadInputException if a file cannot be read or the sizes disagree (message names both files and
     *     both sizes)
     */
    public ImagePair load(PairPaths paths) {
        FloatImage visible = loader.readVisible(paths.visible());
        FloatImage infrared = loader.readInfrared(paths.infrared());
        if (!visible.sameSize(infrared)) {
            if (sizeMismatch == SizeMismatch.FAIL) {
                throw new InfraredSizeException(paths.infrared(), "size " + size(infrared) + " differs from the visible image "
                        + paths.visible() + " (" + size(visible) + "); the pair must be registered",
                        visible.width(), visible.height(), infrared.width(), infrared.height());
            }
            infrared = Resize.resize(infrared, visible.width(), visible.height());
        }
        Optional<FloatImage> clear = Optional.empty();
        if (paths.clear().isPresent()) {
            FloatImage reference = loader.readVisible(paths.clear().get());
            if (!reference.sameSize(visible)) {
                throw new BadInputException(paths.clear().get(), "size " + size(reference)
                        + " differs from the visible image " + paths.visible() + " (" + size(visible) + ")");
            }
            clear = Optional.of(reference);
        }
        return new ImagePair(paths.stem(), visible, infrared, clear);
    }

    private static String size(FloatImage image) {
        return image.width() + "x" + image.height();
    }
}
