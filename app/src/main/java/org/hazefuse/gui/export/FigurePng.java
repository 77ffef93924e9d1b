package org.hazefuse.gui.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws a {@link Figure} with Java2D into a PNG: white ground, the panels, titles, colour bars, caption. */
public final class FigurePng {
    private FigurePng() {
    }

    public static void write(Figure f, OutputStream out) throws IOException {
        BufferedImage image = render(f);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    static BufferedImage render(Figure f) {
        int w = (int) f.width();
        int h = (int) f.height();
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            Font title = new Font(Font.SANS_SERIF, Font.BOLD, 13);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
            double cw = f.cellWidth();
            double ch = f.cellHeight();
            double top = f.imageTop();
            for (int i = 0; i < f.cells().size(); i++) {
                Figure.Cell c = f.cells().get(i);
                double x = f.left(i);
                BufferedImage panel = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_RGB);
                panel.setRGB(0, 0, c.width(), c.height(), c.argb(), 0, c.width());
                g.drawImage(panel, (int) Math.round(x), (int) Math.round(top), (int) Math.round(cw), (int) Math.round(ch), null);
                g.setColor(Color.BLACK);
                g.setFont(title);
                g.drawString(c.title(), (float) x, (float) (top - 6));
                if (c.colorBar() != null) {
                    drawBar(g, c.colorBar(), x + cw + 6, top, ch, small);
                }
            }
            g.setColor(new Color(0x44, 0x44, 0x44));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(f.caption(), (float) Figure.MARGIN, (float) (top + ch + 6 + 12));
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static void drawBar(Graphics2D g, Figure.ColorBar bar, double x, double top, double height, Font font) {
        int rows = (int) Math.round(height);
        for (int r = 0; r < rows; r++) {
            int argb = bar.map().argb(1 - (double) r / Math.max(1, rows - 1));
            g.setColor(new Color(argb, false));
            g.fillRect((int) Math.round(x), (int) Math.round(top) + r, (int) Figure.BAR_WIDTH, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(font);
        List<String> labels = bar.labelsBottomToTop();
        for (int i = 0; i < labels.size(); i++) {
            double y = top + height - height * i / (labels.size() - 1);
            g.drawLine((int) (x + Figure.BAR_WIDTH), (int) y, (int) (x + Figure.BAR_WIDTH + 3), (int) y);
            g.drawString(labels.get(i), (float) (x + Figure.BAR_WIDTH + 5), (float) (y + 3.5));
        }
    }
}
