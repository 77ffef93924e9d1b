package org.hazefuse.gui;

import java.util.Objects;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.export.ImageWriter;
import org.hazefuse.gui.haze.ViewerHaze;
import org.hazefuse.gui.inference.MethodProvider;
import org.hazefuse.gui.inference.PublishedWeights;
import org.hazefuse.gui.input.PairReader;
import org.hazefuse.gui.metrics.MetricsService;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.task.Debouncer;
import org.hazefuse.gui.task.TaskExecutor;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.training.FineTuner;

/**
 * Everything the view models need from outside: threads, dialogs and the core services behind small
 * interfaces. Production wires real ones in {@link HazeFuseApp}; tests pass fakes and current-thread executors.
 *
 * @param executor runs the methods (inference, batch export, writing): one thread, so a method is never called
 *     twice at once and exports follow the run they export
 * @param ioExecutor reads, pairs, synthesizes haze and computes metrics, so a drop or a new selection is not
 *     queued behind a long inference run
 * @param published where the IASSF authors' weights are imported to, and the import
 */
public record GuiServices(
        TaskExecutor executor,
        TaskExecutor ioExecutor,
        Debouncer debouncer,
        UiThread uiThread,
        DialogService dialogs,
        PairReader reader,
        MethodProvider methods,
        ViewerHaze haze,
        MetricsService metrics,
        ImageWriter writer,
        FineTuner trainer,
        PublishedWeights published,
        AppSettings settings) {
    public GuiServices {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(ioExecutor, "ioExecutor");
        Objects.requireNonNull(debouncer, "debouncer");
        Objects.requireNonNull(uiThread, "uiThread");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(haze, "haze");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(settings, "settings");
    }
}
