package org.hazefuse.gui.training;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hazefuse.gui.controls.SliderRow;
import org.hazefuse.gui.dialog.DialogService;

/**
 * The fine-tuning tab: configuration on the left, live loss chart (total and each part) and validation figures on
 * the right. Binds to {@link TrainingViewModel}; the chart is fed from its history list.
 */
public final class TrainingPane extends BorderPane {
    private final LineChart<Number, Number> lossChart;
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();

    public TrainingPane(TrainingViewModel vm, DialogService dialogs) {
        getStyleClass().add("training-pane");
        setLeft(form(vm, dialogs));
        NumberAxis x = new NumberAxis();
        x.setLabel("Step");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("Loss");
        y.setForceZeroInRange(false);
        lossChart = new LineChart<>(x, y);
        lossChart.setId("loss-chart");
        lossChart.setTitle("Training loss");
        lossChart.setAnimated(false);
        lossChart.setCreateSymbols(false);
        vm.history().addListener((ListChangeListener<TrainingProgress>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.history().isEmpty()) {
                    series.clear();
                    lossChart.getData().clear();
                }
                for (TrainingProgress p : c.getAddedSubList()) {
                    point("total", p.step(), p.loss());
                    p.lossParts().forEach((name, value) -> point(name, p.step(), value));
                }
            }
        });
        ListView<String> validation = new ListView<>();
        validation.setId("validation-list");
        validation.setPlaceholder(new Label("Validation figures appear here during training."));
        vm.validations().addListener((ListChangeListener<ValidationFigures>) c ->
                validation.getItems().setAll(vm.validations().stream().map(TrainingPane::describe).toList()));
        validation.setPrefHeight(150);
        Label valTitle = new Label("Validation");
        valTitle.getStyleClass().add("section-title");
        VBox right = new VBox(6, lossChart, valTitle, validation);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        setCenter(right);
    }

    private void point(String name, int step, double value) {
        XYChart.Series<Number, Number> s = series.computeIfAbsent(name, n -> {
            XYChart.Series<Number, Number> created = new XYChart.Series<>();
            created.setName(n);
            lossChart.getData().add(created);
            return created;
        });
        s.getData().add(new XYChart.Data<>(step, value));
    }

    private static String describe(ValidationFigures v) {
        return "Step " + v.step() + ":  " + v.figures().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining(",  "));
    }

    private static VBox form(TrainingViewModel vm, DialogService dialogs) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints());

        CheckBox loaded = new CheckBox("Train on the loaded pairs");
        loaded.selectedProperty().bindBidirectional(vm.useLoadedPairsProperty());
        grid.add(loaded, 0, 0, 2, 1);
        Label folders = new Label();
        folders.setWrapText(true);
        folders.textProperty().bind(Bindings.createStringBinding(() -> vm.datasetFolders().isEmpty()
                ? "No dataset folder (vis/ and ir/ subfolders)"
                : String.join("\n", vm.datasetFolders().stream().map(Object::toString).toList()), vm.datasetFolders()));
        folders.disableProperty().bind(vm.useLoadedPairsProperty());
        Button add = new Button("Add folder…");
        add.setOnAction(e -> dialogs.openFolder("Add a dataset folder",
                        vm.datasetFolders().isEmpty() ? null : vm.datasetFolders().get(vm.datasetFolders().size() - 1))
                .ifPresent(vm::addDatasetFolder));
        Button clearFolders = new Button("Clear");
        clearFolders.setOnAction(e -> vm.datasetFolders().clear());
        clearFolders.disableProperty().bind(Bindings.isEmpty(vm.datasetFolders()));
        grid.add(folders, 0, 1, 2, 1);
        grid.add(new HBox(6, add, clearFolders), 0, 2, 2, 1);

        int row = 3;
        row = spinner(grid, row, "Steps", "train-steps", 1, 1_000_000, vm.stepsProperty(), 50);
        SliderRow.add(grid, row, "train-lr", "Learning rate", "Adam learning rate (log scale)", -6, -2,
                vm.logLearningRateProperty(), v -> String.format(Locale.ROOT, "%.1e", Math.pow(10, v)));
        row += 2;
        row = spinner(grid, row, "Batch size", "train-batch", 1, 64, vm.batchSizeProperty(), 1);
        ComboBox<Integer> patch = new ComboBox<>();
        patch.getItems().setAll(64, 96, 128, 192, 256);
        patch.setValue(vm.patchSizeProperty().get());
        patch.valueProperty().addListener((o, a, b) -> vm.patchSizeProperty().set(b));
        vm.patchSizeProperty().addListener((o, a, b) -> patch.setValue(b.intValue()));
        grid.add(label("Patch size"), 0, row);
        grid.add(patch, 1, row++);
        row = spinner(grid, row, "Validate every (steps)", "train-validate", 1, 100_000, vm.validateEveryProperty(), 10);
        CheckBox fusionOnly = new CheckBox("Fusion only (keep the dehazing)");
        fusionOnly.setId("train-fusion-only");
        fusionOnly.setTooltip(new Tooltip(
                "Adapt the fused image to your camera; the dehazed image stays as the starting weights give it"));
        fusionOnly.selectedProperty().bindBidirectional(vm.fusionOnlyProperty());
        grid.add(fusionOnly, 0, row++, 2, 1);

        Button start = new Button("Start");
        start.setId("train-start");
        start.setDefaultButton(false);
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.activeBinding());
        Button pause = new Button("Pause");
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.RUNNING));
        Button resume = new Button("Resume");
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.PAUSED));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.activeBinding().not());
        HBox buttons = new HBox(6, start, pause, resume, cancel);
        Button save = new Button("Save tuned model…");
        save.setOnAction(e -> vm.saveTunedModel());
        save.disableProperty().bind(vm.tunedWeightsProperty().isNull());

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label summary = new Label();
        summary.setId("train-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Label checkpoint = new Label();
        checkpoint.textProperty().bind(Bindings.when(vm.lastCheckpointProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Checkpoint: ", vm.lastCheckpointProperty())));
        checkpoint.setWrapText(true);
        checkpoint.getStyleClass().add("hint");

        Label title = new Label("Fine-tune the current model");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Pause saves a checkpoint and stops; Resume continues from it. "
                + "A finished run's model is used by the viewer at once.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, title, grid, buttons, progress, summary, checkpoint, save, hint);
        box.setPadding(new Insets(10));
        box.setPrefWidth(330);
        box.setMinWidth(300);
        return box;
    }

    private static int spinner(GridPane grid, int row, String name, String id, int min, int max,
                               javafx.beans.property.IntegerProperty value, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> {
            if (!b.equals(spinner.getValue())) {
                spinner.getValueFactory().setValue(b.intValue());
            }
        });
        grid.add(label(name), 0, row);
        grid.add(spinner, 1, row);
        return row + 1;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }
}
