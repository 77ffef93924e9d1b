package org.hazefuse.gui.run;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.image.Image;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.haze.HazeControlsViewModel;
import org.hazefuse.gui.haze.ViewerHaze;
import org.hazefuse.gui.image.FxImages;
import org.hazefuse.gui.input.InfraredSizeDiffers;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.input.PairReader;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.Debouncer;
import org.hazefuse.gui.task.TaskExecutor;
import org.hazefuse.gui.task.TaskHandle;
import org.hazefuse.gui.viewer.PanelsViewModel;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.method.ImagePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's input: reads the selected pair (a task), applies the haze controls when switched on (same task),
 * shows the two input panels, then hands over to the {@link RunViewModel}. Haze changes re-synthesize from the
 * pair as read, without reading it again. A newer load drops the result of an older one by generation number.
 */
public final class InputViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(InputViewModel.class);

    private final Session session;
    private final PanelsViewModel panels;
    private final RunViewModel run;
    private final HazeControlsViewModel haze;
    private final TaskExecutor io;
    private final PairReader reader;
    private final ViewerHaze viewerHaze;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private TaskHandle loadHandle = TaskHandle.DONE;
    private long generation;
    private Consumer<InputPair> onUnreadable = pair -> { };

    /**
     * @param io reads and synthesizes haze, so a new selection is not queued behind a long inference run
     * @param debouncer collects quick haze-slider moves into one synthesis
     */
    public InputViewModel(Session session, PanelsViewModel panels, RunViewModel run, HazeControlsViewModel haze,
                          TaskExecutor io, PairReader reader, ViewerHaze viewerHaze, DialogService dialogs,
                          Debouncer debouncer) {
        this.session = session;
        this.panels = panels;
        this.run = run;
        this.haze = haze;
        this.io = io;
        this.reader = reader;
        this.viewerHaze = viewerHaze;
        this.dialogs = dialogs;
        haze.enabledProperty().addListener(obs -> debouncer.schedule(this::rebuild));
        for (var parameter : haze.parameters()) {
            parameter.addListener(obs -> {
                if (haze.enabledProperty().get()) {
                    debouncer.schedule(this::rebuild);
                }
            });
        }
    }

    /** Reads the pair (null clears the view); on success shows it and requests a run. */
    public void load(InputPair pair) {
        loadHandle.cancel();
        run.stop(); // the run in flight is for the previous pair
        long gen = ++generation;
        if (pair == null) {
            clear();
            return;
        }
        loading.set(true);
        session.statusProperty().set("Reading " + pair.name() + " …");
        Optional<HazeSettings> hazeNow = haze.current();
        boolean resize = session.resizedInfrared().contains(pair);
        loadHandle = io.execute(BackgroundTask.of("Reading " + pair.name(), (p, cancel) -> {
            ImagePair source = reader.read(pair, resize);
            cancel.throwIfCancelled();
            return prepare(source, hazeNow);
        }).onSuccess(prepared -> {
            if (gen == generation) {
                loading.set(false);
                show(prepared);
            }
        }).onFailure(e -> {
            if (gen == generation) {
                loading.set(false);
                if (e instanceof InfraredSizeDiffers sizes && !resize) {
                    offerResize(sizes);
                    return;
                }
                Failures.log(LOG, "Cannot read pair " + pair.name(), e);
                dialogs.showError("Cannot open the pair " + pair.name(), ErrorMessages.describe(e));
                dropUnreadable(pair, "Could not read " + pair.name() + "; removed from the list.");
            }
        }).onCancelled(() -> {
            if (gen == generation) {
                loading.set(false);
            }
        }));
    }

    /**
     * Sizes differ: the user may resize the infrared image to the visible one (core's resize, remembered for the
     * pair so export reads it the same way) or leave the pair out.
     */
    private void offerResize(InfraredSizeDiffers sizes) {
        InputPair pair = sizes.pair();
        if (dialogs.confirm("The images of " + pair.name() + " differ in size", sizes.question(),
                "Resize infrared to visible", "Cancel")) {
            session.resizedInfrared().add(pair);
            load(pair);
        } else {
            dropUnreadable(pair, pair.name() + " not opened: its images differ in size.");
        }
    }

    /**
     * A pair that cannot be shown leaves the list, so the list only holds pairs that open (and the count says
     * so); the status line says why.
     */
    private void dropUnreadable(InputPair pair, String status) {
        clear();
        session.statusProperty().set(status);
        onUnreadable.accept(pair);
    }

    /** Called with a pair that could not be read (or was declined): the pair list removes it. */
    public void setOnUnreadable(Consumer<InputPair> action) {
        this.onUnreadable = action;
    }

    /** Haze switched or changed: re-synthesize from the clear source and re-run. */
    private void rebuild() {
        ImagePair source = session.sourcePairProperty().get();
        if (source == null) {
            return;
        }
        long gen = ++generation;
        Optional<HazeSettings> hazeNow = haze.current();
        loadHandle.cancel();
        loadHandle = io.execute(BackgroundTask.of("Synthesizing haze", (p, c) -> prepare(source, hazeNow))
                .onSuccess(prepared -> {
                    if (gen == generation) {
                        show(prepared);
                    }
                })
                .onFailure(e -> dialogs.showError("Cannot synthesize haze", ErrorMessages.describe(e))));
    }

    /** A read pair, with haze applied, and its two panel images; built on a worker thread. */
    private record Prepared(ImagePair source, ImagePair input, Image visible, Image infrared) {
    }

    private Prepared prepare(ImagePair source, Optional<HazeSettings> hazeSettings) {
        ImagePair in = viewerHaze.applyIf(source, hazeSettings);
        return new Prepared(source, in, FxImages.toFx(in.visible()), FxImages.toFx(in.infrared()));
    }

    private void show(Prepared prepared) {
        ImagePair previous = session.sourcePairProperty().get();
        boolean samePair = previous != null && previous.name().equals(prepared.source().name());
        session.sourcePairProperty().set(prepared.source());
        panels.showInput(prepared.visible(), prepared.infrared());
        if (!samePair) {
            run.clearResult();
        }
        session.inputProperty().set(prepared.input());
        ImagePair in = prepared.input();
        session.statusProperty().set(in.name() + ": " + in.width() + "×" + in.height());
        run.inputChanged();
    }

    private void clear() {
        session.sourcePairProperty().set(null);
        session.inputProperty().set(null);
        run.clearResult();
        panels.clear();
    }

    /** Stops reading; called when the window closes. */
    public void cancel() {
        loadHandle.cancel();
    }

    /** True while a pair is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
