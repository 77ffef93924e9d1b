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

    /**
     * A density map in colour as an RGB {@link org.hazefuse.image.FloatImage} (for export next to the gray values),
     * through the same 256-entry table the viewer uses.
     */
    public static org.hazefuse.image.FloatImage colorize(org.hazefuse.image.FloatImage map) {
        if (map.channels() != 1) {
            throw new IllegalArgumentException("a heat map needs 1 channel, got " + map.channels());
        }
        int n = map.pixels();
        float[] d = map.data();
        float[] rgb = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int c = LUT[index(d[i])];
            rgb[i] = ((c >> 16) & 0xff) / 255f;
            rgb[n + i] = ((c >> 8) & 0xff) / 255f;
            rgb[2 * n + i] = (c & 0xff) / 255f;
        }
        return new org.hazefuse.image.FloatImage(map.width(), map.height(), 3, rgb);
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
