package org.hazefuse.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.hazefuse.layers.Scalars;

/**
 * The IASSF training loss (IASSF.md, "Loss and training"):
 * L = β·‖V̂ − V_gt‖₁ + ‖F − max(V_gt, I)‖₁ + ‖ |∇F| − max(|∇V_gt|, |∇I|) ‖₁, β = 2, with ∇ = |Sobel_x| + |Sobel_y| per
 * RGB channel (zero padding, same size), I the infrared repeated to 3 channels, and ‖·‖₁ the mean absolute value.
 * All inputs (B, 3, H, W) in [−1, 1].
 */
public final class FusionLoss {
    public static final float DEHAZE_WEIGHT = 2f;

    /** The loss and its three parts (scalars on the inputs' device); {@code total} carries the gradient. */
    public record Parts(NDArray total, NDArray dehaze, NDArray intensity, NDArray gradient) {}

    private FusionLoss() {}

    public static Parts compute(NDArray dehazed, NDArray fused, NDArray clear, NDArray infrared) {
        NDArray dehaze = dehazed.sub(clear).abs().mean();
        NDArray intensity = fused.sub(clear.maximum(infrared)).abs().mean();
        NDArray gradient = sobelMagnitude(fused).sub(sobelMagnitude(clear).maximum(sobelMagnitude(infrared)))
                .abs().mean();
        NDArray total = Scalars.mul(dehaze, DEHAZE_WEIGHT).add(intensity).add(gradient);
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
