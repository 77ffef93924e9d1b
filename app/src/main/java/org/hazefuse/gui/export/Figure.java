package org.hazefuse.gui.export;

import java.util.List;
import java.util.Objects;
import org.hazefuse.gui.display.ColorMap;

/**
 * The current view as a figure for a paper or report: the panels side by side, as displayed (min/max and lookup
 * tables applied), each with its title, a colour bar with tick labels beside the density panel, and a caption.
 * The layout is computed here once; {@link FigurePng} and {@link FigureSvg} only draw it, so both files show the
 * same figure.
 *
 * @param caption e.g. the pair and the model, under the panels
 */
public record Figure(List<Cell> cells, String caption) {
    /** One panel as displayed: opaque ARGB pixels, and a colour bar when it shows a one-channel map. */
    public record Cell(String title, int width, int height, int[] argb, ColorBar colorBar) {
        public Cell {
            Objects.requireNonNull(title);
            if (argb.length != width * height) {
                throw new IllegalArgumentException("expected " + width * height + " pixels, got " + argb.length);
            }
        }
    }

    /** A colour scale: the lookup table from the bottom (first label) to the top (last label). */
    public record ColorBar(ColorMap map, List<String> labelsBottomToTop) {
    }

    static final double MARGIN = 12;
    static final double GAP = 10;
    static final double TITLE = 20;
    static final double CAPTION = 18;
    static final double BAR_WIDTH = 12;
    static final double BAR_SPACE = 52;
    /** Panels wider than this are scaled down in the figure (the SVG keeps every pixel inside). */
    static final double MAX_CELL_WIDTH = 400;

    public Figure {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
    }

    /** The width each panel is drawn at. */
    double cellWidth() {
        return Math.min(MAX_CELL_WIDTH, cells.get(0).width());
    }

    double cellHeight() {
        Cell c = cells.get(0);
        return cellWidth() * c.height() / c.width();
    }

    /** Left edge of panel {@code i}: panels before it, their gaps, and the colour bars of those that have one. */
    double left(int i) {
        double x = MARGIN;
        for (int j = 0; j < i; j++) {
            x += cellWidth() + GAP + (cells.get(j).colorBar() != null ? BAR_SPACE : 0);
        }
        return x;
    }

    double imageTop() {
        return MARGIN + TITLE;
    }

    public double width() {
        Cell last = cells.get(cells.size() - 1);
        return Math.ceil(left(cells.size() - 1) + cellWidth() + (last.colorBar() != null ? BAR_SPACE : 0) + MARGIN);
    }

    public double height() {
        return Math.ceil(imageTop() + cellHeight() + 6 + CAPTION + MARGIN);
    }
}
