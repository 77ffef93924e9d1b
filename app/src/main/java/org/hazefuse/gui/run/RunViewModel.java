package org.hazefuse.gui.run;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.image.FxImages;
import org.hazefuse.gui.inference.MethodHolder;
import org.hazefuse.gui.metrics.MetricsService;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.Debouncer;
import org.hazefuse.gui.task.TaskExecutor;
import org.hazefuse.gui.task.TaskHandle;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.viewer.ImageRect;
import org.hazefuse.gui.viewer.PanelsViewModel;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.service.PreviewedRun;
import org.hazefuse.service.ReducedPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the session's model on the session's input and shows the result and its metrics. Slider and model changes
 * request a run; with auto-run on, requests are debounced into one run. A newer run cancels the one in flight;
 * results of stale runs are dropped by generation number.
 *
 * <p>A large pair shows a preview first ({@link PreviewedRun}: the method on a reduced copy, enlarged to the pair's
 * size), marked in the session and across the output panels, without metrics; the full-resolution result replaces
 * it. A run cancelled or failed after its preview leaves the preview shown, still marked.
 */
public final class RunViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    private final Session session;
    private final PanelsViewModel panels;
    private final ObservableValue<DensitySettings> density;
    private final MethodHolder methods;
    private final TaskExecutor executor;
    private final TaskExecutor io;
    private final MetricsService metrics;
    private final DialogService dialogs;
    private final UiThread ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper metricsScope = new ReadOnlyStringWrapper(WHOLE_FRAME);
    private final ObservableValue<ImageRect> region;
    private static final String WHOLE_FRAME = "Whole frame (draw a region with the Region tool)";
    private static final String PREVIEW_SCOPE = "Preview (reduced): metrics follow with the full-resolution result";
    private static final String PREVIEW_RUNNING =
            "Preview (reduced): the full-resolution result replaces it when done.";
    private static final String PREVIEW_STOPPED =
            "Preview (reduced): the full-resolution run did not finish; Run (Ctrl+R) computes it.";
    private final StringBinding previewNotice;
    /** Below this side the structural metrics (gradients, NIQE's patches) have too little to work on. */
    static final int MIN_REGION_SIDE = 16;
    private TaskHandle runHandle = TaskHandle.DONE;
    private TaskHandle metricsHandle = TaskHandle.DONE;
    private long generation;

    /**
     * @param executor runs the method: one thread, so a method is never called twice at once
     * @param io computes the metrics, so the images appear before them
     * @param ui where a preview, computed on the run's thread, is shown
     */
    public RunViewModel(Session session, PanelsViewModel panels, ObservableValue<DensitySettings> density,
                        ObservableValue<ImageRect> region, MethodHolder methods, TaskExecutor executor,
                        TaskExecutor io, MetricsService metrics, DialogService dialogs, Debouncer debouncer,
                        UiThread ui) {
        this.region = region;
        this.session = session;
        this.panels = panels;
        this.density = density;
        this.methods = methods;
        this.executor = executor;
        this.io = io;
        this.metrics = metrics;
        this.dialogs = dialogs;
        this.ui = ui;
        previewNotice = Bindings.createStringBinding(() -> !session.previewProperty().get() ? ""
                : running.get() ? PREVIEW_RUNNING : PREVIEW_STOPPED, session.previewProperty(), running);
        Runnable changed = () -> {
            if (session.autoRunProperty().get() && session.inputProperty().get() != null) {
                debouncer.schedule(this::run);
            }
        };
        density.addListener((obs, old, now) -> changed.run());
        // A drawn region: the metrics of the shown result for that region, without running the model again.
        region.addListener((obs, old, now) -> {
            ImagePair in = session.inputProperty().get();
            FusionResult r = session.resultProperty().get();
            if (session.previewProperty().get()) {
                metricsScope.set(PREVIEW_SCOPE);
            } else if (in != null && r != null && !running.get()) {
                computeMetrics(generation, in, r);
            } else {
                metricsScope.set(scopeOf(now));
            }
        });
        session.modelProperty().addListener((obs, old, now) -> changed.run());
        // The status bar names the chosen model from the start, not only after a run succeeded (a first pair
        // that fails to read would otherwise leave it blank); a run replaces it with the method's description.
        device.set(ModelLabels.label(session.modelProperty().get(), session.modelLabels()));
        session.modelProperty().addListener((obs, old, now) -> device.set(ModelLabels.label(now, session.modelLabels())));
    }

    /** A new input is shown: run it when auto-run is on. */
    void inputChanged() {
        if (session.autoRunProperty().get()) {
            run();
        }
    }

    /** Cancels the run and metrics in flight, whose input is about to be replaced. */
    void stop() {
        runHandle.cancel();
        metricsHandle.cancel();
    }

    /** Another pair: its result panels and metrics go. */
    void clearResult() {
        session.previewProperty().set(false);
        session.resultProperty().set(null);
        panels.showResult(null, null, null);
        session.metrics().clear();
    }

    /** Runs the chosen model on the current input now, cancelling a run in flight. */
    public void run() {
        ImagePair in = session.inputProperty().get();
        if (in == null) {
            return;
        }
        String name = session.modelProperty().get();
        if (name == null || name.isBlank()) {
            session.statusProperty().set("No model available: choose a model to run.");
            return;
        }
        stop();
        long gen = ++generation;
        DensitySettings settings = density.getValue();
        running.set(true);
        progress.set(-1);
        session.statusProperty().set("Running " + name + " on " + in.name() + " …");
        runHandle = executor.execute(BackgroundTask.of("Running " + name, (p, cancel) -> {
            FusionMethod method = methods.get(name);
            cancel.throwIfCancelled();
            // Tiled methods say how far they are; the bar and the status line follow (see onProgress).
            FusionResult r = PreviewedRun.run(method, in, settings, cancel,
                    (done, total) -> p.update((double) done / total, done + " of " + total + " tiles"),
                    (preview, reduced) -> {
                        Image dehazed = FxImages.toFx(preview.dehazed());
                        Image densityMap = FxImages.toHeat(preview.density());
                        Image fused = FxImages.toFx(preview.fused());
                        ui.post(() -> showPreview(gen, name, in, reduced, preview, dehazed, densityMap, fused));
                    });
            return new Outcome(in, r, FxImages.toFx(r.dehazed()), FxImages.toHeat(r.density()),
                    FxImages.toFx(r.fused()), method.description() + " · " + methods.deviceDescription());
        }).onProgress((fraction, message) -> {
            if (gen == generation && running.get() && fraction >= 0) {
                progress.set(fraction);
                session.statusProperty().set(String.format(java.util.Locale.ROOT, "Running %s on %s … %s (%.0f %%)",
                        name, in.name(), message, fraction * 100));
            }
        }).onSuccess(o -> {
            if (gen != generation) {
                return;
            }
            idle();
            session.previewProperty().set(false);
            session.resultProperty().set(o.result());
            panels.showResult(o.dehazed(), o.density(), o.fused());
            device.set(o.description());
            session.statusProperty().set(o.input().name() + ": " + name + " done in " + o.result().total().toMillis() + " ms");
            computeMetrics(gen, o.input(), o.result());
        }).onFailure(e -> {
            if (gen != generation) {
                return;
            }
            idle();
            Failures.log(LOG, "Run of " + name + " on " + in.name() + " failed", e);
            session.statusProperty().set(name + " failed on " + in.name() + ".");
            dialogs.showError("Cannot run " + name + " on " + in.name(), ErrorMessages.describe(e));
        }).onCancelled(() -> {
            if (gen == generation) {
                idle();
                session.statusProperty().set(session.previewProperty().get()
                        ? "Cancelled; the panels show the reduced preview." : "Cancelled.");
            }
        }));
    }

    /**
     * Shows a large pair's preview while its full-resolution run goes on; dropped when that run was cancelled or
     * replaced meanwhile (the preview is posted from the run's thread and may arrive after either).
     */
    private void showPreview(long gen, String name, ImagePair in, ReducedPreview reduced, FusionResult preview,
            Image dehazed, Image densityMap, Image fused) {
        if (gen != generation || !running.get()) {
            return;
        }
        metricsHandle.cancel();
        session.metrics().clear();
        metricsScope.set(PREVIEW_SCOPE);
        session.previewProperty().set(true); // first, so what follows the result sees it is a preview
        session.resultProperty().set(preview);
        panels.showResult(dehazed, densityMap, fused);
        session.statusProperty().set(String.format(java.util.Locale.ROOT,
                "%s: preview (reduced to %d×%d) in %d ms; %s at full resolution …", in.name(), reduced.width(),
                reduced.height(), preview.total().toMillis(), name));
    }

    private void idle() {
        running.set(false);
        progress.set(0);
    }

    /**
     * Metrics of a shown result, as a task of their own so the images appear first; dropped when a newer run
     * started meanwhile. A metric failure is logged and leaves the panel empty: the images are still valid.
     */
    private void computeMetrics(long gen, ImagePair in, FusionResult r) {
        session.metrics().clear();
        metricsHandle.cancel();
        ImageRect rect = region.getValue();
        metricsScope.set(scopeOf(rect));
        if (rect != null && (rect.width() < MIN_REGION_SIDE || rect.height() < MIN_REGION_SIDE
                || rect.x() + rect.width() > in.width() || rect.y() + rect.height() > in.height())) {
            return;
        }
        metricsHandle = io.execute(BackgroundTask.of("Metrics", (p, cancel) -> rect == null
                        ? metrics.compute(in, r) : metrics.compute(crop(in, rect), crop(r, rect)))
                .onSuccess(values -> {
                    if (gen == generation) {
                        session.metrics().setAll(values);
                    }
                }).onFailure(e -> LOG.warn("Metrics of {} failed", in.name(), e)));
    }

    private static String scopeOf(ImageRect rect) {
        if (rect == null) {
            return WHOLE_FRAME;
        }
        return rect.width() < MIN_REGION_SIDE || rect.height() < MIN_REGION_SIDE
                ? "Region " + rect + ": too small for the metrics (at least " + MIN_REGION_SIDE + " pixels a side)"
                : "Region " + rect;
    }

    private static ImagePair crop(ImagePair in, ImageRect rect) {
        return new ImagePair(in.name(), rect.crop(in.visible()), rect.crop(in.infrared()),
                in.clearVisible().map(rect::crop));
    }

    private static FusionResult crop(FusionResult r, ImageRect rect) {
        return new FusionResult(rect.crop(r.dehazed()), rect.crop(r.density()), rect.crop(r.fused()), r.timings());
    }

    /**
     * The notice across the output panels while they show a preview: that the full result follows, or that its run
     * stopped; empty otherwise.
     */
    public StringBinding previewNoticeProperty() {
        return previewNotice;
    }

    /** What the metrics cover: the whole frame or the drawn region. */
    public ReadOnlyStringProperty metricsScopeProperty() {
        return metricsScope.getReadOnlyProperty();
    }

    private record Outcome(ImagePair input, FusionResult result, Image dehazed, Image density, Image fused,
                           String description) {
    }

    /** Cancels the run in flight (the Cancel button). */
    public void cancel() {
        runHandle.cancel();
    }

    /** Frees the open method, after the runs queued before it; called when the window closes. */
    public void dispose() {
        runHandle.cancel();
        executor.execute(BackgroundTask.of("Closing model", (p, c) -> {
            methods.close();
            return null;
        }));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** While running, the share of tiles done, or negative (indeterminate) until a method reports; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The chosen model, and once it ran, the open method's description: configuration and device. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }
}
