package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;

/**
 * A classical pixel-level fusion rule for two registered gray images. The two-stage baselines apply it to the
 * visible image's luma and the infrared image; colour is restored afterwards ({@link TwoStageMethod}).
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
}
