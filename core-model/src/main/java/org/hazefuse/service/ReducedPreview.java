package org.hazefuse.service;

import java.util.Optional;
import org.hazefuse.image.Resize;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * The reduced copy a large pair is first run on, so a viewer shows a result within about the time a 640×480 pair
 * takes, while the full-resolution run is still going: pairs above {@value #LARGE_PIXELS} pixels are area-averaged to
 * about {@value #PREVIEW_PIXELS} pixels (same aspect ratio), and the preview's outputs are enlarged back to the pair's
 * size, so pixel positions, line profiles and regions refer to the pair's own pixels throughout.
 *
 * @param fullWidth the pair's width
 * @param fullHeight the pair's height
 * @param width the reduced copy's width
 * @param height the reduced copy's height
 */
public record ReducedPreview(int fullWidth, int fullHeight, int width, int height) {
    /** Above this many pixels a pair gets a preview first. */
    public static final long LARGE_PIXELS = 500_000;
    /** About this many pixels in the reduced copy: a 640×480 frame, which the shipped network runs in seconds. */
    public static final long PREVIEW_PIXELS = 300_000;

    /** The preview of a {@code width × height} pair, or none for a pair small enough to run at once. */
    public static Optional<ReducedPreview> of(int width, int height) {
        long pixels = (long) width * height;
        if (pixels <= LARGE_PIXELS) {
            return Optional.empty();
        }
        double scale = Math.sqrt((double) PREVIEW_PIXELS / pixels);
        return Optional.of(new ReducedPreview(width, height, Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale))));
    }

    /** The pair area-averaged to the reduced size; the clear reference is left out, no method reads it. */
    public ImagePair reduce(ImagePair pair) {
        return new ImagePair(pair.name(), Resize.resize(pair.visible(), width, height),
                Resize.resize(pair.infrared(), width, height));
    }

    /**
     * The density settings for the reduced copy: the dark-channel window and the guided filter's radius are in
     * pixels, so they shrink with the image to cover the same part of the scene, and the preview's haze map looks
     * like the full one at a lower resolution.
     */
    public DensitySettings settings(DensitySettings full) {
        double scale = (double) width / fullWidth;
        int window = Math.max(1, 2 * (int) Math.round((full.darkWindow() * scale - 1) / 2) + 1);
        int radius = Math.max(1, (int) Math.round(full.guidedRadius() * scale));
        return full.withDarkWindow(window).withGuidedRadius(radius);
    }

    /** The reduced copy's outputs enlarged (bilinear) to the pair's size, with the reduced run's timings. */
    public FusionResult enlarge(FusionResult reduced) {
        return new FusionResult(Resize.resize(reduced.dehazed(), fullWidth, fullHeight),
                Resize.resize(reduced.density(), fullWidth, fullHeight),
                Resize.resize(reduced.fused(), fullWidth, fullHeight), reduced.timings());
    }
}
