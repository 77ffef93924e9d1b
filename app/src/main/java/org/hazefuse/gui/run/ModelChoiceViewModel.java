package org.hazefuse.gui.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hazefuse.gui.dialog.DialogService;
import org.hazefuse.gui.session.Session;

/** The model chooser's list: the catalog's models, then weights files the user opens or a fine-tune produces. */
public final class ModelChoiceViewModel {
    private final Session session;
    private final DialogService dialogs;

    /** Fills the session's model list and selects {@code preferred}. */
    public ModelChoiceViewModel(Session session, List<String> names, Optional<String> preferred, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        session.modelNames().setAll(names);
        preferred.ifPresent(session.modelProperty()::set);
    }

    /** Model → Open weights file: adds a {@code .hzf} file to the model list and selects it. */
    public void openWeightsFile() {
        dialogs.openFile("Open a weights file", null, "HazeFuse weights (*.hzf)", "*.hzf").ifPresent(this::useWeightsFile);
    }

    /** Adds a weights file (by absolute path, which the method catalog opens) to the model list and selects it. */
    public void useWeightsFile(Path file) {
        String name = file.toAbsolutePath().normalize().toString();
        if (!session.modelNames().contains(name)) {
            session.modelNames().add(name);
        }
        session.modelProperty().set(name);
    }
}
