package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What {@link IassfNetwork} returns, at its input's size.
 *
 * @param dehazed V̂, (B, 3, H, W) in [−1, 1] but unclamped (the loss sees it raw; inference clamps)
 * @param density D, (B, 1, H, W) in [0, 1]: the haze density the restoration mixed infrared features with
 * @param fused F, (B, 3, H, W), unclamped like {@code dehazed}
 */
public record IassfOutputs(NDArray dehazed, NDArray density, NDArray fused) {

    /** The block's positional form: dehazed, density, fused. */
    NDList toList() {
        return new NDList(dehazed, density, fused);
    }

    static IassfOutputs of(NDList list) {
        return new IassfOutputs(list.get(0), list.get(1), list.get(2));
    }
}
