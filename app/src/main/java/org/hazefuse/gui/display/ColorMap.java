package org.hazefuse.gui.display;

import java.util.List;
import javafx.scene.paint.Color;
import org.hazefuse.gui.image.HeatColorMap;

/**
 * Lookup tables for one-channel images, as Fiji and napari offer them: gray, inferno (the density map's default,
 * the same table as {@link HeatColorMap}) and viridis. Both colour maps grow monotonically in lightness, so they
 * read correctly in gray print and for colour-blind readers. 256 opaque ARGB entries, interpolated linearly in sRGB
 * between the stops.
 */
public enum ColorMap {
    GRAY("Gray", List.of(Color.BLACK, Color.WHITE)),
    INFERNO("Inferno", HeatColorMap.stops()),
    /** Matplotlib's viridis sampled at ninths. */
    VIRIDIS("Viridis", List.of(Color.web("#440154"), Color.web("#472d7b"), Color.web("#3b528b"), Color.web("#2c728e"),
            Color.web("#21918c"), Color.web("#28ae80"), Color.web("#5ec962"), Color.web("#addc30"),
            Color.web("#fde725")));

    private final String label;
    private final List<Color> stops;
    private final int[] lut;

    ColorMap(String label, List<Color> stops) {
        this.label = label;
        this.stops = stops;
        this.lut = build(stops);
    }

    /** Opaque ARGB of a value already scaled to [0, 1]; clamped, NaN as 0. */
    public int argb(double t) {
        if (!(t > 0)) {
            return lut[0];
        }
        return t >= 1 ? lut[255] : lut[(int) Math.round(t * 255)];
    }

    /** The colour of {@code t} in [0, 1], for legends. */
    public Color color(double t) {
        int c = argb(t);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
    }

    /** The stops at equal spacing from 0 to 1, for gradients. */
    public List<Color> stops() {
        return stops;
    }

    @Override
    public String toString() {
        return label;
    }

    private static int[] build(List<Color> stops) {
        int[] lut = new int[256];
        int segments = stops.size() - 1;
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * segments;
            int s = Math.min((int) t, segments - 1);
            Color c = stops.get(s).interpolate(stops.get(s + 1), t - s);
            lut[i] = 0xff000000 | (to8(c.getRed()) << 16) | (to8(c.getGreen()) << 8) | to8(c.getBlue());
        }
        return lut;
    }

    private static int to8(double v) {
        return (int) Math.round(v * 255);
    }
}
