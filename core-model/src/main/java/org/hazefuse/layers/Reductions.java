package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Reductions over several axes of NCHW maps. DJL's PyTorch engine reduces mean, max and min over one axis only
 * (sum takes several), so these flatten or divide a sum.
 */
public final class Reductions {
    private Reductions() {}

    /** Mean over H and W, kept as (B, C, 1, 1). */
    public static NDArray spatialMean(NDArray x) {
        Shape s = x.getShape();
        return Scalars.div(x.sum(new int[] {2, 3}, true), s.get(2) * s.get(3));
    }

    /** Mean over C, H and W of each sample, kept as (B, 1, 1, 1). */
    public static NDArray sampleMean(NDArray x) {
        Shape s = x.getShape();
        return Scalars.div(x.sum(new int[] {1, 2, 3}, true), s.get(1) * s.get(2) * s.get(3));
    }

    /** Maximum over H and W, kept as (B, C, 1, 1). */
    public static NDArray spatialMax(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).max(new int[] {2}, true).reshape(s.get(0), s.get(1), 1, 1);
    }

    /** Minimum over H and W, kept as (B, C, 1, 1). */
    public static NDArray spatialMin(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).min(new int[] {2}, true).reshape(s.get(0), s.get(1), 1, 1);
    }
}
