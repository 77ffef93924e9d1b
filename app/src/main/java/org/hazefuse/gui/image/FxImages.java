package org.hazefuse.gui.image;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.hazefuse.image.FloatImage;

/**
 * {@link FloatImage} (planar CHW floats in [0, 1]) to JavaFX images. Each conversion fills one packed ARGB
 * int array and wraps it in a {@link PixelBuffer}: one pass over plain arrays, no per-pixel {@code PixelWriter}
 * calls, and the image shares the buffer (no second copy). Safe on any thread; the result is only read after.
 */
public final class FxImages {
    private FxImages() {
    }

    /** Gray (1 channel) or RGB (3 channels) image, values clamped to [0, 1] and rounded to 8 bits. */
    public static WritableImage toFx(FloatImage image) {
        int n = image.pixels();
        float[] d = image.data();
        int[] argb = new int[n];
        if (image.channels() == 1) {
            for (int i = 0; i < n; i++) {
                int v = to8(d[i]);
                argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                argb[i] = 0xff000000 | (to8(d[i]) << 16) | (to8(d[n + i]) << 8) | to8(d[2 * n + i]);
            }
        }
        return wrap(image.width(), image.height(), argb);
    }

    /** A single-channel map in [0, 1] (haze density) through {@link HeatColorMap}. */
    public static WritableImage toHeat(FloatImage map) {
        if (map.channels() != 1) {
            throw new IllegalArgumentException("a heat map needs 1 channel, got " + map.channels());
        }
        int n = map.pixels();
        float[] d = map.data();
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            argb[i] = HeatColorMap.argb(d[i]);
        }
        return wrap(map.width(), map.height(), argb);
    }

    /** Opaque ARGB pixels (e.g. from the display renderer) as an image that shares the array. */
    public static WritableImage wrap(int width, int height, int[] argb) {
        // Opaque pixels: premultiplied and straight ARGB coincide, and the pre format is the one Prism draws directly.
        PixelBuffer<IntBuffer> buffer =
                new PixelBuffer<>(width, height, IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance());
        return new WritableImage(buffer);
    }

    static int to8(float v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= 1) {
            return 255;
        }
        return (int) (v * 255f + 0.5f);
    }
}
