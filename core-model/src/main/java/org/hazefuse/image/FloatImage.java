package org.hazefuse.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image as planar float samples in [0, 1]: channel-major (CHW), row-major inside a channel.
 *
 * <p>This is the currency between reading, the methods, the metrics and the GUI. It is immutable by
 * convention: no method of the project writes into an image it did not create. Visible images have 3
 * channels (RGB), infrared and density maps 1.
 */
public final class FloatImage {
    private final int width;
    private final int height;
    private final int channels;
    private final float[] data;

    /**
     * @param data {@code channels * height * width} samples, CHW order; kept, not copied
     */
    public FloatImage(int width, int height, int channels, float[] data) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        Objects.requireNonNull(data, "data");
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels
                    + " samples for " + width + "x" + height + "x" + channels + ", got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    public static FloatImage zeros(int width, int height, int channels) {
        return new FloatImage(width, height, channels, new float[width * height * channels]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public int pixels() {
        return width * height;
    }

    /** The backing CHW array; callers must not modify it. */
    public float[] data() {
        return data;
    }

    public float get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x];
    }

    /** The window of {@code height × width} pixels at ({@code top}, {@code left}), a new image. */
    public FloatImage crop(int top, int left, int height, int width) {
        if (top < 0 || left < 0 || height <= 0 || width <= 0 || top + height > this.height
                || left + width > this.width) {
            throw new IllegalArgumentException("window " + width + "x" + height + " at (" + left + ", " + top
                    + ") is not inside " + this.width + "x" + this.height);
        }
        float[] out = new float[channels * height * width];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(data, (c * this.height + top + y) * this.width + left, out,
                        (c * height + y) * width, width);
            }
        }
        return new FloatImage(width, height, channels, out);
    }

    /** One channel as a new single-channel image. */
    public FloatImage channel(int c) {
        int n = pixels();
        return new FloatImage(width, height, 1, Arrays.copyOfRange(data, c * n, (c + 1) * n));
    }

    /** Gray (luma, ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) of an RGB image; a gray image is returned as is. */
    public FloatImage luma() {
        if (channels == 1) {
            return this;
        }
        int n = pixels();
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.299f * data[i] + 0.587f * data[n + i] + 0.114f * data[2 * n + i];
        }
        return new FloatImage(width, height, 1, y);
    }

    /** A gray image repeated to three channels; an RGB image is returned as is. */
    public FloatImage toRgb() {
        if (channels == 3) {
            return this;
        }
        int n = pixels();
        float[] rgb = new float[3 * n];
        System.arraycopy(data, 0, rgb, 0, n);
        System.arraycopy(data, 0, rgb, n, n);
        System.arraycopy(data, 0, rgb, 2 * n, n);
        return new FloatImage(width, height, 3, rgb);
    }

    public boolean sameSize(FloatImage other) {
        return width == other.width && height == other.height;
    }

    @Override
    public String toString() {
        return "FloatImage[" + width + "x" + height + "x" + channels + "]";
    }
}
