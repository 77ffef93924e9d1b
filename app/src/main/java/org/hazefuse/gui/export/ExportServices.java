package org.hazefuse.gui.export;

import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.haze.ViewerHaze;
import org.hazefuse.gui.input.PairReader;
import org.hazefuse.gui.metrics.MetricsService;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.task.TaskExecutor;

/**
 * What exporting needs besides the session: a batch export reads, hazes, runs, measures and writes every pair.
 *
 * @param executor the methods' thread, so an export follows the run it exports and never runs a method twice at once
 */
public record ExportServices(TaskExecutor executor, DialogService dialogs, AppSettings settings, PairReader reader,
                             ViewerHaze haze, ImageWriter writer, MetricsService metrics) {
}
