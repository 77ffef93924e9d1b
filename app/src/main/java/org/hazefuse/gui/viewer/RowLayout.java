package org.hazefuse.gui.viewer;

import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.scene.layout.Region;

/**
 * The Row layout: the panels side by side in equal widths that fill the row, each as tall as the image's aspect
 * ratio needs at that width (never taller than the space), centred vertically. Equal sizes matter: every panel
 * drives the one shared fit zoom, so a panel narrower than the others (an HBox gives each its own width, and let
 * the last one overflow) drew all images at the wrong scale.
 */
final class RowLayout extends Region {
    private static final double GAP = 6;
    private static final double PADDING = 6;
    private final List<? extends Region> panels;
    private final DoubleSupplier aspect;
    private final double headerHeight;

    /**
     * @param aspect height / width of the image shown
     * @param headerHeight height of a panel's title bar, which comes on top of the image
     */
    RowLayout(List<? extends Region> panels, DoubleSupplier aspect, double headerHeight) {
        this.panels = panels;
        this.aspect = aspect;
        this.headerHeight = headerHeight;
        setMinSize(0, 0);
        adopt();
    }

    /** Takes the panels (back) from the layout shown before. */
    void adopt() {
        getChildren().setAll(panels);
    }

    @Override
    protected void layoutChildren() {
        int n = panels.size();
        double width = Math.max(0, (getWidth() - 2 * PADDING - GAP * (n - 1)) / n);
        double height = Math.min(getHeight() - 2 * PADDING, width * aspect.getAsDouble() + headerHeight);
        height = Math.max(Math.min(80, getHeight() - 2 * PADDING), height);
        double top = Math.max(PADDING, (getHeight() - height) / 2);
        for (int i = 0; i < n; i++) {
            panels.get(i).resizeRelocate(snapPositionX(PADDING + i * (width + GAP)), snapPositionY(top),
                    snapSizeX(width), snapSizeY(height));
        }
    }
}
