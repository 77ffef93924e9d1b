package org.hazefuse.gui.controls;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hazefuse.gui.export.ExportViewModel;
import org.hazefuse.gui.haze.HazeControlsViewModel;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.haze.DepthMode;

/** The right-hand column: density-estimate sliders, haze synthesis, metrics and export. Binds only. */
public final class ControlsPane extends ScrollPane {
    private static final double WIDTH = 300;

    public ControlsPane(DensityControlsViewModel density, org.hazefuse.gui.viewer.DisplayViewModel display,
                        HazeControlsViewModel haze, ObservableList<MetricValue> metrics,
                        javafx.beans.value.ObservableValue<String> metricsScope, ExportViewModel export,
                        Runnable exportFigure) {
        VBox box = new VBox(6,
                section("Density estimate", densityGrid(density)),
                section("Display", new DisplayPane(display)),
                section("Synthesize haze", hazeGrid(haze)),
                section("Metrics", metrics(metrics, metricsScope)),
                section("Export", export(export, exportFigure)));
        box.setPadding(new Insets(6));
        box.setPrefWidth(WIDTH);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(WIDTH + 16);
        setPrefWidth(WIDTH + 16);
        getStyleClass().add("controls-pane");
    }

    private static TitledPane section(String title, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(true);
        pane.setAnimated(false);
        return pane;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints());
        return grid;
    }

    private static GridPane densityGrid(DensityControlsViewModel d) {
        GridPane grid = grid();
        // ω is the share of the estimated haze that is removed (t = 1 − ω·dark): higher means clearer, so the label
        // names what grows with it.
        SliderRow.add(grid, 0, "slider-omega", "Haze removed ω",
                "ω in t = 1 − ω·dark(I/A): the share of the estimated haze that is removed. Higher is clearer; "
                        + "lower leaves some haze for depth cues",
                DensityControlsViewModel.OMEGA_MIN, DensityControlsViewModel.OMEGA_MAX, d.omegaProperty(),
                v -> String.format(Locale.ROOT, "%.2f", v));
        SliderRow.add(grid, 2, "slider-window", "Dark-channel window", "Side of the minimum filter window, in pixels (odd)",
                DensityControlsViewModel.WINDOW_MIN, DensityControlsViewModel.WINDOW_MAX, 2, d.darkWindowProperty());
        SliderRow.add(grid, 4, "slider-radius", "Guided filter radius", "Radius r of the guided filter's box window (side 2r+1)",
                DensityControlsViewModel.RADIUS_MIN, DensityControlsViewModel.RADIUS_MAX, 1, d.guidedRadiusProperty());
        SliderRow.add(grid, 6, "slider-eps", "Guided filter ε", "Regularisation ε of the guided filter (log scale): larger smooths more",
                DensityControlsViewModel.LOG_EPS_MIN, DensityControlsViewModel.LOG_EPS_MAX, d.logEpsProperty(),
                v -> String.format(Locale.ROOT, "%.0e", Math.pow(10, v)));
        SliderRow.add(grid, 8, "slider-assist", "Infrared assistance", "Scales the density that mixes infrared features in; 1 is the trained behaviour",
                DensityControlsViewModel.ASSIST_MIN, DensityControlsViewModel.ASSIST_MAX, d.infraredAssistProperty(),
                v -> String.format(Locale.ROOT, "%.2f", v));
        Button reset = new Button("Reset to defaults");
        reset.setOnAction(e -> d.reset());
        grid.add(reset, 0, 10, 2, 1);
        GridPane.setMargin(reset, new Insets(6, 0, 0, 0));
        return grid;
    }

    private static GridPane hazeGrid(HazeControlsViewModel h) {
        GridPane grid = grid();
        CheckBox enabled = new CheckBox("Treat the visible image as clear and add haze");
        enabled.setId("haze-enabled");
        enabled.setWrapText(true);
        enabled.selectedProperty().bindBidirectional(h.enabledProperty());
        grid.add(enabled, 0, 0, 2, 1);
        var beta = SliderRow.add(grid, 1, "slider-beta", "Density β", "Scattering coefficient β: t = exp(−β·depth)", 0, 4,
                h.betaProperty(), v -> String.format(Locale.ROOT, "%.2f", v));
        var air = SliderRow.add(grid, 3, "slider-airlight", "Airlight A", "Brightness of the haze", 0.5, 1,
                h.airlightProperty(), v -> String.format(Locale.ROOT, "%.2f", v));
        ComboBox<DepthMode> depth = new ComboBox<>();
        depth.getItems().setAll(DepthMode.UNIFORM, DepthMode.VERTICAL, DepthMode.RADIAL);
        depth.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DepthMode mode) {
                if (mode == null) {
                    return "";
                }
                return switch (mode) {
                    case UNIFORM -> "Uniform";
                    case VERTICAL -> "Farther toward the top";
                    case RADIAL -> "Farther toward the centre";
                    case DEPTH_IMAGE -> "From a depth image";
                };
            }

            @Override
            public DepthMode fromString(String s) {
                return null;
            }
        });
        depth.valueProperty().bindBidirectional(h.depthModeProperty());
        depth.setMaxWidth(Double.MAX_VALUE);
        Label depthLabel = new Label("Depth");
        depthLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox depthRow = new HBox(8, depthLabel, depth);
        HBox.setHgrow(depth, Priority.ALWAYS);
        depthRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.add(depthRow, 0, 5, 2, 1);
        GridPane.setMargin(depthRow, new Insets(4, 0, 0, 0));
        beta.disableProperty().bind(h.enabledProperty().not());
        air.disableProperty().bind(h.enabledProperty().not());
        depth.disableProperty().bind(h.enabledProperty().not());
        return grid;
    }

    private static VBox metrics(ObservableList<MetricValue> metrics, javafx.beans.value.ObservableValue<String> scope) {
        GridPane table = grid();
        table.setId("metrics-table");
        Label empty = new Label("Run a model to see metrics.");
        empty.setWrapText(true);
        empty.getStyleClass().add("hint");
        // Whole frame, or the region drawn with the rectangle tool.
        Label over = new Label();
        over.setId("metrics-scope");
        over.setWrapText(true);
        over.getStyleClass().add("hint");
        over.textProperty().bind(scope);
        VBox box = new VBox(4, over, empty, table);
        metrics.addListener((ListChangeListener<MetricValue>) c -> fillMetrics(table, metrics));
        empty.visibleProperty().bind(Bindings.isEmpty(metrics));
        empty.managedProperty().bind(empty.visibleProperty());
        return box;
    }

    private static void fillMetrics(GridPane table, List<MetricValue> metrics) {
        table.getChildren().clear();
        int row = 0;
        for (boolean ref : new boolean[] {false, true}) {
            boolean header = false;
            for (MetricValue m : metrics) {
                if (m.withReference() != ref) {
                    continue;
                }
                if (!header) {
                    Label h = new Label(ref ? "Against the clear visible" : "Fusion and no-reference");
                    h.getStyleClass().add("metrics-group");
                    table.add(h, 0, row++, 2, 1);
                    header = true;
                }
                Label name = new Label(m.name() + (m.higherIsBetter() ? " ↑" : " ↓"));
                Label value = new Label(String.format(Locale.ROOT, "%.4g", m.value()));
                value.getStyleClass().add("slider-value");
                table.add(name, 0, row);
                table.add(value, 1, row++);
            }
        }
    }

    private static VBox export(ExportViewModel export, Runnable exportFigure) {
        CheckBox sixteen = new CheckBox("16 bits per sample");
        sixteen.selectedProperty().bindBidirectional(export.sixteenBitProperty());
        Button current = wide(new Button("Export current outputs…"));
        current.setOnAction(e -> export.exportCurrent());
        Button all = wide(new Button("Export all pairs…"));
        all.setOnAction(e -> export.exportAll());
        all.disableProperty().bind(export.batchRunningProperty());
        Button csv = wide(new Button("Export metrics CSV…"));
        csv.setOnAction(e -> export.exportMetrics());
        Button figure = wide(new Button("Export figure (PNG or SVG)…"));
        figure.setId("export-figure");
        figure.setOnAction(e -> exportFigure.run());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(export.batchProgressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> export.cancelBatch());
        HBox batch = new HBox(6, progress, cancel);
        HBox.setHgrow(progress, Priority.ALWAYS);
        batch.visibleProperty().bind(export.batchRunningProperty());
        batch.managedProperty().bind(batch.visibleProperty());
        return new VBox(6, sixteen, current, all, csv, figure, batch);
    }

    private static Button wide(Button b) {
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }
}
