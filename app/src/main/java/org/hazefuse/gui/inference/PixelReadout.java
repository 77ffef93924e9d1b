package org.hazefuse.gui.inference;

import java.util.Locale;
import org.hazefuse.image.FloatImage;

/** Formats the values of one pixel for the read-out: RGB as a triple. */
public final class PixelReadout {
    private PixelReadout() {
    }

    /** The image's value at (x, y) with three decimals, or "" when there is no image or the point is outside. */
    public static String value(FloatImage image, int x, int y) {
        return value(image, x, y, 3);
    }

    /** As {@link #value(FloatImage, int, int)} with the given number of decimals (panel headers use 2). */
    public static String value(FloatImage image, int x, int y, int decimals) {
        if (image == null || x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            return "";
        }
        String f = "%." + decimals + "f";
        if (image.channels() == 1) {
            return String.format(Locale.ROOT, f, image.get(0, y, x));
        }
        return String.format(Locale.ROOT, f + " " + f + " " + f, image.get(0, y, x), image.get(1, y, x), image.get(2, y, x));
    }
}
