package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import org.hazefuse.image.Colour;

/**
 * A classical pixel-level fusion rule for two registered gray images. The two-stage baselines apply it to the
 * visible image's luma and the infrared image; colour is restored afterwards ({@link #fuseColour}).
 */
public interface FusionRule {

    /** Short registry name, e.g. {@code gff}. */
    String name();

    /** One line for method lists. */
    String description();

    /**
     * @param visible (1, 1, H, W) visible luma in [0, 1], float32
     * @param infrared (1, 1, H, W) infrared in [0, 1], float32
     * @return (1, 1, H, W) fused luma (not clamped), float32, in the inputs' manager
     */
    NDArray fuse(NDArray visible, NDArray infrared);

    /**
     * The rule applied to a colour image's luma, the colour kept from {@code visible}.
     *
     * @param visible (1, 3, H, W) in [0, 1]
     * @param infrared (1, 1, H, W) in [0, 1]
     * @return (1, 3, H, W), in the inputs' manager
     */
    default NDArray fuseColour(NDArray visible, NDArray infrared) {
        return Colour.withLuma(visible, fuse(Colour.luma(visible), infrared));
    }
}
