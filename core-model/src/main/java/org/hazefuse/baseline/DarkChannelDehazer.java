package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import org.hazefuse.darkchannel.DarkChannel;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.method.DensitySettings;

/**
 * Dark-channel-prior dehazing (K. He, J. Sun and X. Tang, "Single image haze removal using dark channel prior",
 * CVPR 2009 / IEEE TPAMI 33(12), 2011), with the guided filter (He et al., ECCV 2010) in place of soft matting.
 *
 * The estimate is {@link DarkChannelPrior}'s:
 * <ol>
 *   <li>Airlight A (per channel): mean colour of the pixels whose dark channel (w×w window, w =
 *       {@link DensitySettings#darkWindow()}, 15 by default) is among the brightest 0.1 %
 *       ({@link DarkChannel#airlight}; the paper takes the single brightest of them, the mean is less sensitive
 *       to one white object). Floored at 0.05 per channel.</li>
 *   <li>Coarse transmission t̃ = 1 − ω·dark(I / A), ω = {@link DensitySettings#omega()} (0.95).</li>
 *   <li>Refinement: t = guided filter of t̃ with the luma of I as guide, radius
 *       {@link DensitySettings#guidedRadius()} and ε {@link DensitySettings#guidedEps()} (float64).</li>
 *   <li>Recovery J = (I − A) / max(t, t₀) + A, t₀ = 0.1, clamped to [0, 1].</li>
 *   <li>Haze density D = clamp(1 − t, 0, 1).</li>
 * </ol>
 */
public final class DarkChannelDehazer {
    static final double T0 = 0.1;

    private DarkChannelDehazer() {
    }

    /** The dehazed image (1, 3, H, W) and the density map (1, 1, H, W), float32 in [0, 1]. */
    public record Dehazed(NDArray image, NDArray density) {
    }

    /** @param hazy (1, 3, H, W) float32 in [0, 1] */
    public static Dehazed dehaze(NDArray hazy, DensitySettings settings) {
        DarkChannelPrior.Estimate estimate = DarkChannelPrior.estimate(hazy, settings);
        return new Dehazed(estimate.recover(hazy, T0).clip(0, 1), estimate.density());
    }
}
