package org.hazefuse.gui.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Figure} as SVG: text, ticks and colour bars are vector elements (editable in Inkscape or
 * Illustrator, sharp at any size); each panel is its full-resolution PNG, embedded, so nothing is resampled.
 * Plain SVG 1.1 text: a figure of a few images needs no SVG library.
 */
public final class FigureSvg {
    private static final int GRADIENT_STOPS = 17;

    private FigureSvg() {
    }

    public static void write(Figure f, OutputStream out) throws IOException {
        out.write(svg(f).getBytes(StandardCharsets.UTF_8));
    }

    static String svg(Figure f) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\">%n", f.width(), f.height(), f.width(), f.height()));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        double cw = f.cellWidth();
        double ch = f.cellHeight();
        double top = f.imageTop();
        for (int i = 0; i < f.cells().size(); i++) {
            Figure.Cell c = f.cells().get(i);
            double x = f.left(i);
            String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(c));
            s.append(String.format(Locale.ROOT, "<image x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "preserveAspectRatio=\"none\" xlink:href=\"%s\" href=\"%s\"/>%n", x, top, cw, ch, data, data));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" "
                    + "font-size=\"13\" font-weight=\"bold\">%s</text>%n", x, top - 6, escape(c.title())));
            if (c.colorBar() != null) {
                bar(s, c.colorBar(), "bar" + i, x + cw + 6, top, ch);
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"11\" "
                + "fill=\"#444444\">%s</text>%n", Figure.MARGIN, top + ch + 6 + 12, escape(f.caption())));
        s.append("</svg>\n");
        return s.toString();
    }

    private static void bar(StringBuilder s, Figure.ColorBar bar, String id, double x, double top, double height) {
        s.append("<defs><linearGradient id=\"").append(id).append("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n");
        for (int i = 0; i < GRADIENT_STOPS; i++) {
            double t = (double) i / (GRADIENT_STOPS - 1);
            s.append(String.format(Locale.ROOT, "  <stop offset=\"%.4f\" stop-color=\"#%06x\"/>%n", t,
                    bar.map().argb(t) & 0xffffff));
        }
        s.append("</linearGradient></defs>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#%s)\"/>%n",
                x, top, Figure.BAR_WIDTH, height, id));
        List<String> labels = bar.labelsBottomToTop();
        for (int i = 0; i < labels.size(); i++) {
            double y = top + height - height * i / (labels.size() - 1);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
                    x + Figure.BAR_WIDTH, y, x + Figure.BAR_WIDTH + 3, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" "
                    + "font-size=\"10\">%s</text>%n", x + Figure.BAR_WIDTH + 5, y + 3.5, escape(labels.get(i))));
        }
    }

    private static byte[] png(Figure.Cell c) throws IOException {
        BufferedImage image = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, c.width(), c.height(), c.argb(), 0, c.width());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
