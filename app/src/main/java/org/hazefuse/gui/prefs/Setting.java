package org.hazefuse.gui.prefs;

import org.hazefuse.method.DensitySettings;

/**
 * Every persisted setting with its key and default, in one place; read and written through
 * {@link AppSettings}.
 */
public enum Setting {
    WINDOW_X(Double.NaN),
    WINDOW_Y(Double.NaN),
    WINDOW_WIDTH(1440.0),
    WINDOW_HEIGHT(860.0),
    WINDOW_MAXIMIZED(false),
    LAST_INPUT_FOLDER(""),
    LAST_EXPORT_FOLDER(""),
    LAST_DATASET_FOLDER(""),
    /** Recent pairs and folders, newest first, one per line; a pair is "visible\tinfrared". */
    RECENT_ITEMS(""),
    MODEL(""),
    /**
     * Whether the user chose {@link #MODEL} (rather than it being the default): an untrained configuration is
     * restored only then. Absent (settings written before it) counts as not chosen.
     */
    MODEL_CHOSEN(false),
    AUTO_RUN(true),
    LAYOUT("GRID"),
    OMEGA(DensitySettings.DEFAULT.omega()),
    DARK_WINDOW(DensitySettings.DEFAULT.darkWindow()),
    GUIDED_RADIUS(DensitySettings.DEFAULT.guidedRadius()),
    LOG_GUIDED_EPS(Math.log10(DensitySettings.DEFAULT.guidedEps())),
    INFRARED_ASSIST(DensitySettings.DEFAULT.infraredAssist()),
    EXPORT_16_BIT(false);

    private final Object defaultValue;

    Setting(Object defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** The preference key: the constant's name in lower case with dots, e.g. {@code window.width}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    Object defaultValue() {
        return defaultValue;
    }
}
