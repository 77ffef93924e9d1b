package org.hazefuse.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.ImagePair;

/**
 * One picture per pair for side-by-side inspection: the first row holds the inputs (visible input, infrared,
 * clear reference when known); then one row per method with its dehazed image, density map and fused image
 * (a blank tile where a method has no such output). Each tile is scaled to at most {@value #MAX_TILE_WIDTH}
 * pixels wide and captioned.
 */
public final class ComparisonGrid {
    static final int MAX_TILE_WIDTH = 320;
    private static final int CAPTION = 18;
    private static final int GAP = 4;

    private ComparisonGrid() {
    }

    private record Tile(String caption, FloatImage image) {
    }

    public static BufferedImage render(ImagePair pair, Map<String, Outputs> outputs) {
        List<List<Tile>> rows = new ArrayList<>();
        List<Tile> inputs = new ArrayList<>();
        inputs.add(new Tile(pair.name() + ": input", pair.visible()));
        inputs.add(new Tile("infrared", pair.infrared()));
        pair.clearVisible().ifPresent(c -> inputs.add(new Tile("clear reference", c)));
        rows.add(inputs);
        outputs.forEach((method, out) -> rows.add(List.of(
                new Tile(method + ": dehazed", out.dehazed().orElse(null)),
                new Tile(method + ": density", out.density().orElse(null)),
                new Tile(method + ": fused", out.fused()))));
        double scale = Math.min(1.0, (double) MAX_TILE_WIDTH / pair.width());
        int tw = Math.max(1, (int) Math.round(pair.width() * scale));
        int th = Math.max(1, (int) Math.round(pair.height() * scale));
        int cols = rows.stream().mapToInt(List::size).max().orElse(1);
        int width = cols * tw + (cols + 1) * GAP;
        int height = rows.size() * (th + CAPTION) + (rows.size() + 1) * GAP;
        BufferedImage grid = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int r = 0; r < rows.size(); r++) {
                int y = GAP + r * (th + CAPTION + GAP);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Tile tile = rows.get(r).get(c);
                    int x = GAP + c * (tw + GAP);
                    g.setColor(Color.BLACK);
                    g.drawString(tile.caption(), x + 2, y + CAPTION - 5);
                    if (tile.image() != null) {
                        g.drawImage(toBuffered(tile.image()), x, y + CAPTION, tw, th, null);
                    } else {
                        g.setColor(new Color(230, 230, 230));
                        g.fillRect(x, y + CAPTION, tw, th);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    /** An 8-bit RGB picture of a 1- or 3-channel image. */
    static BufferedImage toBuffered(FloatImage img) {
        int w = img.width();
        int h = img.height();
        int n = w * h;
        float[] d = img.data();
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int r = level(d[i]);
            int gr = img.channels() == 3 ? level(d[n + i]) : r;
            int b = img.channels() == 3 ? level(d[2 * n + i]) : r;
            argb[i] = (r << 16) | (gr << 8) | b;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static int level(float v) {
        return (int) Math.floor(Math.max(0, Math.min(1, v)) * 255 + 0.5);
    }
}
