package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.hazefuse.darkchannel.BoxFilter;

/**
 * Two-scale max-absolute fusion: each image is split into a base layer (mean over a 31×31 window, cut at the
 * borders) and a detail layer (image − base); the fused base is the average of the bases, and at each pixel the
 * fused detail is the detail of larger magnitude (the visible one on ties). This keeps the stronger edge or texture
 * of either source, e.g. a hot target's outline from the infrared and fine structure from the visible.
 */
public final class MaxAbsoluteRule implements FusionRule {
    static final int BASE_RADIUS = 15;

    @Override
    public String name() {
        return "max";
    }

    @Override
    public String description() {
        return "two-scale, average base, max-absolute detail (31x31 mean base)";
    }

    @Override
    public NDArray fuse(NDArray visible, NDArray infrared) {
        NDArray baseV = base(visible);
        NDArray baseI = base(infrared);
        NDArray detailV = visible.sub(baseV);
        NDArray detailI = infrared.sub(baseI);
        NDArray detail = NDArrays.where(detailV.abs().gte(detailI.abs()), detailV, detailI);
        return baseV.add(baseI).mul(0.5f).add(detail);
    }

    static NDArray base(NDArray x) {
        return BoxFilter.mean(x.toType(DataType.FLOAT64, false), BASE_RADIUS).toType(DataType.FLOAT32, false);
    }
}
