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

    /**
     * The {@code height × width} window at ({@code top}, {@code left}) of what {@link #bilinear(NDArray, long, long,
     * boolean)} would give at {@code frameHeight × frameWidth}, without making the whole frame: the bilinear weights
     * of the window's rows and columns as two small matrices, out = R_rows · x · R_colsᵀ. Lets a tile take its
     * part of a frame-sized prompt (org.hazefuse.statistics.FrameStatistics).
     */
    public static NDArray bilinearWindow(NDArray x, long frameHeight, long frameWidth, long top, long left,
            long height, long width, boolean alignCorners) {
        Shape s = x.getShape();
        NDManager manager = x.getManager();
        NDArray rows = manager.create(weights(s.get(2), frameHeight, top, height, alignCorners),
                new Shape(height, s.get(2))).toDevice(x.getDevice(), false);
        NDArray cols = manager.create(weights(s.get(3), frameWidth, left, width, alignCorners),
                new Shape(width, s.get(3))).toDevice(x.getDevice(), false);
        return rows.matMul(x).matMul(cols.transpose());
    }

    /** Row-major (count × source) weights of output samples [first, first + count) of a resize source → target. */
    private static float[] weights(long source, long target, long first, long count, boolean alignCorners) {
        float[] w = new float[Math.toIntExact(count * source)];
        for (long i = 0; i < count; i++) {
            long dst = first + i;
            double src;
            if (alignCorners) {
                src = target > 1 ? dst * (source - 1.0) / (target - 1.0) : 0;
            } else {
                src = Math.max(0, (dst + 0.5) * source / (double) target - 0.5);
            }
            long i0 = Math.min((long) Math.floor(src), source - 1);
            long i1 = Math.min(i0 + 1, source - 1);
            double frac = src - i0;
            w[(int) (i * source + i0)] += (float) (1 - frac);
            w[(int) (i * source + i1)] += (float) frac;
        }
        return w;
    }

    /** {@link #bilinear(NDArray, long, long, boolean)} with PyTorch's default, corners not aligned. */
    public static NDArray bilinear(NDArray x, long height, long width) {
        return bilinear(x, height, width, false);
    }
}
