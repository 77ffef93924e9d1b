package org.hazefuse.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.hazefuse.layers.Scalars;

/**
 * The IASSF training loss (docs/design/iassf.md, "Loss and training"):
 * L = β·‖V̂ − V_gt‖₁ + ‖F − max(V_gt, I)‖₁ + ‖ |∇F| − max(|∇V_gt|, |∇I|) ‖₁, β = 2, with ∇ = |Sobel_x| + |Sobel_y| per
 * RGB channel (zero padding, same size), I the infrared repeated to 3 channels, and ‖·‖₁ the mean absolute value.
 * All inputs (B, 3, H, W) in [−1, 1]. The three terms' weights are {@link Weights#SPEC} unless a run chooses others.
 */
public final class FusionLoss {

    /** The weighted total, which carries the gradient, and the three unweighted parts (scalars on the device). */
    public record Parts(NDArray total, NDArray dehaze, NDArray intensity, NDArray gradient) {
        /** The parts' values, read off the engine. */
        public Values values() {
            return new Values(total.getFloat(), dehaze.getFloat(), intensity.getFloat(), gradient.getFloat());
        }
    }

    /** The loss of one step as numbers: for logs, listeners and the non-finite check. */
    public record Values(float total, float dehaze, float intensity, float gradient) {}

    /**
     * Weights of the dehazing, fused-intensity and fused-gradient terms.
     *
     * @param dehaze β of the spec
     * @param intensity weight of ‖F − max(V_gt, I)‖₁
     * @param gradient weight of the gradient term; fusion papers that train on little data often raise it (e.g.
     *     SeAFusion uses 10) to keep the fused image as sharp as its sharpest source
     */
    public record Weights(float dehaze, float intensity, float gradient) {
        /** β = 2 and unit fusion weights, as published. */
        public static final Weights SPEC = new Weights(2f, 1f, 1f);

        public Weights {
            if (!(dehaze >= 0 && intensity >= 0 && gradient >= 0) || dehaze + intensity + gradient == 0) {
                throw new IllegalArgumentException("loss weights must be non-negative and not all zero, got "
                        + dehaze + ", " + intensity + ", " + gradient);
            }
        }
    }

    private FusionLoss() {}

    public static Parts compute(NDArray dehazed, NDArray fused, NDArray clear, NDArray infrared, Weights weights) {
        NDArray dehaze = dehazed.sub(clear).abs().mean();
        NDArray intensity = fused.sub(clear.maximum(infrared)).abs().mean();
        NDArray gradient = sobelMagnitude(fused).sub(sobelMagnitude(clear).maximum(sobelMagnitude(infrared)))
                .abs().mean();
        NDArray total = Scalars.mul(dehaze, weights.dehaze()).add(Scalars.mul(intensity, weights.intensity()))
                .add(Scalars.mul(gradient, weights.gradient()));
        return new Parts(total, dehaze, intensity, gradient);
    }

    /** |Sobel_x| + |Sobel_y| per channel: (B, C, H, W) → (B, C, H, W). */
    public static NDArray sobelMagnitude(NDArray x) {
        long c = x.getShape().get(1);
        NDManager m = x.getManager();
        float[] gx = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
        float[] gy = {-1, -2, -1, 0, 0, 0, 1, 2, 1};
        NDArray kx = m.create(gx, new Shape(1, 1, 3, 3)).repeat(0, c).toDevice(x.getDevice(), false);
        NDArray ky = m.create(gy, new Shape(1, 1, 3, 3)).repeat(0, c).toDevice(x.getDevice(), false);
        Shape unit = new Shape(1, 1);
        NDArray dx = Conv2d.conv2d(x, kx, null, unit, unit, unit, (int) c).singletonOrThrow();
        NDArray dy = Conv2d.conv2d(x, ky, null, unit, unit, unit, (int) c).singletonOrThrow();
        return dx.abs().add(dy.abs());
    }
}
