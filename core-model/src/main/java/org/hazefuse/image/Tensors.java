package org.hazefuse.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hazefuse.image.FloatImage;
import org.hazefuse.layers.Scalars;

/** Conversions between images and the network's tensors (docs/design/iassf.md, "Data conventions"). */
public final class Tensors {
    private Tensors() {}

    /** An image as a (1, C, H, W) tensor in [0, 1]. */
    public static NDArray fromImage(NDManager manager, FloatImage image) {
        return manager.create(image.data(), new Shape(1, image.channels(), image.height(), image.width()));
    }

    /** One sample of a (B, C, H, W) tensor in [0, 1] as an image (values clamped to [0, 1]). */
    public static FloatImage toImage(NDArray x, int sample) {
        NDArray one = x.get(sample).clip(0, 1);
        Shape s = one.getShape();
        return new FloatImage((int) s.get(2), (int) s.get(1), (int) s.get(0), one.toFloatArray());
    }

    /** [0, 1] → [−1, 1]. */
    public static NDArray toSigned(NDArray unit) {
        return Scalars.mul(unit, 2).sub(1);
    }

    /** [−1, 1] → [0, 1], clamped. */
    public static NDArray toUnit(NDArray signed) {
        return Scalars.div(signed.clip(-1, 1).add(1), 2);
    }

    /** A 1-channel map repeated to 3 channels: the published model takes a 3-channel infrared image. */
    public static NDArray toThreeChannels(NDArray gray) {
        return gray.getShape().get(1) == 3 ? gray : gray.repeat(1, 3);
    }
}
