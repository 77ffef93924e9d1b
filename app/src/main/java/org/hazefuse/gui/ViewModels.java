package org.hazefuse.gui;

import org.hazefuse.gui.controls.DensityControlsViewModel;
import org.hazefuse.gui.export.ExportServices;
import org.hazefuse.gui.export.ExportViewModel;
import org.hazefuse.gui.export.FigureExportViewModel;
import org.hazefuse.gui.haze.HazeControlsViewModel;
import org.hazefuse.gui.inference.MethodHolder;
import org.hazefuse.gui.input.PairListViewModel;
import org.hazefuse.gui.run.InputViewModel;
import org.hazefuse.gui.run.ModelChoiceViewModel;
import org.hazefuse.gui.run.RunViewModel;
import org.hazefuse.gui.session.Session;
import org.hazefuse.gui.viewer.PanelsViewModel;
import org.hazefuse.gui.viewer.ProfileViewModel;
import org.hazefuse.gui.viewer.ViewerViewModel;
import org.hazefuse.method.DensitySettings;

/**
 * The main window's view models, wired once from the {@link GuiServices}: each gets the services it needs and
 * shares the one {@link Session}. Flow: selecting a pair in the list makes {@link InputViewModel} read it (and
 * haze it), which hands over to {@link RunViewModel}; both write the session, the panes bind to it.
 */
public final class ViewModels {
    private final Session session = new Session();
    private final PairListViewModel pairList;
    private final DensityControlsViewModel density;
    private final HazeControlsViewModel haze = new HazeControlsViewModel();
    private final ViewerViewModel viewer = new ViewerViewModel();
    private final PanelsViewModel panels = new PanelsViewModel(session, viewer);
    private final ProfileViewModel profile = new ProfileViewModel(viewer, panels, session);
    private final ModelChoiceViewModel models;
    private final RunViewModel run;
    private final InputViewModel input;
    private final ExportViewModel export;
    private final FigureExportViewModel figure;

    public ViewModels(GuiServices services, DensitySettings initialDensity) {
        MethodHolder methods = new MethodHolder(services.methods());
        pairList = new PairListViewModel(services.ioExecutor(), services.dialogs(), services.settings());
        density = new DensityControlsViewModel(initialDensity);
        models = new ModelChoiceViewModel(session, methods, services.published(), services.executor(),
                services.dialogs());
        run = new RunViewModel(session, panels, density.settingsProperty(), viewer.regionProperty(), methods,
                services.executor(),
                services.ioExecutor(), services.metrics(), services.dialogs(), services.debouncer(),
                services.uiThread());
        panels.outputNoticeProperty().bind(PanelsViewModel.notices(models.outputNoticeProperty(),
                run.previewNoticeProperty()));
        input = new InputViewModel(session, panels, run, haze, services.ioExecutor(), services.reader(),
                services.haze(), services.dialogs(), services.debouncer());
        ExportServices exportServices = new ExportServices(services.executor(), services.dialogs(),
                services.settings(), services.reader(), services.haze(), services.writer(), services.metrics());
        export = new ExportViewModel(session, pairList, haze, density.settingsProperty(), methods, exportServices);
        figure = new FigureExportViewModel(session, panels, pairList, exportServices);
        pairList.selectedProperty().addListener((obs, old, now) -> input.load(now));
        input.setOnUnreadable(pairList::remove);
    }

    /** Stops reading and running and frees the open method; called when the window closes. */
    public void dispose() {
        input.cancel();
        run.dispose();
    }

    public Session session() {
        return session;
    }

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

    public PanelsViewModel panels() {
        return panels;
    }

    public ProfileViewModel profile() {
        return profile;
    }

    public ModelChoiceViewModel models() {
        return models;
    }

    public RunViewModel run() {
        return run;
    }

    public InputViewModel input() {
        return input;
    }

    public ExportViewModel export() {
        return export;
    }

    public FigureExportViewModel figure() {
        return figure;
    }
}
