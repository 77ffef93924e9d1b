package org.hazefuse.gui.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.io.PairPaths;
import org.hazefuse.service.FineTuning;
import org.hazefuse.gui.task.UiThread;

/**
 * The fine-tuning panel's state: the run configuration (dataset or loaded pairs, steps, learning rate, batch,
 * patch), controls (start, pause, resume, cancel) and what the run reports (loss history for the chart, validation
 * figures, step, speed, ETA). Fine-tuner events arrive on its thread and are re-posted through
 * {@link UiThread} before they touch a property.
 */
public final class TrainingViewModel {
    /** Runs expected to take longer than this ask for confirmation first. */
    public static final Duration LONG_RUN = Duration.ofMinutes(10);
    /** Steps timed before the duration check. */
    static final int MEASURE_STEPS = 3;

    private final FineTuner trainer;
    private final DialogService dialogs;
    private final UiThread ui;
    private final Supplier<String> model;
    private final Supplier<List<InputPair>> loadedPairs;

    private final ObservableList<Path> datasetFolders = FXCollections.observableArrayList();
    private final BooleanProperty useLoadedPairs = new SimpleBooleanProperty(true);
    private final BooleanProperty fusionOnly = new SimpleBooleanProperty(false);
    private final IntegerProperty steps = new SimpleIntegerProperty(500);
    private final DoubleProperty logLearningRate = new SimpleDoubleProperty(-4);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(4);
    private final IntegerProperty patchSize = new SimpleIntegerProperty(128);
    private final IntegerProperty validateEvery = new SimpleIntegerProperty(50);

    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(TrainingState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not started.");
    private final ReadOnlyStringWrapper lastCheckpoint = new ReadOnlyStringWrapper("");
    private final ObservableList<TrainingProgress> history = FXCollections.observableArrayList();
    private final ObservableList<ValidationFigures> validations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> tunedWeights = new ReadOnlyObjectWrapper<>();
    private FineTuneHandle run;
    private long generation;
    /** Whether the user already accepted a long run (or it was checked), so the question comes once per run. */
    private boolean durationChecked;

    public TrainingViewModel(FineTuner trainer, DialogService dialogs, UiThread ui, Supplier<String> model,
                             Supplier<List<InputPair>> loadedPairs) {
        this.trainer = trainer;
        this.dialogs = dialogs;
        this.ui = ui;
        this.model = model;
        this.loadedPairs = loadedPairs;
    }

    /** The configuration the controls describe; throws IllegalArgumentException with a user message if invalid. */
    public FineTuning config() {
        boolean pairs = useLoadedPairs.get() || datasetFolders.isEmpty();
        String m = model.get();
        if (m == null || m.isBlank()) {
            throw new IllegalArgumentException("choose a model to fine-tune first");
        }
        List<PairPaths> chosen = pairs ? loadedPairs.get().stream().map(InputPair::paths).toList() : List.of();
        return new FineTuning(m, pairs ? List.of() : List.copyOf(datasetFolders), chosen,
                steps.get(), Math.pow(10, logLearningRate.get()), batchSize.get(), patchSize.get(), validateEvery.get(),
                fusionOnly.get());
    }

    public void start() {
        if (state.get().active()) {
            return;
        }
        FineTuning config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot start fine-tuning", capitalize(e.getMessage()) + ".");
            return;
        }
        launch(config, trainer.estimate(config));
    }

    private void launch(FineTuning config, java.util.Optional<Duration> estimate) {
        if (estimate.isPresent() && estimate.get().compareTo(LONG_RUN) > 0
                && !dialogs.confirm("Long training run", "This run is expected to take about "
                + formatDuration(estimate.get()) + " on this machine. Start it anyway?")) {
            summary.set("Not started.");
            return;
        }
        history.clear();
        validations.clear();
        progress.set(0);
        lastCheckpoint.set("");
        long gen = ++generation;
        durationChecked = estimate.isPresent();
        state.set(TrainingState.RUNNING);
        summary.set("Starting …" + estimate.map(d -> " (about " + formatDuration(d) + ")").orElse(""));
        try {
            run = trainer.start(config, new Listener(gen));
        } catch (RuntimeException e) {
            state.set(TrainingState.FAILED);
            summary.set("Could not start.");
            dialogs.showError("Cannot start fine-tuning", ErrorMessages.describe(e));
        }
    }

    /**
     * Measured, not guessed: after {@value #MEASURE_STEPS} steps the trainer's ETA (from its real throughput) is
     * known; a run longer than {@link #LONG_RUN} is paused and the user asked whether to go on.
     */
    private void checkDuration(TrainingProgress p) {
        if (durationChecked || p.step() < MEASURE_STEPS || state.get() != TrainingState.RUNNING) {
            return;
        }
        durationChecked = true;
        if (p.eta().compareTo(LONG_RUN) <= 0) {
            return;
        }
        pause();
        if (dialogs.confirm("Long training run", "At the speed of the first " + p.step() + " steps this run needs about "
                + formatDuration(p.eta()) + " more on this machine. Continue?")) {
            resume();
        } else {
            cancel();
        }
    }

