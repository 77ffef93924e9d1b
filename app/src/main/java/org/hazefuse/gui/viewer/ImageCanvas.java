package org.hazefuse.gui.viewer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Draws one image through the shared {@link ViewerViewModel} (zoom, centre) and feeds mouse input back to it:
 * wheel zooms about the cursor, drag pans, hover sets the read-out pixel. With a second image it is the
 * before/after compare view: the first image left of the split, the second right of it.
 *
 * <p>Only the visible part of the source is drawn, nearest-neighbour from 100 % up so single pixels stay
 * inspectable.
 */
public final class ImageCanvas extends Region {
    private static final Color BACKGROUND = Color.web("#1e1f22");
    private static final Color SPLIT_LINE = Color.web("#ffd166");
    private static final Color PLACEHOLDER = Color.web("#9a9da3");
    private static final Color LINE = Color.web("#ffd166");
    private static final Color REGION = Color.web("#4cc9f0");

    private final Canvas canvas = new Canvas();
    private final ViewerViewModel viewer;
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> secondImage = new SimpleObjectProperty<>();
    private final boolean compare;
    private final javafx.beans.property.StringProperty placeholder = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty sizeSource = new javafx.beans.property.SimpleBooleanProperty(true);
    private double dragX;
    private double dragY;

    public ImageCanvas(ViewerViewModel viewer, boolean compare) {
        this.viewer = viewer;
        this.compare = compare;
        getChildren().add(canvas);
        getStyleClass().add("image-canvas");
        setMinSize(60, 60);
        setPrefSize(240, 200);
        ObservableValue<?>[] triggers = {image, secondImage, placeholder, viewer.zoomProperty(), viewer.centerXProperty(),
                viewer.centerYProperty(), viewer.splitProperty(), widthProperty(), heightProperty(),
                viewer.lineProperty(), viewer.regionProperty()};
        for (ObservableValue<?> t : triggers) {
            t.addListener((obs, old, now) -> redraw());
        }
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                viewer.zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY(), getWidth(), getHeight());
            }
            e.consume();
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            if (viewer.toolProperty().get() != Tool.PAN && e.getButton() == MouseButton.PRIMARY) {
                viewer.startShape(e.getX(), e.getY(), getWidth(), getHeight());
            }
        });
        setOnMouseDragged(e -> {
            if (viewer.toolProperty().get() != Tool.PAN && e.getButton() == MouseButton.PRIMARY) {
                viewer.dragShape(e.getX(), e.getY(), getWidth(), getHeight());
            } else if (e.getButton() == MouseButton.PRIMARY && compare && e.isShiftDown()) {
                viewer.splitProperty().set(Math.max(0, Math.min(1, e.getX() / getWidth())));
            } else {
                viewer.panBy(e.getX() - dragX, e.getY() - dragY);
            }
            dragX = e.getX();
            dragY = e.getY();
            viewer.hover(e.getX(), e.getY(), getWidth(), getHeight());
        });
        setOnMouseMoved(e -> viewer.hover(e.getX(), e.getY(), getWidth(), getHeight()));
        setOnMouseExited(e -> viewer.clearHover());
    }

    /**
     * Whether this canvas's size drives the shared fit zoom. Only panels of the common size do; the compare view
     * does only when it is the sole view.
     */
    public javafx.beans.property.BooleanProperty sizeSourceProperty() {
        return sizeSource;
    }

    /** Text drawn in the middle while there is no image (e.g. how to open one). */
    public javafx.beans.property.StringProperty placeholderProperty() {
        return placeholder;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    /** The image right of the split (compare view only). */
    public ObjectProperty<Image> secondImageProperty() {
        return secondImage;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (sizeSource.get() && isVisible() && getScene() != null) {
            viewer.setPanelSize(w, h);
        }
        redraw();
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, w, h);
        Image first = image.get();
        if (first == null) {
            if (!placeholder.get().isEmpty()) {
                gc.setFill(PLACEHOLDER);
                gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
                gc.setTextBaseline(javafx.geometry.VPos.CENTER);
                gc.setFont(javafx.scene.text.Font.font(13));
                gc.fillText(placeholder.get(), w / 2, h / 2, Math.max(10, w - 16));
            }
            return;
        }
        if (!compare || secondImage.get() == null) {
            draw(gc, first, 0, w, w, h);
            drawShapes(gc, w, h);
            return;
        }
        double splitX = Math.round(viewer.splitProperty().get() * w);
        draw(gc, first, 0, splitX, w, h);
        draw(gc, secondImage.get(), splitX, w, w, h);
        gc.setStroke(SPLIT_LINE);
        gc.setLineWidth(2);
        gc.strokeLine(splitX, 0, splitX, h);
        drawShapes(gc, w, h);
    }

    /** The profile line and the region, the same in every panel (image coordinates through the shared view). */
    private void drawShapes(GraphicsContext gc, double w, double h) {
        double z = viewer.zoom();
        double cx = viewer.centerXProperty().get();
        double cy = viewer.centerYProperty().get();
        ImageRect r = viewer.regionProperty().get();
        if (r != null) {
            gc.setStroke(REGION);
            gc.setLineWidth(1.5);
            gc.setLineDashes(6, 4);
            gc.strokeRect((r.x() - cx) * z + w / 2, (r.y() - cy) * z + h / 2, r.width() * z, r.height() * z);
            gc.setLineDashes(null);
        }
        ImageLine l = viewer.lineProperty().get();
        if (l != null) {
            gc.setStroke(LINE);
            gc.setLineWidth(2);
            gc.strokeLine((l.x0() - cx) * z + w / 2, (l.y0() - cy) * z + h / 2, (l.x1() - cx) * z + w / 2,
                    (l.y1() - cy) * z + h / 2);
        }
    }

    /** Draws the part of {@code img} that falls in screen columns [left, right). */
    private void draw(GraphicsContext gc, Image img, double left, double right, double w, double h) {
        double z = viewer.zoom();
        double iw = img.getWidth();
        double ih = img.getHeight();
        double sx0 = Math.max(0, Math.floor(viewer.toImageX(left, w)));
        double sx1 = Math.min(iw, Math.ceil(viewer.toImageX(right, w)));
        double sy0 = Math.max(0, Math.floor(viewer.toImageY(0, h)));
        double sy1 = Math.min(ih, Math.ceil(viewer.toImageY(h, h)));
        if (sx1 <= sx0 || sy1 <= sy0) {
            return;
        }
        double dx = (sx0 - viewer.centerXProperty().get()) * z + w / 2;
        double dy = (sy0 - viewer.centerYProperty().get()) * z + h / 2;
        gc.save();
        gc.beginPath();
        gc.rect(left, 0, right - left, h);
        gc.clip();
        gc.setImageSmoothing(z < 1);
        gc.drawImage(img, sx0, sy0, sx1 - sx0, sy1 - sy0, dx, dy, (sx1 - sx0) * z, (sy1 - sy0) * z);
        gc.restore();
    }
}
