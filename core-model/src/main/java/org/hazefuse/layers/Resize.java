package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Bilinear resizing of NCHW maps with gradients. DJL's generic image resize treats input as NHWC, so this calls
 * PyTorch's interpolate directly (STACK.md).
 */
public final class Resize {
    private static final int BILINEAR = 2;

    private Resize() {}

    /** Bilinear resize to height × width, align_corners = false (PyTorch's default). */
    public static NDArray bilinear(NDArray x, long height, long width) {
        if (x.getShape().get(2) == height && x.getShape().get(3) == width) {
            return x;
        }
        return JniUtils.interpolate((PtNDArray) x, new long[] {height, width}, BILINEAR, false);
    }
}
