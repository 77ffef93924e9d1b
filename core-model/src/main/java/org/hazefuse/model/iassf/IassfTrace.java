package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDArray;

/**
 * The intermediates of one {@link IassfNetwork} pass, at the input's size, named after the arrays of the parity
 * fixture's README (docs/design/iassf.md, "Forward pass"): what a module-by-module comparison needs.
 *
 * @param encoderVisible F_vis, step 1, (B, C, H, W)
 * @param encoderInfrared F_ir, step 1, (B, C, H, W)
 * @param infraredCompensated F̃_ir, steps 2–3, (B, C, H, W)
 * @param density D before the user's assistance scaling, step 4, (B, 1, H, W)
 * @param restoration V̂ unclamped, step 5, (B, 3, H, W)
 * @param infrared3Channel I_ir, the conv1x1 of F_ir, step 1, (B, 3, H, W)
 * @param fused F unclamped, step 6, (B, 3, H, W)
 */
record IassfTrace(NDArray encoderVisible, NDArray encoderInfrared, NDArray infraredCompensated, NDArray density,
        NDArray restoration, NDArray infrared3Channel, NDArray fused) {}
