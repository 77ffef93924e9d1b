package org.hazefuse.gui.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.dialog.ErrorMessages;
import org.hazefuse.gui.inference.MethodHolder;
import org.hazefuse.gui.inference.MethodKind;
import org.hazefuse.gui.inference.PublishedWeights;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.task.BackgroundTask;
import org.hazefuse.gui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model chooser's list and selection. The list is ordered by {@link MethodKind}: trained networks (the
 * imported published weights first, then the catalog's, then weights files the user opens or a fine-tune
 * produces), the baselines, and last the untrained configurations. The selection starts on the first trained
 * network (never an untrained configuration while anything else is listed); whether the user chose the current
 * model is kept, so that an untrained one is restored at the next start only when it was their choice.
 */
public final class ModelChoiceViewModel {
    /** The notice across the output panels while an untrained configuration is selected. */
    public static final String UNTRAINED_NOTICE = "Untrained: random weights — results are meaningless. Import the"
            + " published IASSF weights (Model menu) or pick a trained model.";
    private static final Logger LOG = LoggerFactory.getLogger(ModelChoiceViewModel.class);

    private final Session session;
    private final MethodHolder methods;
    private final PublishedWeights published;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final BooleanBinding untrained;
    private final StringBinding outputNotice;
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private boolean chosenByUser;
    private boolean restoring;

    /**
     * Fills the session's model list (with the imported published weights when their file exists) and selects
     * the default.
     *
     * @param executor runs the import: the executor that runs the methods, so a replaced weights file is never
     *     swapped under a run
     */
    public ModelChoiceViewModel(Session session, MethodHolder methods, PublishedWeights published,
            TaskExecutor executor, DialogService dialogs) {
        this.session = session;
        this.methods = methods;
        this.published = published;
        this.executor = executor;
        this.dialogs = dialogs;
        List<String> names = new ArrayList<>(methods.names());
        names.sort(Comparator.comparing(methods::kind)); // stable: the provider's order within a kind
        session.modelNames().setAll(names);
        Path publishedFile = published.file();
        session.modelLabels().put(name(publishedFile), PublishedWeights.LABEL);
        if (Files.isRegularFile(publishedFile)) {
            session.modelNames().add(0, name(publishedFile));
        }
        defaultModel().ifPresent(session.modelProperty()::set);
        untrained = Bindings.createBooleanBinding(() -> isUntrained(session.modelProperty().get()),
                session.modelProperty());
        outputNotice = Bindings.createStringBinding(() -> untrained.get() ? UNTRAINED_NOTICE : "", untrained);
        session.modelProperty().addListener((obs, old, now) -> {
            if (!restoring) {
                chosenByUser = true;
            }
        });
    }

    /** The first trained network, else the provider's preference unless untrained, else any model not untrained. */
    private Optional<String> defaultModel() {
        List<String> names = session.modelNames();
        return names.stream().filter(n -> kind(n) == MethodKind.TRAINED_NETWORK).findFirst()
                .or(() -> methods.preferred().filter(n -> names.contains(n) && !isUntrained(n)))
                .or(() -> names.stream().filter(n -> !isUntrained(n)).findFirst())
                .or(() -> names.stream().findFirst());
    }

    private MethodKind kind(String name) {
        return methods.kind(name);
    }

    /** Whether {@code name} is a network configuration without weights (seeded random weights). */
    public boolean isUntrained(String name) {
        return name != null && kind(name) == MethodKind.UNTRAINED_NETWORK;
    }

    /** Whether the selected model is an untrained configuration: the panels say so. */
    public BooleanBinding untrainedProperty() {
        return untrained;
    }

    /** What the output panels (dehazed, density, fused, before/after) say across them; empty for nothing. */
    public StringBinding outputNoticeProperty() {
        return outputNotice;
    }

    /** Whether the published weights are being imported. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** Whether the user chose the selected model (in the chooser, a menu, {@code --model}), not the default. */
    public boolean chosenByUser() {
        return chosenByUser;
    }

