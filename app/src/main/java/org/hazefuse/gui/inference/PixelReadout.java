package org.hazefuse.gui.inference;

import java.util.Locale;
import org.hazefuse.image.FloatImage;

/** Formats the values of one pixel for the read-out: three decimals, RGB as a triple. */
public final class PixelReadout {
    private PixelReadout() {
    }

    /** The image's value at (x, y), or an empty string when there is no image or the point is outside. */
    public static String value(FloatImage image, int x, int y) {
        if (image == null || x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            return "";
        }
        if (image.channels() == 1) {
            return String.format(Locale.ROOT, "%.3f", image.get(0, y, x));
        }
        return String.format(Locale.ROOT, "%.3f %.3f %.3f", image.get(0, y, x), image.get(1, y, x), image.get(2, y, x));
    }
}
