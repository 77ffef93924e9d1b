package org.hazefuse.gui.display;

import org.hazefuse.image.FloatImage;

/**
 * Turns an image into opaque ARGB pixels under {@link DisplaySettings}. Plain arrays, any thread: the viewer wraps
 * them in JavaFX images, the figure export in AWT ones, so what is exported is what is shown.
 */
public final class DisplayRenderer {
    private DisplayRenderer() {
    }

    public static int[] argb(FloatImage image, DisplaySettings s) {
        int n = image.pixels();
        float[] d = image.data();
        int[] out = new int[n];
        double scale = 1 / (s.max() - s.min());
        double min = s.min();
        if (image.channels() == 1) {
            ColorMap map = s.colorMap();
            for (int i = 0; i < n; i++) {
                out[i] = map.argb((d[i] - min) * scale);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = 0xff000000 | (to8((d[i] - min) * scale) << 16) | (to8((d[n + i] - min) * scale) << 8)
                        | to8((d[2 * n + i] - min) * scale);
            }
        }
        return out;
    }

    private static int to8(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : (int) (v * 255 + 0.5);
    }
}
