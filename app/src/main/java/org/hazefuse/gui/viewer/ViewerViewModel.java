package org.hazefuse.gui.viewer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The shared view of all image panels: one zoom and one centre for every panel, so zooming or panning any
 * panel moves all of them; the pixel under the cursor; the layout and the compare split.
 *
 * <p>Coordinates: image pixels, (0, 0) the top-left corner of the top-left pixel; zoom is screen pixels per image
 * pixel; the panel's centre shows image point ({@link #centerXProperty()}, {@link #centerYProperty()}). A screen
 * point (sx, sy) in a panel of size (W, H) is image point (cx + (sx − W/2)/zoom, cy + (sy − H/2)/zoom).
 */
public final class ViewerViewModel {
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 64;
    private static final double STEP = 1.25;

    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper centerX = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper centerY = new ReadOnlyDoubleWrapper(0);
    private final BooleanProperty fitting = new SimpleBooleanProperty(true);
    private final IntegerProperty cursorX = new SimpleIntegerProperty(-1);
    private final IntegerProperty cursorY = new SimpleIntegerProperty(-1);
    private final ObjectProperty<PanelLayout> layout = new SimpleObjectProperty<>(PanelLayout.GRID);
    private final DoubleProperty split = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.PAN);
    private final ObjectProperty<ImageLine> line = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageRect> region = new SimpleObjectProperty<>();
    private double shapeX;
    private double shapeY;
    private int imageWidth;
    private int imageHeight;
    private double panelWidth;
    private double panelHeight;

    /** A new image size (a pair was loaded): keeps the view if the size is unchanged, else fits. */
    public void setImageSize(int width, int height) {
        boolean changed = width != imageWidth || height != imageHeight;
        imageWidth = width;
        imageHeight = height;
        if (changed) {
            clearShapes(); // drawn on an image of another size, they would point elsewhere or off the image
        }
        if (changed || fitting.get()) {
            fit();
        }
    }

    /** The size of one panel's drawing area; while fitting, the zoom follows it. */
    public void setPanelSize(double width, double height) {
        if (width <= 0 || height <= 0 || (width == panelWidth && height == panelHeight)) {
            return;
        }
        panelWidth = width;
        panelHeight = height;
        if (fitting.get()) {
            fit();
        }
    }

    /** Whole image in the panel, centred. */
    public void fit() {
        fitting.set(true);
        if (imageWidth == 0 || panelWidth == 0) {
            return;
        }
        zoom.set(clamp(Math.min(panelWidth / imageWidth, panelHeight / imageHeight)));
        centerX.set(imageWidth / 2.0);
        centerY.set(imageHeight / 2.0);
    }

    /** 100 %: one image pixel per screen pixel, same centre. */
    public void actualSize() {
        fitting.set(false);
        zoom.set(1);
    }

    public void zoomIn() {
        zoomBy(STEP);
    }

    public void zoomOut() {
        zoomBy(1 / STEP);
    }

    /** Zooms about the panel centre. */
    public void zoomBy(double factor) {
        fitting.set(false);
        zoom.set(clamp(zoom.get() * factor));
    }

    /**
     * Zooms keeping the image point under the screen point (sx, sy) of a panel of size (w, h) where it is:
     * mouse-wheel zoom.
     */
    public void zoomAt(double factor, double sx, double sy, double w, double h) {
        double ix = toImageX(sx, w);
        double iy = toImageY(sy, h);
        fitting.set(false);
        double z = clamp(zoom.get() * factor);
        zoom.set(z);
        centerX.set(ix - (sx - w / 2) / z);
        centerY.set(iy - (sy - h / 2) / z);
    }

    /** Moves the view by a drag of (dx, dy) screen pixels. */
    public void panBy(double dx, double dy) {
        fitting.set(false);
        centerX.set(clampCenter(centerX.get() - dx / zoom.get(), imageWidth));
        centerY.set(clampCenter(centerY.get() - dy / zoom.get(), imageHeight));
    }

    public double toImageX(double sx, double panelW) {
        return centerX.get() + (sx - panelW / 2) / zoom.get();
    }

    public double toImageY(double sy, double panelH) {
        return centerY.get() + (sy - panelH / 2) / zoom.get();
    }

    /** The cursor moved to screen (sx, sy) of a panel of size (w, h): updates the pixel read-out. */
    public void hover(double sx, double sy, double w, double h) {
        int x = (int) Math.floor(toImageX(sx, w));
        int y = (int) Math.floor(toImageY(sy, h));
        if (x < 0 || y < 0 || x >= imageWidth || y >= imageHeight) {
            clearHover();
        } else {
            cursorX.set(x);
            cursorY.set(y);
        }
    }

    /** A press at screen (sx, sy) of a panel of size (w, h) with the line or region tool: the shape starts there. */
    public void startShape(double sx, double sy, double w, double h) {
        shapeX = toImageX(sx, w);
        shapeY = toImageY(sy, h);
    }

    /** The drag reached screen (sx, sy): the line or region now ends there (shared by all panels). */
    public void dragShape(double sx, double sy, double w, double h) {
        double x = Math.max(0, Math.min(imageWidth, toImageX(sx, w)));
        double y = Math.max(0, Math.min(imageHeight, toImageY(sy, h)));
        if (tool.get() == Tool.LINE) {
            line.set(new ImageLine(shapeX, shapeY, x, y));
        } else if (tool.get() == Tool.RECTANGLE) {
            region.set(ImageRect.spanning(shapeX, shapeY, x, y, imageWidth, imageHeight));
        }
    }

    /** Removes the line and the region (Esc in the viewer, the Clear button, another image size). */
    public void clearShapes() {
        line.set(null);
        region.set(null);
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** The line whose profile is shown, in image coordinates; null when none is drawn. */
    public ObjectProperty<ImageLine> lineProperty() {
        return line;
    }

    /** The region the metrics are computed for; null for the whole frame. */
    public ObjectProperty<ImageRect> regionProperty() {
        return region;
    }

    public void clearHover() {
        cursorX.set(-1);
        cursorY.set(-1);
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    /** Keeps the centre on the image, so a drag cannot lose the image off-screen. */
    private static double clampCenter(double c, int size) {
        return Math.max(0, Math.min(size, c));
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double zoom() {
        return zoom.get();
    }

    public ReadOnlyDoubleProperty centerXProperty() {
        return centerX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty centerYProperty() {
        return centerY.getReadOnlyProperty();
    }

    public BooleanProperty fittingProperty() {
        return fitting;
    }

    public IntegerProperty cursorXProperty() {
        return cursorX;
    }

    public IntegerProperty cursorYProperty() {
        return cursorY;
    }

    public ObjectProperty<PanelLayout> layoutProperty() {
        return layout;
    }

    /** Position of the compare split as a fraction of the panel width: visible left of it, fused right. */
    public DoubleProperty splitProperty() {
        return split;
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }
}
