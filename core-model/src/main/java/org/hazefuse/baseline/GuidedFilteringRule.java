package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.hazefuse.darkchannel.BoxFilter;
import org.hazefuse.darkchannel.GuidedFilter;

/**
 * Guided-filtering fusion, GFF (S. Li, X. Kang and J. Hu, "Image fusion with guided filtering", IEEE TIP 22(7),
 * 2013), with the paper's parameters.
 *
 * <ol>
 *   <li>Two-scale decomposition: base B = mean over 31×31 (cut at the borders), detail D = I − B.</li>
 *   <li>Saliency S = |I ∗ Laplacian 3×3| smoothed by an 11×11 Gaussian, σ = 5 (r_g = σ_g = 5).</li>
 *   <li>Binary weight maps P: 1 where a source has the larger saliency (the visible one on ties).</li>
 *   <li>Refinement with each source as guide: W^B = GF(P; r = 45, ε = 0.3), W^D = GF(P; r = 7, ε = 1e-6),
 *       clamped to [0, 1] and normalized to sum to 1 per pixel.</li>
 *   <li>F = Σ W^B·B + Σ W^D·D.</li>
 * </ol>
 * Guided filtering runs in float64 (see {@link GuidedFilter}).
 */
public final class GuidedFilteringRule implements FusionRule {
    static final int BASE_RADIUS = 15;
    static final int BASE_GUIDED_RADIUS = 45;
    static final double BASE_GUIDED_EPS = 0.3;
    static final int DETAIL_GUIDED_RADIUS = 7;
    static final double DETAIL_GUIDED_EPS = 1e-6;
    private static final float[] LAPLACIAN = {0, 1, 0, 1, -4, 1, 0, 1, 0};
    private static final float[] SALIENCY_BLUR = ImageFilters.gaussian(5, 5);
    private static final double MIN_WEIGHT_SUM = 1e-6;

    @Override
    public String name() {
        return "gff";
    }

    @Override
    public String description() {
        return "guided-filtering fusion (Li et al. 2013)";
    }

    @Override
    public NDArray fuse(NDArray visible, NDArray infrared) {
        NDArray v = visible.toType(DataType.FLOAT64, false);
        NDArray ir = infrared.toType(DataType.FLOAT64, false);
        NDArray baseV = BoxFilter.mean(v, BASE_RADIUS);
        NDArray baseI = BoxFilter.mean(ir, BASE_RADIUS);
        NDArray pV = saliency(v).gte(saliency(ir)).toType(DataType.FLOAT64, false);
        NDArray pI = pV.neg().add(1);
        NDArray[] wb = normalize(
                GuidedFilter.apply(v, pV, BASE_GUIDED_RADIUS, BASE_GUIDED_EPS),
                GuidedFilter.apply(ir, pI, BASE_GUIDED_RADIUS, BASE_GUIDED_EPS));
        NDArray[] wd = normalize(
                GuidedFilter.apply(v, pV, DETAIL_GUIDED_RADIUS, DETAIL_GUIDED_EPS),
                GuidedFilter.apply(ir, pI, DETAIL_GUIDED_RADIUS, DETAIL_GUIDED_EPS));
        NDArray base = wb[0].mul(baseV).add(wb[1].mul(baseI));
        NDArray detail = wd[0].mul(v.sub(baseV)).add(wd[1].mul(ir.sub(baseI)));
        return base.add(detail).toType(DataType.FLOAT32, false);
    }

    static NDArray saliency(NDArray x) {
        return ImageFilters.separable(ImageFilters.filter(x, LAPLACIAN, 3).abs(), SALIENCY_BLUR);
    }

    /** Clamps two weight maps to [0, 1] and scales them to sum to 1 (equal weights where both vanish). */
    private static NDArray[] normalize(NDArray a, NDArray b) {
        NDArray ca = a.clip(0, 1);
        NDArray cb = b.clip(0, 1);
        NDArray sum = ca.add(cb);
        NDArray tiny = sum.lt(MIN_WEIGHT_SUM);
        NDArray safe = sum.maximum(MIN_WEIGHT_SUM);
        NDArray half = ca.onesLike().mul(0.5);
        NDArray wa = ai.djl.ndarray.NDArrays.where(tiny, half, ca.div(safe));
        return new NDArray[] {wa, wa.neg().add(1)};
    }
}
