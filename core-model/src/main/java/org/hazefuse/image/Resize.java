package org.hazefuse.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.hazefuse.runtime.Engines;

/**
 * Resizing of {@link FloatImage}s and NCHW tensors on the engine: area averaging when shrinking (each output
 * pixel is the mean of the input pixels it covers, so no aliasing), bilinear (half-pixel centres, corners not
 * aligned) when enlarging; and plain bilinear resizing of feature maps inside the networks, with gradients. All of
 * it is PyTorch's {@code interpolate}, called through DJL's JNI because DJL's generic resize treats its input as
 * NHWC images (docs/design/stack.md).
 */
public final class Resize {
    private static final int MODE_BILINEAR = 2;
    private static final int MODE_AREA = 5;

    private Resize() {
    }

    /** {@code image} resized to {@code width × height}, same channel count. */
    public static FloatImage resize(FloatImage image, int width, int height) {
        if (image.width() == width && image.height() == height) {
            return image;
        }
        try (NDManager manager = Engines.cpuManager()) {
            NDArray x = manager.create(image.data(), new Shape(1, image.channels(), image.height(), image.width()));
            NDArray y = resize(x, width, height);
            return new FloatImage(width, height, image.channels(), y.toFloatArray());
        }
    }

    /**
     * An NCHW float tensor resized to {@code height × width}; area mode when both sides shrink or stay, else
     * bilinear. The result belongs to {@code x}'s manager.
     */
    public static NDArray resize(NDArray x, int width, int height) {
        Shape s = x.getShape();
        boolean shrink = width <= s.get(3) && height <= s.get(2);
        PtNDArray pt = (PtNDArray) x;
        return JniUtils.interpolate(pt, new long[] {height, width}, shrink ? MODE_AREA : MODE_BILINEAR, false);
    }

    /**
     * Bilinear resize of an NCHW map to {@code height × width}, differentiable; {@code x} itself when it already
     * has that size.
     *
     * @param alignCorners PyTorch's flag: false (its default) maps pixel centres, true maps the corner pixels
     */
    public static NDArray bilinear(NDArray x, long height, long width, boolean alignCorners) {
        if (x.getShape().get(2) == height && x.getShape().get(3) == width) {
            return x;
        }
        return JniUtils.interpolate((PtNDArray) x, new long[] {height, width}, MODE_BILINEAR, alignCorners);
    }

    /** {@link #bilinear(NDArray, long, long, boolean)} with PyTorch's default, corners not aligned. */
    public static NDArray bilinear(NDArray x, long height, long width) {
        return bilinear(x, height, width, false);
    }
}
