package org.hazefuse.darkchannel;

import org.hazefuse.statistics.FrameStatistics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.hazefuse.image.Colour;
import org.hazefuse.method.DensitySettings;

/**
 * The dark channel prior on an RGB image (He, Sun and Tang, CVPR 2009 / TPAMI 2011), with the guided filter (He
 * et al., ECCV 2010) in place of soft matting: the haze model I = J·t + A·(1 − t) solved for t and A.
 *
 * <ol>
 *   <li>Airlight A per channel: mean colour of the pixels whose dark channel (w×w window) is among the brightest
 *       0.1 % ({@link DarkChannel#airlight}), floored at 0.05.</li>
 *   <li>Coarse transmission t̃ = 1 − ω·dark(I / A).</li>
 *   <li>Refined t = guided filter of t̃ with the luma of I as guide (radius r, ε; float64).</li>
 * </ol>
 * Used by the two-stage baselines and as the physical prior of the {@code lite} network.
 */
public final class DarkChannelPrior {
    private static final double MIN_AIRLIGHT = 0.05;

    /**
     * @param transmission refined t, (B, 1, H, W) float32, not clamped
     * @param airlight A, (B, 3, 1, 1) float32
     */
    public record Estimate(NDArray transmission, NDArray airlight) {
        /** Haze density D = clamp(1 − t, 0, 1). */
        public NDArray density() {
            return transmission.neg().add(1).clip(0, 1);
        }

        /** Scene radiance J = (I − A) / max(t, t₀) + A, not clamped. */
        public NDArray recover(NDArray hazy, double minTransmission) {
            return hazy.sub(airlight).div(transmission.maximum(minTransmission)).add(airlight);
        }
    }

    private DarkChannelPrior() {}

    /** @param hazy (B, 3, H, W) float32 in [0, 1]; no gradient flows through the estimate */
    public static Estimate estimate(NDArray hazy, DensitySettings settings) {
        NDArray image = hazy.stopGradient();
        NDArray dark = DarkChannel.compute(image, settings.darkWindow());
        NDArray airlight = FrameStatistics.brightestMean(image, dark, DarkChannel::brightestCount,
                () -> DarkChannel.airlight(image, dark)).maximum(MIN_AIRLIGHT);
        NDArray coarse = DarkChannel.compute(image.div(airlight), settings.darkWindow()).mul(-settings.omega()).add(1);
        NDArray guide = Colour.luma(image).toType(DataType.FLOAT64, false);
        NDArray t = GuidedFilter.apply(guide, coarse.toType(DataType.FLOAT64, false), settings.guidedRadius(),
                settings.guidedEps()).toType(DataType.FLOAT32, false);
        return new Estimate(t, airlight);
    }
}
