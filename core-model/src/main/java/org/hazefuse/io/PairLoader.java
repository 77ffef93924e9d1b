package org.hazefuse.io;

import org.hazefuse.image.ImageSize;
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
    private final FrameCheck frameCheck;

    public PairLoader(ImageLoader loader, SizeMismatch sizeMismatch) {
        this(loader, sizeMismatch, FrameCheck.NONE);
    }

    private PairLoader(ImageLoader loader, SizeMismatch sizeMismatch, FrameCheck frameCheck) {
        this.loader = loader;
        this.sizeMismatch = sizeMismatch;
        this.frameCheck = frameCheck;
    }

    /** Default pixel limit, sizes must match. */
    public PairLoader() {
        this(new ImageLoader(), SizeMismatch.FAIL);
    }

    /** This loader, with {@code check} made on every pair's size before it is decoded. */
    public PairLoader checking(FrameCheck check) {
        return new PairLoader(loader, sizeMismatch, check);
    }

    /**
     * Reads both headers, checks the sizes (and the {@link FrameCheck}), then decodes.
     *
     * @throws BadInputException if a file cannot be read or the sizes disagree (message names both files and
     *     both sizes), or the check refuses the pair; nothing is decoded when the headers already say so
     */
    public ImagePair load(PairPaths paths) {
        ImageSize visibleSize = loader.size(paths.visible());
        ImageSize infraredSize = loader.size(paths.infrared());
        boolean mismatch = !visibleSize.equals(infraredSize);
        if (mismatch && sizeMismatch == SizeMismatch.FAIL) {
            throw new InfraredSizeException(paths.infrared(), "size " + infraredSize
                    + " differs from the visible image " + paths.visible() + " (" + visibleSize
                    + "); the pair must be registered", visibleSize.width(), visibleSize.height(),
                    infraredSize.width(), infraredSize.height());
        }
        frameCheck.check(paths.visible(), visibleSize);
        FloatImage visible = loader.readVisible(paths.visible());
        FloatImage infrared = loader.readInfrared(paths.infrared());
        if (mismatch) {
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
