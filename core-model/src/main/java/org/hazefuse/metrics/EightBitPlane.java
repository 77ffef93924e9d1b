package org.hazefuse.metrics;

import java.util.Objects;
import org.hazefuse.image.FloatImage;

/**
 * One image plane as 8-bit gray levels (integers 0–255 held in doubles), the single input form of every metric.
 *
 * <p>Why 8-bit: the papers' metrics are defined on, and their published numbers computed from, 8-bit image files.
 * Quantizing here makes the score of an image held in memory identical to the score of the same image saved as
 * PNG and read back, so {@code eval --methods} and {@code eval --fused} agree.
 *
 * <p>Conversion, in this order:
 * <ol>
 *   <li>each channel sample {@code v} in [0, 1] is clamped to [0, 1] and quantized: {@code q = floor(255 v + 0.5)};</li>
 *   <li>gray of an RGB image is the ITU-R BT.601 luma of the quantized channels,
 *       {@code Y = 0.299 R + 0.587 G + 0.114 B}, rounded half up to an integer: {@code floor(Y + 0.5)};
 *       a 1-channel image is its quantized channel.</li>
 * </ol>
 * Values are stored row-major, {@code values[y * width + x]}.
 */
public record EightBitPlane(int width, int height, double[] values) {

    public EightBitPlane {
        Objects.requireNonNull(values, "values");
        if (width <= 0 || height <= 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException("plane " + width + "x" + height + " does not match "
                    + values.length + " values");
        }
    }

    /** The 8-bit luma of an RGB image, or the quantized channel of a gray one (see the class comment). */
    public static EightBitPlane luma(FloatImage image) {
        int n = image.pixels();
        float[] d = image.data();
        double[] out = new double[n];
        if (image.channels() == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = quantize(d[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double y = 0.299 * quantize(d[i]) + 0.587 * quantize(d[n + i]) + 0.114 * quantize(d[2 * n + i]);
                out[i] = Math.floor(y + 0.5);
            }
        }
        return new EightBitPlane(image.width(), image.height(), out);
    }

    /** One channel of an image, quantized to 8 bits. */
    public static EightBitPlane channel(FloatImage image, int c) {
        if (c < 0 || c >= image.channels()) {
            throw new IllegalArgumentException("channel " + c + " of a " + image.channels() + "-channel image");
        }
        int n = image.pixels();
        float[] d = image.data();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = quantize(d[c * n + i]);
        }
        return new EightBitPlane(image.width(), image.height(), out);
    }

    /** A plane from explicit levels (tests, synthetic inputs); values are used as given. */
    public static EightBitPlane of(int width, int height, double... values) {
        return new EightBitPlane(width, height, values);
    }

    /** {@code floor(255 * clamp(v, 0, 1) + 0.5)}. */
    static double quantize(float v) {
        double c = v < 0 ? 0 : (v > 1 ? 1 : v);
        return Math.floor(c * 255.0 + 0.5);
    }

    public int size() {
        return values.length;
    }

    public double get(int x, int y) {
        return values[y * width + x];
    }

    void requireSameSize(EightBitPlane other, String what) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(what + ": " + other.width + "x" + other.height
                    + " differs from " + width + "x" + height);
        }
    }
}
