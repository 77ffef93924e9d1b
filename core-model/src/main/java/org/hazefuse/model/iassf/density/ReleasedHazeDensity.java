package org.hazefuse.model.iassf.density;

import org.hazefuse.statistics.FrameStatistics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.hazefuse.darkchannel.DarkChannel;
import org.hazefuse.method.DensitySettings;

/**
 * The haze density as the IASSF authors' released code computes it (docs/design/iassf.md, "The released code's
 * density"; the parity fixture's README), batched on tensors, with no gradient. Imported weights were trained with
 * it, so they only reproduce the authors' results with it; {@link HazeDensityEstimator} is the spec's version.
 *
 * <ol>
 *   <li>g = channel mean of the visible features (float32); per sample u = ⌊255·(g − min)/(max − min + 1e-8)⌋,
 *       computed in float32 as NumPy does (the +1e-8 in float64, then rounded), truncated like
 *       {@code astype(uint8)}; I = u / 255 in float64.</li>
 *   <li>dark = I eroded over a w×w window (OpenCV {@code erode}, whose default border never wins a minimum).</li>
 *   <li>t̃ = 1 − ω·dark: the released code computes the airlight but never divides by it.</li>
 *   <li>t = guided filter of t̃ with guide I (the 8-bit gray of the 3 equal channels is u again), OpenCV box
 *       filters of side 2r (60 at the default r = 30: the released window), BORDER_REFLECT_101, ε.</li>
 *   <li>D = 1 − t, not clamped (it may dip slightly below 0), float32.</li>
 * </ol>
 */
public final class ReleasedHazeDensity {
    private ReleasedHazeDensity() {}

    /**
     * @param features (B, C, H, W) visible features
     * @param settings ω, the dark window, the guided filter's r (box side 2r) and ε
     * @return D (B, 1, H, W), float32, detached from the graph
     */
    public static NDArray estimate(NDArray features, DensitySettings settings) {
        NDArray intensity = quantizedIntensity(features);
        NDArray dark = DarkChannel.compute(intensity, settings.darkWindow());
        NDArray coarse = dark.mul(-settings.omega()).add(1);
        int box = 2 * settings.guidedRadius();
        NDArray refined = guidedFilter(intensity, coarse, box, settings.guidedEps());
        return refined.neg().add(1).toType(DataType.FLOAT32, false);
    }

    /** Step 1: (B, C, H, W) float32 features → I = u / 255, (B, 1, H, W) float64, u the 8-bit level. */
    static NDArray quantizedIntensity(NDArray features) {
        NDArray gray = features.stopGradient().toType(DataType.FLOAT32, false).mean(new int[] {1}, true);
        NDArray min = FrameStatistics.extreme(gray, FrameStatistics.Extreme.MIN);
        NDArray max = FrameStatistics.extreme(gray, FrameStatistics.Extreme.MAX);
        NDArray range = max.sub(min); // float32, as NumPy's max() − min()
        NDArray denominator = range.toType(DataType.FLOAT64, false).add(1e-8).toType(DataType.FLOAT32, false);
        NDArray levels = gray.sub(min).div(denominator).mul(255f); // float32 throughout, like the array arithmetic
        // float → int truncates toward zero, as astype(uint8) does on [0, 255].
        return levels.toType(DataType.INT32, false).toType(DataType.FLOAT64, false).div(255.0);
    }

    /** He et al.'s guided filter with OpenCV box filters of side {@code box}; float64 guide and source. */
    static NDArray guidedFilter(NDArray guide, NDArray source, int box, double eps) {
        NDArray meanGuide = OpenCvBoxFilter.mean(guide, box);
        NDArray meanSource = OpenCvBoxFilter.mean(source, box);
        NDArray cov = OpenCvBoxFilter.mean(guide.mul(source), box).sub(meanGuide.mul(meanSource));
        NDArray var = OpenCvBoxFilter.mean(guide.mul(guide), box).sub(meanGuide.mul(meanGuide));
        NDArray a = cov.div(var.add(eps));
        NDArray b = meanSource.sub(a.mul(meanGuide));
        return OpenCvBoxFilter.mean(a, box).mul(guide).add(OpenCvBoxFilter.mean(b, box));
    }
}
