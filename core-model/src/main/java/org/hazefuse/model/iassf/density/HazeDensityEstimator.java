package org.hazefuse.model.iassf.density;

import org.hazefuse.statistics.FrameStatistics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.darkchannel.GuidedFilter;
import org.hazefuse.darkchannel.DarkChannel;

/**
 * Dark-channel guided haze density (docs/design/iassf.md, "Forward pass", step 4, HDE), batched on tensors on the features'
 * device, with no gradient.
 *
 * <ol>
 *   <li>I = channel mean of the visible features, min–max normalised per sample to [0, 1]. The released code also
 *       quantises I to 8 bits (a side effect of going through OpenCV); this implementation does not, so the map
 *       stays smooth and differentiable inputs stay exact.</li>
 *   <li>dark = min over a w×w window (w = 15 by default); A = mean of I over the brightest 0.1 % of dark.</li>
 *   <li>t = 1 − ω·dark(I/A) = 1 − ω·dark/A (A is a positive scalar per sample, so it commutes with the minimum;
 *       the paper's division by A, which the released code omits).</li>
 *   <li>t is refined by a guided filter with guide I (radius r: window 2r+1, r = 30 by default, the nearest odd
 *       window to the released code's 60; ε = 1e-4).</li>
 *   <li>D = clamp(1 − t, 0, 1).</li>
 * </ol>
 */
public final class HazeDensityEstimator {
    private static final double MIN_RANGE = 1e-6;
    private static final double MIN_AIRLIGHT = 1e-3;

    private HazeDensityEstimator() {}

    /** The normalised guide map I of step 1: (B, C, H, W) features → (B, 1, H, W) in [0, 1], float64. */
    public static NDArray normalizedIntensity(NDArray features) {
        NDArray gray = features.stopGradient().toType(DataType.FLOAT64, false).mean(new int[] {1}, true);
        NDArray min = FrameStatistics.extreme(gray, FrameStatistics.Extreme.MIN);
        NDArray max = FrameStatistics.extreme(gray, FrameStatistics.Extreme.MAX);
        NDArray range = max.sub(min).maximum(MIN_RANGE);
        return gray.sub(min).div(range);
    }

    /**
     * @param features (B, C, H, W) visible features (or an image)
     * @return density D (B, 1, H, W) in [0, 1], float32, detached from the graph
     */
    public static NDArray estimate(NDArray features, DensitySettings settings) {
        NDArray intensity = normalizedIntensity(features);
        NDArray dark = DarkChannel.compute(intensity, settings.darkWindow());
        NDArray airlight = FrameStatistics.brightestMean(intensity, dark, DarkChannel::brightestCount,
                () -> DarkChannel.airlight(intensity, dark)).maximum(MIN_AIRLIGHT);
        NDArray transmission = dark.div(airlight).mul(-settings.omega()).add(1);
        NDArray refined = GuidedFilter.apply(intensity, transmission, settings.guidedRadius(), settings.guidedEps());
        return refined.neg().add(1).clip(0, 1).toType(DataType.FLOAT32, false);
    }
}
