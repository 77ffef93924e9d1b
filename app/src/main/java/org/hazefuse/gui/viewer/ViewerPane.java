package org.hazefuse.gui.viewer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hazefuse.gui.session.Session;

/**
 * The five titled image panels in the chosen layout (row, grid, or the before/after compare view), plus the
 * cursor read-out line. Binds only; all state is in {@link PanelsViewModel}, {@link ViewerViewModel} and the
 * {@link Session}.
 */
public final class ViewerPane extends BorderPane {
    private final Map<Panel, ImagePanel> panels = new EnumMap<>(Panel.class);
    private final StackPane content = new StackPane();
    private final BorderPane compare = new BorderPane();
    private final ImageCanvas compareCanvas;
    private final Session session;
    private RowLayout rowLayout;
    /** Height of a panel's title bar, added to the image height when sizing panels in a row. */
    private static final double HEADER_HEIGHT = 24;

    public ViewerPane(PanelsViewModel shown, ViewerViewModel viewer, ProfileViewModel profile, Session session) {
        this.session = session;
        getStyleClass().add("viewer-pane");
        for (Panel p : Panel.values()) {
            ImagePanel panel = new ImagePanel(p.title(), viewer, p == Panel.DENSITY ? new ColorBar(shown.display().settingsProperty(Panel.DENSITY)) : null);
            panel.setId("panel-" + p.name().toLowerCase(java.util.Locale.ROOT));
            panel.imageProperty().bind(shown.imageProperty(p));
            panel.valueLabel().textProperty().bind(shown.panelValueProperty(p));
            if (p == Panel.VISIBLE) {
                panel.canvas().placeholderProperty().set("Drop a visible and an infrared image, or a folder");
            } else if (p == Panel.INFRARED) {
                panel.canvas().placeholderProperty().set("or use File → Open (Ctrl+O)");
            }
            if (PanelsViewModel.isOutput(p)) {
                panel.noticeLabel().textProperty().bind(shown.outputNoticeProperty());
            }
            panels.put(p, panel);
        }
        compareCanvas = new ImageCanvas(viewer, true);
        compareCanvas.setId("compare-canvas");
        compareCanvas.imageProperty().bind(shown.imageProperty(Panel.VISIBLE));
        compareCanvas.secondImageProperty().bind(shown.imageProperty(Panel.FUSED));
        Slider split = new Slider(0, 1, 0.5);
        split.setId("compare-split");
        split.valueProperty().bindBidirectional(viewer.splitProperty());
        split.setTooltip(new javafx.scene.control.Tooltip(
                "Move the split between the visible input (left) and the fused output (right); Shift+drag in the image does too"));
        Label left = new Label("Visible");
        Label right = new Label("Fused");
        left.setMinWidth(Region.USE_PREF_SIZE);
        right.setMinWidth(Region.USE_PREF_SIZE);
        HBox splitRow = new HBox(6, left, split, right);
        HBox.setHgrow(split, Priority.ALWAYS);
        splitRow.setAlignment(Pos.CENTER);
        splitRow.setPadding(new Insets(2, 6, 4, 6));
        Label title = new Label("Before / after");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(title);
        header.getStyleClass().add("panel-header");
        Label notice = new Label();
        notice.setId("compare-notice");
        notice.getStyleClass().add("panel-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(shown.outputNoticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        compare.setTop(new VBox(header, notice));
        compare.setCenter(compareCanvas);
        compare.setBottom(splitRow);
        compare.getStyleClass().add("image-panel");
        compare.setMinSize(80, 80);

        Label cursor = new Label();
        cursor.setId("cursor-readout");
        cursor.textProperty().bind(javafx.beans.binding.Bindings.when(shown.cursorTextProperty().isEmpty())
                .then("Move the mouse over an image to read pixel values; wheel zooms, drag pans.")
                .otherwise(shown.cursorTextProperty()));
        cursor.getStyleClass().add("readout");
        // The line holds up to thirteen numbers; on a narrow window it wraps between panels (the view model keeps
        // each panel's entry together) instead of being cut off.
        cursor.setWrapText(true);
        cursor.setMinHeight(Region.USE_PREF_SIZE);
        cursor.setMaxWidth(Double.MAX_VALUE);
        setCenter(content);
        // The profile chart joins the read-out line below the panels while a line is drawn.
        AnalysisPane analysis = new AnalysisPane(profile, viewer);
        analysis.setId("analysis-pane");
        analysis.visibleProperty().bind(viewer.lineProperty().isNotNull());
        analysis.managedProperty().bind(analysis.visibleProperty());
        javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(analysis, cursor);
        setBottom(bottom);
        VBox.setMargin(cursor, new Insets(2, 6, 2, 6));
        viewer.layoutProperty().addListener((obs, old, now) -> arrange(now));
        arrange(viewer.layoutProperty().get());
    }

    private void arrange(PanelLayout layout) {
        content.getChildren().clear();
        compareCanvas.sizeSourceProperty().set(layout == PanelLayout.COMPARE);
        panels.values().forEach(p -> p.canvas().sizeSourceProperty().set(layout != PanelLayout.COMPARE));
        Region node = switch (layout) {
            case ROW -> row();
            case GRID -> grid();
            case COMPARE -> compare;
        };
        content.getChildren().add(node);
    }

    /** One row of equal panels, each as tall as the image's aspect ratio needs (see {@link RowLayout}). */
    private Region row() {
        if (rowLayout == null) {
            rowLayout = new RowLayout(List.copyOf(panels.values()), () -> {
                var in = session.inputProperty().get();
                return in == null ? 0.75 : (double) in.height() / in.width();
            }, HEADER_HEIGHT);
            session.inputProperty().addListener(obs -> rowLayout.requestLayout());
        }
        rowLayout.adopt();
        return rowLayout;
    }

    private Region grid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 3);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        int i = 0;
        for (ImagePanel p : panels.values()) {
            p.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(p, i % 3, i / 3);
            i++;
        }
        // The sixth cell holds the before/after compare view, so the grid has no hole.
        compare.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        grid.add(compare, 2, 1);
        return grid;
    }

    public ImagePanel panel(Panel p) {
        return panels.get(p);
    }
}
