package org.hazefuse.gui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.haze.HazeControlsViewModel;
import org.hazefuse.gui.inference.MethodHolder;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairListViewModel;
import org.hazefuse.gui.metrics.MetricValue;
import org.hazefuse.gui.prefs.Setting;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.TaskHandle;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * Export of the current outputs, batch export of all listed pairs, and metrics CSV. Inputs are never
 * overwritten (checked by path before anything is written); existing outputs are replaced only after the
 * user agrees. Writing happens on the task executor.
 */
public final class ExportViewModel {
    private final Session session;
    private final PairListViewModel pairList;
    private final HazeControlsViewModel haze;
    private final ObservableValue<DensitySettings> density;
    private final MethodHolder methods;
    private final ExportServices services;
    private final DialogService dialogs;
    private final BooleanProperty sixteenBit = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper batchRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper batchProgress = new ReadOnlyDoubleWrapper(0);
    private TaskHandle batchHandle = TaskHandle.DONE;

    /**
     * @param density the density sliders' settings, which a batch export runs with
     * @param methods the viewer's open method, reused so the weights are not loaded twice
     */
    public ExportViewModel(Session session, PairListViewModel pairList, HazeControlsViewModel haze,
                           ObservableValue<DensitySettings> density, MethodHolder methods, ExportServices services) {
        this.session = session;
        this.pairList = pairList;
        this.haze = haze;
        this.density = density;
        this.methods = methods;
        this.services = services;
        this.dialogs = services.dialogs();
        sixteenBit.set(services.settings().getBoolean(Setting.EXPORT_16_BIT));
        sixteenBit.addListener((obs, old, now) -> services.settings().put(Setting.EXPORT_16_BIT, now));
    }

    /** File → Export current outputs: asks for a folder. */
    public void exportCurrent() {
        if (session.resultProperty().get() == null) {
            dialogs.showError("Nothing to export", "Load a pair and run a model first.");
            return;
        }
        if (showsPreview(session, dialogs)) {
            return;
        }
        chooseFolder("Export current outputs to").ifPresent(this::exportCurrentTo);
    }

    /** Writes the current pair's outputs into {@code folder}; true if writing started. */
    public boolean exportCurrentTo(Path folder) {
        ImagePair in = session.inputProperty().get();
        FusionResult result = session.resultProperty().get();
        if (in == null || result == null) {
            dialogs.showError("Nothing to export", "Load a pair and run a model first.");
            return false;
        }
        if (showsPreview(session, dialogs)) {
            return false;
        }
        Map<Path, FloatImage> files = ExportPlan.files(folder, in, result);
        if (!allowed(new ArrayList<>(files.keySet()), inputFiles())) {
            return false;
        }
        int depth = bitDepth();
        ImageWriter writer = services.writer();
        Set<Path> inputs = inputFiles();
        services.executor().execute(BackgroundTask.of("Exporting " + in.name(), (p, cancel) -> {
            java.nio.file.Files.createDirectories(folder);
            files.forEach((file, image) -> writer.writePng(image, file, depth, inputs));
            return files.size();
        }).onSuccess(n -> {
            rememberFolder(folder);
            session.statusProperty().set("Wrote " + n + " files (" + depth + "-bit PNG) to " + folder + ".");
        }).onFailure(e -> dialogs.showError("Export failed", ErrorMessages.describe(e))));
        return true;
    }

    /**
     * A reduced preview is not the method's output: exported under the outputs' names it would pass for them. True
     * (and the user told) while the panels show one.
     */
    static boolean showsPreview(Session session, DialogService dialogs) {
        if (!session.previewProperty().get()) {
            return false;
        }
        dialogs.showError("Only a preview is shown", "The panels show a reduced preview. Wait for the full-resolution"
                + " result, or run the model again (Ctrl+R), then export.");
        return true;
    }

    /** File → Export all pairs: asks for a folder. */
    public void exportAll() {
        if (pairList.pairs().isEmpty()) {
            dialogs.showError("Nothing to export", "Open some pairs first.");
            return;
        }
        chooseFolder("Export all pairs to").ifPresent(this::exportAllTo);
    }

