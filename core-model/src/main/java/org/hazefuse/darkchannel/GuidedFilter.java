package org.hazefuse.darkchannel;

import ai.djl.ndarray.NDArray;

/**
 * The gray-guide guided filter of He, Sun and Tang (ECCV 2010 / TPAMI 2013): an edge-preserving smoothing of
 * {@code source} that follows the edges of {@code guide}. Both (B, 1, H, W); output (B, 1, H, W).
 * Computed in float64 (variance by E[I²] − E[I]² cancels badly in float32 at ε = 1e-4).
 */
public final class GuidedFilter {
    private GuidedFilter() {}

    public static NDArray apply(NDArray guide, NDArray source, int radius, double eps) {
        NDArray meanGuide = BoxFilter.mean(guide, radius);
        NDArray meanSource = BoxFilter.mean(source, radius);
        NDArray varGuide = BoxFilter.mean(guide.mul(guide), radius).sub(meanGuide.mul(meanGuide));
        NDArray cov = BoxFilter.mean(guide.mul(source), radius).sub(meanGuide.mul(meanSource));
        NDArray a = cov.div(varGuide.add(eps));
        NDArray b = meanSource.sub(a.mul(meanGuide));
        return BoxFilter.mean(a, radius).mul(guide).add(BoxFilter.mean(b, radius));
    }
}
