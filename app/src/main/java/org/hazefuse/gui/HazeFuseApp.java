package org.hazefuse.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.dialog.FxDialogService;
import org.hazefuse.gui.input.BundledSamples;
import org.hazefuse.gui.adapters.CatalogMethodProvider;
import org.hazefuse.gui.adapters.CoreFineTuner;
import org.hazefuse.gui.adapters.CoreImageWriter;
import org.hazefuse.gui.adapters.CorePublishedWeights;
import org.hazefuse.gui.adapters.CorePairReader;
import org.hazefuse.gui.adapters.CoreViewerHaze;
import org.hazefuse.gui.adapters.SuiteMetricsService;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.task.FxDebouncer;
import org.hazefuse.gui.task.FxTaskExecutor;
import org.hazefuse.gui.task.TaskExecutor;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HazeFuse desktop application. Start it through {@link #launch(String[])} (the project's launcher does)
 * with {@code [--model NAME] [VISIBLE INFRARED]}, or {@link #launch(StartupOptions)}.
 *
 * <p>This class only wires production services into the view models and shows the window; see
 * {@link ViewModels} for the behaviour.
 */
public class HazeFuseApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(HazeFuseApp.class);
    private static volatile StartupOptions startup;

    private ViewModels vm;
    private SessionSettings session;
    private Stage stage;
    private List<TaskExecutor> executors = List.of();

    /** Starts the GUI with command line arguments; returns when the window is closed. */
    public static void launch(String... args) {
        StartupOptions options;
        try {
            options = StartupOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("hazefuse: " + e.getMessage());
            options = StartupOptions.NONE;
        }
        launch(options);
    }

    /** Starts the GUI, optionally opening a pair and selecting a model; returns when the window is closed. */
    public static void launch(StartupOptions options) {
        startup = options;
        Application.launch(HazeFuseApp.class);
    }

    /** The user's HazeFuse folder: fine-tuning runs in {@code runs/}, imported weights in {@code weights/}. */
    static Path userFolder() {
        return Path.of(System.getProperty("user.home"), ".hazefuse");
    }

    /** The production services: core readers, writer, haze, metrics and method catalog behind the GUI's interfaces. */
    static GuiServices productionServices(org.hazefuse.gui.dialog.DialogService dialogs) {
        return productionServices(dialogs, userFolder());
    }

    /** The production services with the HazeFuse folder {@code home} (fine-tuning runs, imported weights). */
    static GuiServices productionServices(org.hazefuse.gui.dialog.DialogService dialogs, Path home) {
        return new GuiServices(
                new FxTaskExecutor("hazefuse-work", 1),
                new FxTaskExecutor("hazefuse-io", 1),
                new FxDebouncer(Duration.millis(350)),
                UiThread.FX,
                dialogs,
                new CorePairReader(),
                new CatalogMethodProvider(),
                new CoreViewerHaze(),
                new SuiteMetricsService(),
                new CoreImageWriter(),
                new CoreFineTuner(home.resolve("runs")),
                new CorePublishedWeights(home.resolve("weights")),
                AppSettings.user());
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        FxDialogService dialogs = new FxDialogService(() -> stage);
        GuiServices services = productionServices(dialogs);
        session = new SessionSettings(services.settings());
        vm = new ViewModels(services, session.density());
        session.restore(vm);
        executors = List.of(services.executor(), services.ioExecutor());
        TrainingViewModel training = new TrainingViewModel(services.trainer(), dialogs, services.uiThread(),
                () -> vm.session().modelProperty().get(), () -> List.copyOf(vm.pairList().pairs()));
        // A finished fine-tuning run's model is used by the viewer at once.
        training.tunedWeightsProperty().addListener((obs, old, weights) -> {
            if (weights != null) {
                vm.models().useWeightsFile(weights);
            }
        });
        MainWindow window = new MainWindow(vm, training, dialogs);
        Scene scene = new Scene(window.root());
        stage.setTitle("HazeFuse");
        stage.getIcons().addAll(windowIcons());
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        session.restore(stage);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            LOG.error("Unexpected error", e);
            dialogs.showError("Unexpected error", ErrorMessages.describe(e));
        });
        stage.show();
        StartupOptions options = startup != null ? startup : fromParameters(dialogs);
        options.model().ifPresent(m -> {
            if (vm.session().modelNames().contains(m)) {
                vm.session().modelProperty().set(m);
            } else {
                dialogs.showError("Unknown model", "No model named \"" + m + "\". Available: "
                        + (vm.session().modelNames().isEmpty() ? "none" : String.join(", ", vm.session().modelNames())) + ".");
            }
        });
        if (!options.files().isEmpty()) {
            Platform.runLater(() -> vm.pairList().addFiles(options.files()));
        } else {
            Platform.runLater(this::openBundledSamples);
        }
    }

    /** The application icon in the sizes window managers pick from (assets/icons, on the class path). */
    private static List<Image> windowIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var url = HazeFuseApp.class.getClassLoader().getResource("hazefuse/icons/hazefuse-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    /** Started without a pair: open the shipped samples, so the first thing a user sees is the model at work. */
    private void openBundledSamples() {
        try {
            for (Path sample : BundledSamples.extract(BundledSamples.defaultFolder())) {
                vm.pairList().addFiles(List.of(sample));
            }
        } catch (IOException e) {
            LOG.warn("Could not open the bundled sample pairs: {}", e.getMessage());
        }
    }

    /** When started by {@code Application.launch(HazeFuseApp.class, args)}: the same options from the raw arguments. */
    private StartupOptions fromParameters(FxDialogService dialogs) {
        try {
            return StartupOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            dialogs.showError("Unknown command line arguments", e.getMessage());
            return StartupOptions.NONE;
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            session.save(vm, stage);
            vm.dispose();
            executors.forEach(TaskExecutor::shutdown);
        }
    }
}
