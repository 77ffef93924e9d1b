package org.hazefuse.gui.viewer;

import java.util.EnumMap;
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
import org.hazefuse.gui.MainViewModel;
import org.hazefuse.gui.MainViewModel.Panel;

/**
 * The five titled image panels in the chosen layout (row, grid, or the before/after compare view), plus the
 * cursor read-out line. Binds only; all state is in {@link MainViewModel} and {@link ViewerViewModel}.
 */
public final class ViewerPane extends BorderPane {
    private final Map<Panel, ImagePanel> panels = new EnumMap<>(Panel.class);
    private final StackPane content = new StackPane();
    private final BorderPane compare = new BorderPane();
    private final ImageCanvas compareCanvas;

    public ViewerPane(MainViewModel vm) {
        ViewerViewModel viewer = vm.viewer();
        getStyleClass().add("viewer-pane");
        for (Panel p : Panel.values()) {
            ImagePanel panel = new ImagePanel(p.title(), viewer, p == Panel.DENSITY ? new HeatLegend() : null);
            panel.setId("panel-" + p.name().toLowerCase(java.util.Locale.ROOT));
            panel.imageProperty().bind(vm.imageProperty(p));
            panel.valueLabel().textProperty().bind(vm.panelValueProperty(p));
            panels.put(p, panel);
        }
        compareCanvas = new ImageCanvas(viewer, true);
        compareCanvas.setId("compare-canvas");
        compareCanvas.imageProperty().bind(vm.imageProperty(Panel.VISIBLE));
        compareCanvas.secondImageProperty().bind(vm.imageProperty(Panel.FUSED));
        Slider split = new Slider(0, 1, 0.5);
        split.setId("compare-split");
        split.valueProperty().bindBidirectional(viewer.splitProperty());
        Label left = new Label("◀ Visible (input)");
        Label right = new Label("Fused (output) ▶");
        HBox splitRow = new HBox(8, left, split, right);
        HBox.setHgrow(split, Priority.ALWAYS);
        splitRow.setAlignment(Pos.CENTER);
        splitRow.setPadding(new Insets(4, 8, 4, 8));
        Label hint = new Label("Drag the slider (or Shift+drag in the image) to move the split.");
        hint.getStyleClass().add("hint");
        compare.setCenter(compareCanvas);
        compare.setBottom(new javafx.scene.layout.VBox(splitRow, hint));
        compare.getStyleClass().add("image-panel");

        Label cursor = new Label();
        cursor.setId("cursor-readout");
        cursor.textProperty().bind(javafx.beans.binding.Bindings.when(vm.cursorTextProperty().isEmpty())
                .then("Move the mouse over an image to read pixel values; wheel zooms, drag pans.")
                .otherwise(vm.cursorTextProperty()));
        cursor.getStyleClass().add("readout");
        setCenter(content);
        setBottom(cursor);
        BorderPane.setMargin(cursor, new Insets(2, 6, 2, 6));
        viewer.layoutProperty().addListener((obs, old, now) -> arrange(now));
        arrange(viewer.layoutProperty().get());
    }

    private void arrange(PanelLayout layout) {
        content.getChildren().clear();
        Region node = switch (layout) {
            case ROW -> row();
            case GRID -> grid();
            case COMPARE -> compare;
        };
        content.getChildren().add(node);
    }

    private Region row() {
        HBox box = new HBox(6);
        box.setPadding(new Insets(6));
        for (ImagePanel p : panels.values()) {
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setMaxWidth(Double.MAX_VALUE);
            p.setPrefWidth(100);
            box.getChildren().add(p);
        }
        return box;
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
        return grid;
    }

    public ImagePanel panel(Panel p) {
        return panels.get(p);
    }
}
