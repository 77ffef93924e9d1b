package org.hazefuse.gui;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.hazefuse.gui.controls.DensityControlsViewModel;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.haze.HazeControlsViewModel;
import org.hazefuse.gui.haze.HazeSettings;
import org.hazefuse.gui.image.FxImages;
import org.hazefuse.gui.inference.MethodHolder;
import org.hazefuse.gui.inference.PixelReadout;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairListViewModel;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.TaskHandle;
import org.hazefuse.gui.viewer.ViewerViewModel;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window: the selected pair read into images (with synthesized haze when switched on), the
 * chosen model, the last result and everything shown from it (panel images, read-out, metrics, status). Talks to
 * core only through {@link FusionMethod} and {@link FloatImage}; all reading and inference run on the task executor.
 *
 * <p>Flow: selecting a pair reads it (task), haze is applied (same task), the five panel images are built, then a
 * run is requested. Slider, model and haze changes request a run too; with auto-run on, requests are debounced
 * into one run. A newer run cancels the one in flight; results of stale runs are dropped by generation number.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final GuiServices services;
    private final PairListViewModel pairList;
    private final DensityControlsViewModel density;
    private final HazeControlsViewModel haze = new HazeControlsViewModel();
    private final ViewerViewModel viewer = new ViewerViewModel();
    private final MethodHolder methods;

    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty();
    private final BooleanProperty autoRun = new SimpleBooleanProperty(true);

    private final ReadOnlyObjectWrapper<ImagePair> sourcePair = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImagePair> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FusionResult> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Image> visibleImage = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> infraredImage = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> dehazedImage = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> densityImage = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> fusedImage = new SimpleObjectProperty<>();
    private final ObservableList<MetricValue> metrics = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Drop a visible and an infrared image, or a folder, to start.");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper[] panelValues = new ReadOnlyStringWrapper[Panel.values().length];

    private TaskHandle loadHandle = TaskHandle.DONE;
    private TaskHandle runHandle = TaskHandle.DONE;
    private TaskHandle metricsHandle = TaskHandle.DONE;
    private long loadGeneration;
    private long runGeneration;
    private int runCount;

    /** The five panels, in display order. */
    public enum Panel {
        VISIBLE("Visible", "visible"), INFRARED("Infrared", "infrared"), DEHAZED("Dehazed", "dehazed"),
        DENSITY("Haze density", "density"), FUSED("Fused", "fused");

        private final String title;
        private final String shortName;

        Panel(String title, String shortName) {
            this.title = title;
            this.shortName = shortName;
        }

        /** The name in the read-out line. */
        public String shortName() {
            return shortName;
        }

        public String title() {
            return title;
        }
    }

    public MainViewModel(GuiServices services, DensitySettings initialDensity) {
        this.services = services;
        this.pairList = new PairListViewModel(services.ioExecutor(), services.dialogs(), services.settings());
        this.density = new DensityControlsViewModel(initialDensity);
        this.methods = new MethodHolder(services.methods());
        for (int i = 0; i < panelValues.length; i++) {
            panelValues[i] = new ReadOnlyStringWrapper("");
        }
        modelNames.setAll(services.methods().names());
        services.methods().preferred().ifPresent(model::set);
        pairList.selectedProperty().addListener((obs, old, now) -> load(now));
        density.settingsProperty().addListener((obs, old, now) -> settingsChanged());
        model.addListener((obs, old, now) -> settingsChanged());
        haze.enabledProperty().addListener(obs -> services.debouncer().schedule(this::rebuildInput));
        for (var parameter : haze.parameters()) {
            parameter.addListener(obs -> {
                if (haze.enabledProperty().get()) {
                    services.debouncer().schedule(this::rebuildInput);
                }
            });
        }
        viewer.cursorXProperty().addListener(obs -> updateReadout());
        viewer.cursorYProperty().addListener(obs -> updateReadout());
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /** Reads the pair (null clears the view); on success shows it and requests a run. */
    public void load(InputPair pair) {
        loadHandle.cancel();
        runHandle.cancel(); // the run in flight is for the previous pair
        metricsHandle.cancel();
        long gen = ++loadGeneration;
        if (pair == null) {
            clearAll();
            return;
        }
        loading.set(true);
        status.set("Reading " + pair.name() + " …");
        Optional<HazeSettings> hazeNow = haze.current();
        loadHandle = services.ioExecutor().execute(BackgroundTask.of("Reading " + pair.name(), (p, cancel) -> {
            ImagePair source = services.reader().read(pair);
            cancel.throwIfCancelled();
            return prepare(source, hazeNow);
        }).onSuccess(prepared -> {
            if (gen == loadGeneration) {
                loading.set(false);
                show(prepared);
            }
        }).onFailure(e -> {
            if (gen == loadGeneration) {
                loading.set(false);
                logFailure("Cannot read pair " + pair.name(), e);
                clearAll();
                status.set("Could not read " + pair.name() + ".");
                services.dialogs().showError("Cannot open the pair " + pair.name(), ErrorMessages.describe(e));
            }
        }).onCancelled(() -> {
            if (gen == loadGeneration) {
                loading.set(false);
            }
        }));
    }

    /** Haze switched or changed: re-synthesize from the clear source and re-run. */
    private void rebuildInput() {
        ImagePair source = sourcePair.get();
        if (source == null) {
            return;
        }
        long gen = ++loadGeneration;
        Optional<HazeSettings> hazeNow = haze.current();
        loadHandle.cancel();
        loadHandle = services.ioExecutor().execute(BackgroundTask.of("Synthesizing haze", (p, c) -> prepare(source, hazeNow))
                .onSuccess(prepared -> {
                    if (gen == loadGeneration) {
                        show(prepared);
                    }
                })
                .onFailure(e -> services.dialogs().showError("Cannot synthesize haze", ErrorMessages.describe(e))));
    }

    /** A read pair, with haze applied, and its two panel images; built on a worker thread. */
    private record Prepared(ImagePair source, ImagePair input, Image visible, Image infrared) {
    }

    private Prepared prepare(ImagePair source, Optional<HazeSettings> hazeSettings) {
        ImagePair in = source;
        if (hazeSettings.isPresent()) {
            FloatImage clear = source.visible();
            FloatImage hazy = services.haze().apply(clear, hazeSettings.get());
            in = new ImagePair(source.name(), hazy, source.infrared(), Optional.of(clear));
        }
        return new Prepared(source, in, FxImages.toFx(in.visible()), FxImages.toFx(in.infrared()));
    }

    private void show(Prepared prepared) {
        boolean samePair = sourcePair.get() != null && sourcePair.get().name().equals(prepared.source().name());
        sourcePair.set(prepared.source());
        input.set(prepared.input());
        visibleImage.set(prepared.visible());
        infraredImage.set(prepared.infrared());
        if (!samePair) {
            result.set(null);
            dehazedImage.set(null);
            densityImage.set(null);
            fusedImage.set(null);
            metrics.clear();
        }
        viewer.setImageSize(prepared.input().width(), prepared.input().height());
        status.set(prepared.input().name() + ": " + prepared.input().width() + "×" + prepared.input().height());
        updateReadout();
        if (autoRun.get()) {
            run();
        }
    }

    private void clearAll() {
        sourcePair.set(null);
        input.set(null);
        result.set(null);
        visibleImage.set(null);
        infraredImage.set(null);
        dehazedImage.set(null);
        densityImage.set(null);
        fusedImage.set(null);
        metrics.clear();
        updateReadout();
    }

    // ---- inference -----------------------------------------------------------------------------------------

    private void settingsChanged() {
        if (autoRun.get() && input.get() != null) {
            services.debouncer().schedule(this::run);
        }
    }

    /** Runs the chosen model on the current input now, cancelling a run in flight. */
    public void run() {
        ImagePair in = input.get();
        if (in == null) {
            return;
        }
        String name = model.get();
        if (name == null || name.isBlank()) {
            status.set("No model available: choose a model to run.");
            return;
        }
        runHandle.cancel();
        metricsHandle.cancel();
        long gen = ++runGeneration;
        DensitySettings settings = density.settings();
        running.set(true);
        progress.set(-1);
        status.set("Running " + name + " on " + in.name() + " …");
        runHandle = services.executor().execute(BackgroundTask.of("Running " + name, (p, cancel) -> {
            FusionMethod method = methods.get(name);
            cancel.throwIfCancelled();
            FusionResult r = method.run(in, settings, cancel);
            return new Outcome(in, r, FxImages.toFx(r.dehazed()), FxImages.toHeat(r.density()),
                    FxImages.toFx(r.fused()), method.description() + " · " + services.methods().deviceDescription());
        }).onSuccess(o -> {
            if (gen != runGeneration) {
                return;
            }
            runCount++;
            running.set(false);
            progress.set(0);
            result.set(o.result());
            dehazedImage.set(o.dehazed());
            densityImage.set(o.density());
            fusedImage.set(o.fused());
            device.set(o.description());
            status.set(o.input().name() + ": " + name + " done in " + o.result().total().toMillis() + " ms");
            updateReadout();
            computeMetrics(gen, o.input(), o.result());
        }).onFailure(e -> {
            if (gen != runGeneration) {
                return;
            }
            running.set(false);
            progress.set(0);
            logFailure("Run of " + name + " on " + in.name() + " failed", e);
            status.set(name + " failed on " + in.name() + ".");
            services.dialogs().showError("Cannot run " + name + " on " + in.name(), ErrorMessages.describe(e));
        }).onCancelled(() -> {
            if (gen == runGeneration) {
                running.set(false);
                progress.set(0);
                status.set("Cancelled.");
            }
        }));
    }

    /**
     * Metrics of a shown result, as a task of their own so the images appear first; dropped when a newer run
     * started meanwhile. A metric failure is logged and leaves the panel empty: the images are still valid.
     */
    private void computeMetrics(long gen, ImagePair in, FusionResult r) {
        metrics.clear();
        metricsHandle.cancel();
        metricsHandle = services.ioExecutor().execute(BackgroundTask.of("Metrics", (p, cancel) ->
                services.metrics().compute(in, r)).onSuccess(values -> {
                    if (gen == runGeneration) {
                        metrics.setAll(values);
                    }
                }).onFailure(e -> LOG.warn("Metrics of {} failed", in.name(), e)));
    }

    private record Outcome(ImagePair input, FusionResult result, Image dehazed, Image density, Image fused,
                           String description) {
    }

    public void cancel() {
        runHandle.cancel();
    }

    /** Model → Open weights file: adds a {@code .hzf} file to the model list and selects it. */
    public void openWeightsFile() {
        services.dialogs().openFile("Open a weights file", null, "HazeFuse weights (*.hzf)", "*.hzf")
                .ifPresent(this::useWeightsFile);
    }

    /** Adds a weights file (by absolute path, which the method catalog opens) to the model list and selects it. */
    public void useWeightsFile(java.nio.file.Path file) {
        String name = file.toAbsolutePath().normalize().toString();
        if (!modelNames.contains(name)) {
            modelNames.add(name);
        }
        model.set(name);
    }

    /** Frees the open method; called when the window closes. */
    public void dispose() {
        loadHandle.cancel();
        runHandle.cancel();
        services.executor().execute(BackgroundTask.of("Closing model", (p, c) -> {
            methods.close();
            return null;
        }));
    }

    /** Bad input is the user's to fix: one log line. Anything else is a bug: full stack trace for the report. */
    private static void logFailure(String what, Throwable e) {
        if (e instanceof org.hazefuse.io.BadInputException) {
            LOG.info("{}: {}", what, e.getMessage());
        } else {
            LOG.warn(what, e);
        }
    }

    // ---- read-out ------------------------------------------------------------------------------------------

    private void updateReadout() {
        int x = viewer.cursorXProperty().get();
        int y = viewer.cursorYProperty().get();
        ImagePair in = input.get();
        FusionResult r = result.get();
        if (x < 0 || in == null) {
            cursorText.set("");
            for (ReadOnlyStringWrapper v : panelValues) {
                v.set("");
            }
            return;
        }
        FloatImage[] images = {in.visible(), in.infrared(), r == null ? null : r.dehazed(),
                r == null ? null : r.density(), r == null ? null : r.fused()};
        StringBuilder line = new StringBuilder("x " + x + ", y " + y);
        for (Panel p : Panel.values()) {
            FloatImage img = images[p.ordinal()];
            panelValues[p.ordinal()].set(PixelReadout.value(img, x, y, 2));
            if (img != null) {
                line.append("   ").append(p.shortName()).append(' ')
                        .append(PixelReadout.value(img, x, y));
            }
        }
        cursorText.set(line.toString());
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public PairListViewModel pairList() {
        return pairList;
    }

    public DensityControlsViewModel density() {
        return density;
    }

    public HazeControlsViewModel haze() {
        return haze;
    }

    public ViewerViewModel viewer() {
        return viewer;
    }

    public GuiServices services() {
        return services;
    }

    public ObservableList<String> modelNames() {
        return modelNames;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public BooleanProperty autoRunProperty() {
        return autoRun;
    }

    /** The pair as read, before haze synthesis. */
    public ReadOnlyObjectProperty<ImagePair> sourcePairProperty() {
        return sourcePair.getReadOnlyProperty();
    }

    /** The pair the model runs on (hazy visible when synthesizing). */
    public ReadOnlyObjectProperty<ImagePair> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FusionResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<Image> imageProperty(Panel panel) {
        return switch (panel) {
            case VISIBLE -> visibleImage;
            case INFRARED -> infraredImage;
            case DEHAZED -> dehazedImage;
            case DENSITY -> densityImage;
            case FUSED -> fusedImage;
        };
    }

    public ReadOnlyStringProperty panelValueProperty(Panel panel) {
        return panelValues[panel.ordinal()].getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }

    public ObservableList<MetricValue> metrics() {
        return metrics;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Negative while running (indeterminate), 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Writable for other view models (export, fine-tuning) that report through the status bar. */
    public void showStatus(String text) {
        status.set(text);
    }

    /** The open method's description: configuration and device. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** How many runs completed: for tests and diagnostics. */
    public int completedRuns() {
        return runCount;
    }

    public MethodHolder methods() {
        return methods;
    }
}