    /**
     * Selects a remembered model at start. An untrained configuration is restored only when the user had chosen
     * it ({@code chosen}); otherwise the default stays, so a first start, or settings from before this rule, never
     * open on random weights. A weights file is listed again if it still exists.
     *
     * @return whether {@code model} is now selected
     */
    public boolean restore(String model, boolean chosen) {
        if (model == null || model.isBlank() || (isUntrained(model) && !chosen)) {
            return false;
        }
        if (!session.modelNames().contains(model)) {
            if (!model.endsWith(".hzf") || !Files.isRegularFile(Path.of(model))) {
                return false;
            }
            insertWeightsFile(model);
        }
        restoring = true;
        try {
            session.modelProperty().set(model);
        } finally {
            restoring = false;
        }
        chosenByUser = chosen;
        return true;
    }

    /** Model → Open weights file: adds a {@code .hzf} file to the model list and selects it. */
    public void openWeightsFile() {
        dialogs.openFile("Open a weights file", null, "HazeFuse weights (*.hzf)", "*.hzf").ifPresent(this::useWeightsFile);
    }

    /** Adds a weights file (by absolute path, which the method catalog opens) to the model list and selects it. */
    public void useWeightsFile(Path file) {
        String name = name(file);
        insertWeightsFile(name);
        session.modelProperty().set(name);
    }

    /** Weights files are trained networks: listed after the last trained one, before the baselines. */
    private void insertWeightsFile(String name) {
        if (session.modelNames().contains(name)) {
            return;
        }
        List<String> names = session.modelNames();
        int at = 0;
        while (at < names.size() && kind(names.get(at)) == MethodKind.TRAINED_NETWORK) {
            at++;
        }
        names.add(at, name);
    }

    /**
     * Model → Import published IASSF weights: the authors' checkpoint ({@code IASSF.pth} or {@code IASSF_part_aa})
     * imported in the background into the user's HazeFuse folder (asking before replacing an earlier import), then
     * listed first as "IASSF (published weights)" and selected. A failure is one line in the error dialog and
     * changes nothing.
     */
    public void importPublishedWeights() {
        if (importing.get()) {
            return;
        }
        Optional<Path> chosen = dialogs.openFile("Import the published IASSF weights", null,
                "IASSF checkpoint (IASSF.pth or IASSF_part_aa)", "*.pth", "*_part_aa");
        if (chosen.isEmpty()) {
            return;
        }
        Path from = chosen.get();
        Path target = published.file();
        boolean overwrite = Files.exists(target);
        if (overwrite && !dialogs.confirm("Replace the published weights?",
                "Published IASSF weights were imported before (" + target + "). Replace them with the weights of "
                        + from.getFileName() + "?", "Replace", "Keep the imported weights")) {
            return;
        }
        importing.set(true);
        String before = session.statusProperty().get();
        session.statusProperty().set("Importing the published IASSF weights from " + from.getFileName() + " …");
        executor.execute(BackgroundTask.of("Importing the published IASSF weights", (progress, cancel) -> {
            progress.update(-1, "Importing " + from.getFileName());
            published.importFrom(from, overwrite);
            // On the methods' thread: a run after this opens the new file, not the replaced one.
            methods.forget(name(target));
            return target;
        }).onSuccess(file -> {
            importing.set(false);
            String name = name(file);
            if (!session.modelNames().contains(name)) {
                session.modelNames().add(0, name);
            }
            session.modelProperty().set(name);
            session.statusProperty().set("Imported the published IASSF weights from " + from.getFileName() + ": "
                    + PublishedWeights.LABEL + " is selected.");
        }).onFailure(e -> {
            importing.set(false);
            Failures.log(LOG, "Importing " + from, e);
            session.statusProperty().set(before);
            dialogs.showError("Could not import the weights", oneLine(ErrorMessages.describe(e)));
        }).onCancelled(() -> {
            importing.set(false);
            session.statusProperty().set(before);
        }));
    }

    /** The name a weights file has in the list: its absolute path, which the method catalog opens. */
    private static String name(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