    public void pause() {
        if (state.get() == TrainingState.RUNNING && run != null) {
            run.pause();
            state.set(TrainingState.PAUSED);
            summary.set(summary.get() + " (paused)");
        }
    }

    public void resume() {
        if (state.get() == TrainingState.PAUSED && run != null) {
            run.resume();
            state.set(TrainingState.RUNNING);
        }
    }

    public void cancel() {
        if (state.get().active() && run != null) {
            run.cancel();
        }
    }

    /** Receives the trainer's events on its thread and applies them on the UI thread, ignoring stale runs. */
    private final class Listener implements FineTuneListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void progress(TrainingProgress p) {
            ui.post(() -> {
                if (gen == generation) {
                    history.add(p);
                    checkDuration(p);
                    progress.set((double) p.step() / p.totalSteps());
                    summary.set(String.format(java.util.Locale.ROOT, "Step %d / %d · loss %.4f · %.1f samples/s · ETA %s",
                            p.step(), p.totalSteps(), p.loss(), p.samplesPerSecond(), formatDuration(p.eta())));
                }
            });
        }

        @Override
        public void validation(ValidationFigures figures) {
            ui.post(() -> {
                if (gen == generation) {
                    validations.add(figures);
                }
            });
        }

        @Override
        public void checkpoint(Path file) {
            ui.post(() -> {
                if (gen == generation) {
                    lastCheckpoint.set(file.toString());
                }
            });
        }

        @Override
        public void finished(int stepsDone, boolean cancelled, java.util.Optional<Path> weights) {
            ui.post(() -> {
                if (gen == generation) {
                    state.set(cancelled ? TrainingState.CANCELLED : TrainingState.FINISHED);
                    summary.set((cancelled ? "Cancelled after " : "Finished: ") + stepsDone + " steps.");
                    weights.ifPresent(tunedWeights::set);
                }
            });
        }

        @Override
        public void failed(Throwable error) {
            ui.post(() -> {
                if (gen == generation) {
                    state.set(TrainingState.FAILED);
                    summary.set("Failed.");
                    dialogs.showError("Fine-tuning failed", ErrorMessages.describe(error));
                }
            });
        }
    }

    static String formatDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? "Invalid settings" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public BooleanBinding activeBinding() {
        return Bindings.createBooleanBinding(() -> state.get().active(), state);
    }

    /** Dataset folders (vis/ + ir/, triplets, or list files' folders); used when "loaded pairs" is off. */
    public ObservableList<Path> datasetFolders() {
        return datasetFolders;
    }

    /** Adds a dataset folder and trains on the folders from now on. */
    public void addDatasetFolder(Path folder) {
        if (!datasetFolders.contains(folder)) {
            datasetFolders.add(folder);
        }
        useLoadedPairs.set(false);
    }

    public BooleanProperty useLoadedPairsProperty() {
        return useLoadedPairs;
    }

    /** Fine-tune only the fusion network: the dehazed image stays as the starting weights give it. */
    public BooleanProperty fusionOnlyProperty() {
        return fusionOnly;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** log10 of the learning rate. */
    public DoubleProperty logLearningRateProperty() {
        return logLearningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty patchSizeProperty() {
        return patchSize;
    }

    public IntegerProperty validateEveryProperty() {
        return validateEvery;
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastCheckpointProperty() {
        return lastCheckpoint.getReadOnlyProperty();
    }

    /** One entry per reported step, for the loss chart. */
    public ObservableList<TrainingProgress> history() {
        return history;
    }

    /** The weights file of the last completed run; the viewer switches to it, the user can save a copy. */
    public ReadOnlyObjectProperty<Path> tunedWeightsProperty() {
        return tunedWeights.getReadOnlyProperty();
    }

    /** Copies the tuned weights to a file the user picks (atomically: temp file + rename in the target folder). */
    public void saveTunedModel() {
        Path source = tunedWeights.get();
        if (source == null) {
            dialogs.showError("No tuned model yet", "Finish a fine-tuning run first.");
            return;
        }
        dialogs.saveFile("Save the tuned model", null, "tuned.hzf").ifPresent(target -> {
            try {
                Path dir = target.toAbsolutePath().getParent();
                Path tmp = java.nio.file.Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                try {
                    java.nio.file.Files.copy(source, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    java.nio.file.Files.deleteIfExists(tmp);
                }
                summary.set("Saved the tuned model to " + target + ".");
            } catch (java.io.IOException e) {
                dialogs.showError("Cannot save the tuned model", target + ": " + e.getMessage());
            }
        });
    }

    public ObservableList<ValidationFigures> validations() {
        return validations;
    }
}
