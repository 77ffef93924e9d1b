package org.hazefuse.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hazefuse.gui.controls.ControlsPane;
import org.hazefuse.gui.export.ExportViewModel;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.input.PairListPane;
import org.hazefuse.gui.input.RecentItems;
import org.hazefuse.gui.training.TrainingPane;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.gui.viewer.PanelLayout;
import org.hazefuse.gui.viewer.ViewerPane;
import org.hazefuse.gui.viewer.ViewerViewModel;

/**
 * The main window's content: menus and toolbar, the pair list (left), the viewer and fine-tuning tabs (centre),
 * the controls column (right) and the status bar. The whole window is a drop target for files and folders.
 * Binds to the view models; holds no state of its own.
 */
public final class MainWindow {
    private final ViewModels vm;
    private final ExportViewModel export;
    private final TrainingViewModel training;
    private final BorderPane root = new BorderPane();
    private final ViewerPane viewerPane;
    private final PairListPane pairListPane;
    private final TrainingPane trainingPane;
    private final TabPane tabs = new TabPane();

    public MainWindow(ViewModels vm, TrainingViewModel training, DialogService dialogs) {
        this.vm = vm;
        this.export = vm.export();
        this.training = training;
        this.viewerPane = new ViewerPane(vm.panels(), vm.viewer(), vm.profile(), vm.session());
        this.pairListPane = new PairListPane(vm.pairList());
        this.trainingPane = new TrainingPane(training, dialogs);
        root.setId("main-root");
        root.getStyleClass().add("main-root");
        root.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setLeft(pairListPane);
        Tab viewerTab = new Tab("Viewer", viewerPane);
        Tab trainingTab = new Tab("Fine-tuning", trainingPane);
        trainingTab.setId("tab-training");
        tabs.getTabs().addAll(viewerTab, trainingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        root.setRight(new ControlsPane(vm.density(), vm.panels().display(), vm.haze(), vm.session().metrics(),
                vm.run().metricsScopeProperty(), export, vm.figure()::exportFigure));
        root.setBottom(statusBar());
        installDropTarget();
    }

    public Parent root() {
        return root;
    }

    public ViewerPane viewerPane() {
        return viewerPane;
    }

    public PairListPane pairListPane() {
        return pairListPane;
    }

    public TrainingPane trainingPane() {
        return trainingPane;
    }

    public TabPane tabs() {
        return tabs;
    }

    // ---- drag and drop -------------------------------------------------------------------------------------

    private void installDropTarget() {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e ->
                root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                vm.pairList().addFiles(files);
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---- menus ---------------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        var pairs = vm.pairList();
        ViewerViewModel viewer = vm.viewer();
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (List<Path> item : pairs.recent().items()) {
                MenuItem mi = new MenuItem(RecentItems.label(item));
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> pairs.addFiles(item));
                recent.getItems().add(mi);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        pairs.recent().items().addListener((ListChangeListener<List<Path>>) c -> fillRecent.run());
        fillRecent.run();
        Menu file = new Menu("_File", null,
                item("Open pair…", "Shortcut+O", pairs::openPair),
                item("Open folder…", "Shortcut+Shift+O", pairs::openFolder),
                recent,
                new SeparatorMenuItem(),
                item("Export current outputs…", "Shortcut+E", export::exportCurrent),
                item("Export all pairs…", "Shortcut+Shift+E", export::exportAll),
                item("Export metrics CSV…", null, export::exportMetrics),
                item("Export figure (PNG or SVG)…", "Shortcut+Shift+F", vm.figure()::exportFigure),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", () -> root.getScene().getWindow().hide()));

        ToggleGroup layoutGroup = new ToggleGroup();
        Menu view = new Menu("_View");
        for (PanelLayout l : PanelLayout.values()) {
            RadioMenuItem mi = new RadioMenuItem(l + " layout");
            mi.setToggleGroup(layoutGroup);
            mi.setSelected(viewer.layoutProperty().get() == l);
            mi.setOnAction(e -> viewer.layoutProperty().set(l));
            viewer.layoutProperty().addListener((o, a, b) -> mi.setSelected(b == l));
            view.getItems().add(mi);
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Zoom in", "Shortcut+Equals", viewer::zoomIn),
                hidden(item("Zoom in (keypad)", "Shortcut+Add", viewer::zoomIn)),
                item("Zoom out", "Shortcut+Minus", viewer::zoomOut),
                hidden(item("Zoom out (keypad)", "Shortcut+Subtract", viewer::zoomOut)),
                item("Fit to panel", "Shortcut+0", viewer::fit),
                item("Actual size (100 %)", "Shortcut+1", viewer::actualSize));

        MenuItem importPublished = item("Import published IASSF weights…", null, vm.models()::importPublishedWeights);
        importPublished.setId("menu-import-published");
        importPublished.disableProperty().bind(vm.models().importingProperty());
        MenuItem openWeights = item("Open weights file…", null, vm.models()::openWeightsFile);
        openWeights.setId("menu-open-weights");
        Menu model = new Menu("_Model", null, openWeights, importPublished);

        Menu process = new Menu("_Run", null,
                item("Run", "Shortcut+R", vm.run()::run),
                hidden(item("Run (F5)", "F5", vm.run()::run)),
                item("Cancel run", "Esc", vm.run()::cancel),
                new SeparatorMenuItem(),
                item("Next pair", "Shortcut+Page Down", pairs::next),
                item("Previous pair", "Shortcut+Page Up", pairs::previous),
                hidden(item("Next pair (Alt)", "Alt+Down", pairs::next)),
                hidden(item("Previous pair (Alt)", "Alt+Up", pairs::previous)));

        Menu help = new Menu("_Help", null, item("Keyboard shortcuts", "F1", this::showShortcuts));
        MenuBar bar = new MenuBar(file, view, model, process, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    /** A second accelerator for an action: an invisible item still fires its accelerator. */
    private static MenuItem hidden(MenuItem item) {
        item.setVisible(false);
        return item;
    }

    private void showShortcuts() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        Label text = new Label(String.join("\n",
                "Ctrl+O  open a pair          Ctrl+Shift+O  open a folder",
                "Ctrl+R or F5  run            Esc  cancel the run",
                "Ctrl+Page Down / Alt+Down  next pair",
                "Ctrl+Page Up / Alt+Up  previous pair",
                "Up / Down in the pair list  browse pairs     Delete  remove the pair",
                "Ctrl+=  zoom in    Ctrl+-  zoom out    Ctrl+0  fit    Ctrl+1  100 %",
                "Mouse wheel  zoom at the cursor    drag  pan    Shift+drag  move the compare split",
                "Ctrl+E  export current outputs     Ctrl+Shift+E  export all pairs"));
        text.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    // ---- toolbar and status bar ----------------------------------------------------------------------------

    private ToolBar toolBar() {
        var pairs = vm.pairList();
        ViewerViewModel viewer = vm.viewer();
        Button openPair = button("Open pair…", "Open a visible and an infrared image (Ctrl+O)", pairs::openPair);
        Button openFolder = button("Open folder…", "Open a folder of pairs (Ctrl+Shift+O)", pairs::openFolder);

        ComboBox<String> model = new ComboBox<>(vm.session().modelNames());
        model.setId("model-chooser");
        model.valueProperty().bindBidirectional(vm.session().modelProperty());
        model.setPromptText("No model available");
        // Weights files show as "name · folder" (a fine-tuned model's full path pushed the toolbar off the
        // window); the full path is in the tooltip. The width stays bounded whatever is listed.
        model.setCellFactory(list -> new ModelCell(vm.session().modelLabels()));
        model.setButtonCell(new ModelCell(vm.session().modelLabels()));
        Tooltip modelTip = new Tooltip();
        modelTip.textProperty().bind(Bindings.createStringBinding(() -> vm.session().modelProperty().get() == null
                ? "The model that dehazes and fuses"
                : "The model that dehazes and fuses: " + vm.session().modelProperty().get(), vm.session().modelProperty()));
        model.setTooltip(modelTip);
        model.setMinWidth(90);
        model.setMaxWidth(MODEL_BOX_WIDTH);
        Label modelLabel = new Label("Model");
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button run = button("Run", "Run the model on the current pair (Ctrl+R, F5)", vm.run()::run);
        run.setId("run-button");
        run.disableProperty().bind(vm.session().inputProperty().isNull().or(vm.session().modelProperty().isNull()));
        Button cancel = button("Cancel", "Cancel the running model (Esc)", vm.run()::cancel);
        cancel.disableProperty().bind(vm.run().runningProperty().not());
        CheckBox auto = new CheckBox("Auto-run");
        auto.setId("auto-run");
        auto.setTooltip(new Tooltip("Re-run automatically when a setting changes"));
        auto.selectedProperty().bindBidirectional(vm.session().autoRunProperty());
        auto.setMinWidth(Region.USE_PREF_SIZE);

        ToggleGroup group = new ToggleGroup();
        HBox layouts = new HBox();
        layouts.getStyleClass().add("segmented");
        for (PanelLayout l : PanelLayout.values()) {
            ToggleButton b = new ToggleButton(l.toString());
            b.setId("layout-" + l.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setSelected(viewer.layoutProperty().get() == l);
            b.setOnAction(e -> {
                viewer.layoutProperty().set(l);
                b.setSelected(true);
            });
            viewer.layoutProperty().addListener((o, a, now) -> b.setSelected(now == l));
            b.setMinWidth(Region.USE_PREF_SIZE);
            layouts.getChildren().add(b);
        }
        Button zoomOut = button("−", "Zoom out (Ctrl+−)", viewer::zoomOut);
        zoomOut.setId("zoom-out");
        Button zoomIn = button("+", "Zoom in (Ctrl+=)", viewer::zoomIn);
        zoomIn.setId("zoom-in");
        Button fit = button("Fit", "Fit the image to the panels (Ctrl+0)", viewer::fit);
        fit.setId("zoom-fit");
        Button actual = button("100 %", "One image pixel per screen pixel (Ctrl+1)", viewer::actualSize);
        actual.setId("zoom-100");
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f %%", viewer.zoom() * 100), viewer.zoomProperty()));
        zoom.setMinWidth(48);
        return new ToolBar(openPair, openFolder, new Separator(), modelLabel, model, run, cancel, auto,
                new Separator(), layouts, new Separator(), zoomOut, zoomIn, fit, actual, zoom, new Separator(),
                tools(viewer));
    }

    /** Pan, line profile, region: what a drag in a panel does. */
    private static HBox tools(ViewerViewModel viewer) {
        ToggleGroup group = new ToggleGroup();
        HBox tools = new HBox();
        tools.getStyleClass().add("segmented");
        String[] tips = {"Drag pans the images", "Drag draws a line: its profile in all five panels appears below",
                "Drag draws a region: the metrics cover it"};
        for (org.hazefuse.gui.viewer.Tool tool : org.hazefuse.gui.viewer.Tool.values()) {
            ToggleButton b = new ToggleButton(tool.toString());
            b.setId("tool-" + tool.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(tips[tool.ordinal()]));
            b.setSelected(viewer.toolProperty().get() == tool);
            b.setOnAction(e -> {
                viewer.toolProperty().set(tool);
                b.setSelected(true);
            });
            viewer.toolProperty().addListener((o, a, now) -> b.setSelected(now == tool));
            b.setMinWidth(Region.USE_PREF_SIZE);
            tools.getChildren().add(b);
        }
        return tools;
    }

    private static final double MODEL_BOX_WIDTH = 230;

    /** A model chooser entry: the short label, the full name as its tooltip. */
    private static final class ModelCell extends javafx.scene.control.ListCell<String> {
        private final java.util.Map<String, String> labels;

        ModelCell(java.util.Map<String, String> labels) {
            this.labels = labels;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : org.hazefuse.gui.run.ModelLabels.label(item, labels));
            setTooltip(empty || item == null ? null : new Tooltip(item));
        }
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.session().statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label device = new Label();
        device.setId("device");
        device.textProperty().bind(Bindings.when(vm.run().deviceProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Model: ", vm.run().deviceProperty())));
        device.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.setId("status-progress");
        // An import has no fractions to report: the bar is indeterminate while it runs.
        progress.progressProperty().bind(Bindings.when(vm.models().importingProperty()).then(-1.0)
                .otherwise(vm.run().progressProperty()));
        progress.visibleProperty().bind(vm.run().runningProperty().or(vm.input().loadingProperty())
                .or(vm.models().importingProperty()));
        // Elapsed time of the run in flight, so a long CPU run visibly progresses.
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        long[] startedAt = {0};
        javafx.animation.Timeline ticker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1),
                e -> elapsed.setText((System.nanoTime() - startedAt[0]) / 1_000_000_000L + " s")));
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        vm.run().runningProperty().addListener((obs, was, running) -> {
            if (running) {
                startedAt[0] = System.nanoTime();
                elapsed.setText("0 s");
                ticker.playFromStart();
            } else {
                ticker.stop();
                elapsed.setText("");
            }
        });
        HBox bar = new HBox(10, status, device, elapsed, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
