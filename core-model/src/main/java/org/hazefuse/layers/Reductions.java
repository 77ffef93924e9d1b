package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Reductions over several axes of NCHW maps. DJL's PyTorch engine reduces a mean over one axis only (sum takes
 * several), so these divide a sum. The spatial minimum and maximum, which tiles share, are
 * org.hazefuse.statistics.FrameStatistics#extreme.
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
}