    /**
     * Runs the current model with the current settings on every listed pair and writes the outputs and
     * {@code metrics.csv} into {@code folder}. Pairs that fail are listed at the end; the others are written.
     */
    public boolean exportAllTo(Path folder) {
        List<InputPair> pairs = List.copyOf(pairList.pairs());
        String model = session.modelProperty().get();
        if (pairs.isEmpty() || model == null || model.isBlank()) {
            dialogs.showError("Nothing to export", "Open some pairs and choose a model first.");
            return false;
        }
        Optional<HazeSettings> hazeNow = haze.current();
        List<Path> outputs = new ArrayList<>();
        Set<Path> inputs = new HashSet<>();
        for (InputPair p : pairs) {
            outputs.addAll(ExportPlan.names(folder, p.name(), hazeNow.isPresent()));
            inputs.add(p.visible());
            inputs.add(p.infrared());
        }
        Path csv = folder.resolve("metrics.csv");
        outputs.add(csv);
        if (!allowed(outputs, inputs)) {
            return false;
        }
        DensitySettings settings = density.getValue();
        int depth = bitDepth();
        batchRunning.set(true);
        batchProgress.set(0);
        batchHandle = services.executor().execute(BackgroundTask.of("Exporting all pairs", (progress, cancel) -> {
            Map<String, List<MetricValue>> metrics = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            java.nio.file.Files.createDirectories(folder);
            FusionMethod method = methods.get(model);
            for (int i = 0; i < pairs.size(); i++) {
                cancel.throwIfCancelled();
                InputPair p = pairs.get(i);
                progress.update((double) i / pairs.size(), p.name());
                try {
                    ImagePair in = services.haze().applyIf(services.reader().read(p, session.resizedInfrared().contains(p)), hazeNow);
                    FusionResult r = method.run(in, settings, cancel);
                    for (var e : ExportPlan.files(folder, in, r).entrySet()) {
                        services.writer().writePng(e.getValue(), e.getKey(), depth, inputs);
                    }
                    List<MetricValue> m = services.metrics().compute(in, r);
                    if (!m.isEmpty()) {
                        metrics.put(p.name(), m);
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures.add(p.name() + ": " + ErrorMessages.describe(e));
                }
            }
            if (!metrics.isEmpty()) {
                MetricsCsv.write(csv, metrics);
            }
            progress.update(1, "done");
            return failures;
        }).onProgress((f, m) -> batchProgress.set(f)).onSuccess(failures -> {
            batchRunning.set(false);
            rememberFolder(folder);
            session.statusProperty().set("Exported " + (pairs.size() - failures.size()) + " of " + pairs.size() + " pairs to " + folder + ".");
            if (!failures.isEmpty()) {
                dialogs.showError("Some pairs were not exported", String.join("\n", failures));
            }
        }).onFailure(e -> {
            batchRunning.set(false);
            dialogs.showError("Batch export failed", ErrorMessages.describe(e));
        }).onCancelled(() -> {
            batchRunning.set(false);
            session.statusProperty().set("Batch export cancelled.");
        }));
        return true;
    }

    public void cancelBatch() {
        batchHandle.cancel();
    }

    /** File → Export metrics CSV: the current pair's metrics. */
    public void exportMetrics() {
        ImagePair in = session.inputProperty().get();
        if (in == null || session.metrics().isEmpty()) {
            dialogs.showError("No metrics to export", "Run a model on a pair first; metrics appear in the Metrics panel.");
            return;
        }
        dialogs.saveFile("Export metrics CSV", lastFolder(), in.name() + "_metrics.csv")
                .ifPresent(this::exportMetricsTo);
    }

    public boolean exportMetricsTo(Path file) {
        ImagePair in = session.inputProperty().get();
        if (in == null || !allowed(List.of(file), inputFiles())) {
            return false;
        }
        Map<String, List<MetricValue>> rows = Map.of(in.name(), List.copyOf(session.metrics()));
        services.executor().execute(BackgroundTask.of("Writing metrics", (p, c) -> {
            MetricsCsv.write(file, rows);
            return file;
        }).onSuccess(f -> session.statusProperty().set("Wrote " + f + "."))
                .onFailure(e -> dialogs.showError("Cannot write metrics", ErrorMessages.describe(e))));
        return true;
    }

    /** Refuses outputs that are inputs; asks before replacing existing files. */
    private boolean allowed(List<Path> outputs, Set<Path> inputs) {
        List<Path> clashes = ExportPlan.clashesWithInputs(outputs, inputs);
        if (!clashes.isEmpty()) {
            dialogs.showError("Export would overwrite an input", clashes.get(0)
                    + " is one of the input images. Choose another folder.");
            return false;
        }
        List<Path> existing = outputs.stream().filter(Files::exists).toList();
        if (existing.isEmpty()) {
            return true;
        }
        String which = existing.size() == 1 ? existing.get(0).toString()
                : existing.size() + " files, e.g. " + existing.get(0);
        return dialogs.confirm("Replace existing files?", which + " already exist" + (existing.size() == 1 ? "s" : "")
                + ". Replace " + (existing.size() == 1 ? "it" : "them") + "?");
    }

    private Set<Path> inputFiles() {
        Set<Path> inputs = new HashSet<>();
        InputPair p = pairList.selectedProperty().get();
        if (p != null) {
            inputs.add(p.visible());
            inputs.add(p.infrared());
        }
        return inputs;
    }

    private Optional<Path> chooseFolder(String title) {
        return dialogs.openFolder(title, lastFolder());
    }

    private Path lastFolder() {
        String s = services.settings().getString(Setting.LAST_EXPORT_FOLDER);
        return s.isBlank() ? null : Path.of(s);
    }

    private void rememberFolder(Path folder) {
        services.settings().put(Setting.LAST_EXPORT_FOLDER, folder.toString());
    }

    private int bitDepth() {
        return sixteenBit.get() ? 16 : 8;
    }

    public BooleanProperty sixteenBitProperty() {
        return sixteenBit;
    }

    public ReadOnlyBooleanProperty batchRunningProperty() {
        return batchRunning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty batchProgressProperty() {
        return batchProgress.getReadOnlyProperty();
    }
}
