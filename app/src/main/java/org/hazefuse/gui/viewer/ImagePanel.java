package org.hazefuse.gui.viewer;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;

/** One titled panel of the viewer: a header with the title and the value under the cursor, the image below. */
public final class ImagePanel extends BorderPane {
    private final ImageCanvas canvas;
    private final Label title;
    private final Label value = new Label();
    private final Label notice = new Label();

    public ImagePanel(String titleText, ViewerViewModel viewer, Node rightDecoration) {
        getStyleClass().add("image-panel");
        this.canvas = new ImageCanvas(viewer, false);
        this.title = new Label(titleText);
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        value.getStyleClass().add("panel-value");
        // The value under the cursor is a convenience (the read-out line below the panels has them all): in a
        // panel too narrow for it, it is left out rather than cut to "0.60 0.5…".
        value.setMinWidth(0);
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(8, title, value) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                double needed = snappedLeftInset() + title.prefWidth(-1) + getSpacing() + value.prefWidth(-1)
                        + snappedRightInset();
                value.setVisible(needed <= getWidth() + 0.5);
            }
        };
        header.getStyleClass().add("panel-header");
        notice.getStyleClass().add("panel-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinHeight(Label.USE_PREF_SIZE);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        setTop(new javafx.scene.layout.VBox(header, notice));
        setCenter(canvas);
        if (rightDecoration != null) {
            setRight(rightDecoration);
        }
        setMinSize(80, 80);
    }

    public ObjectProperty<Image> imageProperty() {
        return canvas.imageProperty();
    }

    /** A banner below the title across the panel (e.g. "Untrained: …"); hidden while empty. */
    public Label noticeLabel() {
        return notice;
    }

    public Label valueLabel() {
        return value;
    }

    public String title() {
        return title.getText();
    }

    public ImageCanvas canvas() {
        return canvas;
    }
}
