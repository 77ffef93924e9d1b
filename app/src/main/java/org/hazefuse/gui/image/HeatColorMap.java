package org.hazefuse.gui.image;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colour map for haze density: dark blue (0, clear) through purple, red and orange to pale yellow
 * (1, dense haze). Monotone in lightness, so it reads correctly in gray print and for colour-blind users.
 * A 256-entry look-up table of opaque ARGB values, plus the stops for drawing a legend.
 */
public final class HeatColorMap {
    /** Control points at 0, 0.25, 0.5, 0.75 and 1, interpolated linearly in sRGB. */
    private static final List<Color> STOPS = List.of(
            Color.rgb(0, 0, 4),
            Color.rgb(87, 16, 110),
            Color.rgb(188, 55, 84),
            Color.rgb(249, 142, 9),
            Color.rgb(252, 255, 164));

    private static final int[] LUT = buildLut();

    private HeatColorMap() {
    }

    /** Opaque ARGB colour of a density in [0, 1]; values outside are clamped, NaN maps to 0. */
    public static int argb(float value) {
        return LUT[index(value)];
    }

    /** Index into the 256-entry table: round(clamp(v) * 255). */
    static int index(float value) {
        if (!(value > 0)) {
            return 0;
        }
        if (value >= 1) {
            return 255;
        }
        return Math.round(value * 255f);
    }

    /** The stops, from 0 to 1 at equal spacing, for a legend gradient. */
    public static List<Color> stops() {
        return STOPS;
    }

    public static Color color(double value) {
        int c = argb((float) value);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
    }

    private static int[] buildLut() {
        int[] lut = new int[256];
        int segments = STOPS.size() - 1;
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * segments;
            int s = Math.min((int) t, segments - 1);
            Color c = STOPS.get(s).interpolate(STOPS.get(s + 1), t - s);
            lut[i] = 0xff000000 | (to8(c.getRed()) << 16) | (to8(c.getGreen()) << 8) | to8(c.getBlue());
        }
        return lut;
    }

    private static int to8(double v) {
        return (int) Math.round(v * 255);
    }
}
