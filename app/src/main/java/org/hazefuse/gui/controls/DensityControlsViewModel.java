package org.hazefuse.gui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.hazefuse.method.DensitySettings;

/**
 * The density-estimate sliders as properties, kept valid for {@link DensitySettings}: the dark-channel window
 * is forced odd, ε is edited on a log10 scale (1e-6 … 1e-1) because its useful values span decades.
 */
public final class DensityControlsViewModel {
    public static final double OMEGA_MIN = 0.5;
    public static final double OMEGA_MAX = 1.0;
    public static final int WINDOW_MIN = 1;
    public static final int WINDOW_MAX = 41;
    public static final int RADIUS_MIN = 1;
    public static final int RADIUS_MAX = 80;
    public static final double LOG_EPS_MIN = -6;
    public static final double LOG_EPS_MAX = -1;
    public static final double ASSIST_MIN = 0;
    public static final double ASSIST_MAX = 2;

    private final DoubleProperty omega = new SimpleDoubleProperty();
    private final IntegerProperty darkWindow = new SimpleIntegerProperty();
    private final IntegerProperty guidedRadius = new SimpleIntegerProperty();
    private final DoubleProperty logEps = new SimpleDoubleProperty();
    private final DoubleProperty infraredAssist = new SimpleDoubleProperty();
    private final ObjectBinding<DensitySettings> settings;

    public DensityControlsViewModel(DensitySettings initial) {
        set(initial);
        darkWindow.addListener((obs, old, now) -> {
            int v = Math.max(WINDOW_MIN, Math.min(WINDOW_MAX, now.intValue()));
            if (v % 2 == 0) {
                v = v + 1 > WINDOW_MAX ? v - 1 : v + 1;
            }
            if (v != now.intValue()) {
                darkWindow.set(v);
            }
        });
        settings = Bindings.createObjectBinding(this::current, omega, darkWindow, guidedRadius, logEps, infraredAssist);
    }

    /** Sets all sliders at once (reset, restoring preferences). */
    public void set(DensitySettings s) {
        omega.set(s.omega());
        darkWindow.set(s.darkWindow());
        guidedRadius.set(s.guidedRadius());
        logEps.set(Math.log10(s.guidedEps()));
        infraredAssist.set(s.infraredAssist());
    }

    public void reset() {
        set(DensitySettings.DEFAULT);
    }

    private DensitySettings current() {
        int window = darkWindow.get() % 2 == 0 ? darkWindow.get() + 1 : darkWindow.get();
        return new DensitySettings(
                clamp(omega.get(), OMEGA_MIN, OMEGA_MAX),
                Math.max(WINDOW_MIN, Math.min(WINDOW_MAX, window)),
                Math.max(RADIUS_MIN, Math.min(RADIUS_MAX, guidedRadius.get())),
                Math.pow(10, clamp(logEps.get(), LOG_EPS_MIN, LOG_EPS_MAX)),
                clamp(infraredAssist.get(), ASSIST_MIN, ASSIST_MAX));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The settings the sliders describe; invalidated whenever a slider moves. */
    public ObjectBinding<DensitySettings> settingsProperty() {
        return settings;
    }

    public DensitySettings settings() {
        return settings.get();
    }

    public DoubleProperty omegaProperty() {
        return omega;
    }

    public IntegerProperty darkWindowProperty() {
        return darkWindow;
    }

    public IntegerProperty guidedRadiusProperty() {
        return guidedRadius;
    }

    /** log10 of the guided filter ε. */
    public DoubleProperty logEpsProperty() {
        return logEps;
    }

    public DoubleProperty infraredAssistProperty() {
        return infraredAssist;
    }
}
