package org.hazefuse.gui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.hazefuse.gui.controls.DensityControlsViewModel;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.prefs.Setting;
import org.hazefuse.gui.viewer.PanelLayout;
import org.hazefuse.method.DensitySettings;

/**
 * Restores the persisted settings into the view models and the window at start, and saves them at exit: window
 * bounds, sliders, model, auto-run and layout. (Folders and recent items are saved as they change.)
 */
public final class SessionSettings {
    private final AppSettings settings;

    public SessionSettings(AppSettings settings) {
        this.settings = settings;
    }

    /** The density settings last used, or the defaults if the stored ones are invalid. */
    public DensitySettings density() {
        try {
            return new DensitySettings(settings.getDouble(Setting.OMEGA), settings.getInt(Setting.DARK_WINDOW),
                    settings.getInt(Setting.GUIDED_RADIUS), Math.pow(10, settings.getDouble(Setting.LOG_GUIDED_EPS)),
                    settings.getDouble(Setting.INFRARED_ASSIST));
        } catch (IllegalArgumentException e) {
            return DensitySettings.DEFAULT;
        }
    }

    public void restore(ViewModels vm) {
        // The last model, unless it is an untrained configuration the user did not choose (see
        // ModelChoiceViewModel.restore); a weights file that is gone leaves the default.
        vm.models().restore(settings.getString(Setting.MODEL), settings.getBoolean(Setting.MODEL_CHOSEN));
        vm.session().autoRunProperty().set(settings.getBoolean(Setting.AUTO_RUN));
        try {
            vm.viewer().layoutProperty().set(PanelLayout.valueOf(settings.getString(Setting.LAYOUT)));
        } catch (IllegalArgumentException e) {
            vm.viewer().layoutProperty().set(PanelLayout.GRID);
        }
    }

    /** Size and place the window: the saved bounds if they are on a screen, else a default that fits 1600×900. */
    public void restore(Stage stage) {
        double w = settings.getDouble(Setting.WINDOW_WIDTH);
        double h = settings.getDouble(Setting.WINDOW_HEIGHT);
        double x = settings.getDouble(Setting.WINDOW_X);
        double y = settings.getDouble(Setting.WINDOW_Y);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        w = Math.min(Math.max(w, 960), screen.getWidth());
        h = Math.min(Math.max(h, 600), screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, Math.min(w, 100), Math.min(h, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.getBoolean(Setting.WINDOW_MAXIMIZED));
    }

    public void save(ViewModels vm, Stage stage) {
        DensityControlsViewModel d = vm.density();
        DensitySettings s = d.settings();
        settings.put(Setting.OMEGA, s.omega());
        settings.put(Setting.DARK_WINDOW, s.darkWindow());
        settings.put(Setting.GUIDED_RADIUS, s.guidedRadius());
        settings.put(Setting.LOG_GUIDED_EPS, Math.log10(s.guidedEps()));
        settings.put(Setting.INFRARED_ASSIST, s.infraredAssist());
        settings.put(Setting.MODEL, vm.session().modelProperty().get() == null ? "" : vm.session().modelProperty().get());
        settings.put(Setting.MODEL_CHOSEN, vm.models().chosenByUser());
        settings.put(Setting.AUTO_RUN, vm.session().autoRunProperty().get());
        settings.put(Setting.LAYOUT, vm.viewer().layoutProperty().get().name());
        if (stage != null) {
            settings.put(Setting.WINDOW_MAXIMIZED, stage.isMaximized());
            if (!stage.isMaximized()) {
                settings.put(Setting.WINDOW_X, stage.getX());
                settings.put(Setting.WINDOW_Y, stage.getY());
                settings.put(Setting.WINDOW_WIDTH, stage.getWidth());
                settings.put(Setting.WINDOW_HEIGHT, stage.getHeight());
            }
        }
        settings.flush();
    }
}
