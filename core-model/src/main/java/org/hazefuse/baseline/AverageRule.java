package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;

/** Weighted average F = w·V + (1 − w)·IR; the registered baseline uses w = ½. */
public final class AverageRule implements FusionRule {
    private final float visibleWeight;

    public AverageRule(float visibleWeight) {
        if (!(visibleWeight >= 0 && visibleWeight <= 1)) {
            throw new IllegalArgumentException("visible weight must be in [0, 1], got " + visibleWeight);
        }
        this.visibleWeight = visibleWeight;
    }

    @Override
    public String name() {
        return "avg";
    }

    @Override
    public String description() {
        return "weighted average (visible " + visibleWeight + ")";
    }

    @Override
    public NDArray fuse(NDArray visible, NDArray infrared) {
        return visible.mul(visibleWeight).add(infrared.mul(1 - visibleWeight));
    }
}
