package org.hazefuse.gui.display;

import java.util.Objects;

/**
 * How one panel maps its values to the screen, as in Fiji's Brightness/Contrast: values from {@code min} to
 * {@code max} are stretched over the full range (below black, above white), one-channel images through a lookup
 * table. Colour images keep their colours and are stretched per channel; their {@code colorMap} is ignored.
 */
public record DisplaySettings(double min, double max, ColorMap colorMap) {
    public static final DisplaySettings GRAY = new DisplaySettings(0, 1, ColorMap.GRAY);
    public static final DisplaySettings INFERNO = new DisplaySettings(0, 1, ColorMap.INFERNO);

    public DisplaySettings {
        Objects.requireNonNull(colorMap, "colorMap");
        if (!(max > min)) {
            throw new IllegalArgumentException("max must be above min, got " + min + " and " + max);
        }
    }

    public DisplaySettings withRange(double newMin, double newMax) {
        return new DisplaySettings(newMin, newMax, colorMap);
    }

    public DisplaySettings withColorMap(ColorMap map) {
        return new DisplaySettings(min, max, map);
    }

    /** The value scaled to [0, 1] (not clamped). */
    public double scale(double v) {
        return (v - min) / (max - min);
    }
}
