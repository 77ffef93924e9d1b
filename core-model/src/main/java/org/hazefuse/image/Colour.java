package org.hazefuse.image;

import ai.djl.ndarray.NDArray;

/** Luma and luma replacement for (B, 3, H, W) RGB tensors. */
public final class Colour {
    private Colour() {
    }

    /** ITU-R BT.601 luma Y = 0.299 R + 0.587 G + 0.114 B, shape (B, 1, H, W). */
    public static NDArray luma(NDArray rgb) {
        NDArray w = rgb.getManager().create(new float[] {0.299f, 0.587f, 0.114f}).reshape(1, 3, 1, 1)
                .toType(rgb.getDataType(), false);
        return rgb.mul(w).sum(new int[] {1}, true);
    }

    /**
     * Replaces the luma of {@code rgb} by {@code newLuma} keeping its chroma: adds Y' − Y to every channel, which
     * leaves the colour differences B − Y and R − Y (hence Cb and Cr) unchanged because the luma weights sum to 1.
     * Clamped to [0, 1].
     */
    public static NDArray withLuma(NDArray rgb, NDArray newLuma) {
        return rgb.add(newLuma.sub(luma(rgb))).clip(0, 1);
    }
}
