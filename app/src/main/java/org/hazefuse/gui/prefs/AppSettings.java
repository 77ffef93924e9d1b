package org.hazefuse.gui.prefs;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to the persisted {@link Setting}s over {@link java.util.prefs.Preferences}. A missing or
 * unreadable value yields the setting's default, so a damaged preference store never stops the application.
 */
public final class AppSettings {
    private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);
    private final Preferences node;

    public AppSettings(Preferences node) {
        this.node = node;
    }

    /** The user's settings of the application. */
    public static AppSettings user() {
        return new AppSettings(Preferences.userRoot().node("org/hazefuse/gui"));
    }

    public double getDouble(Setting s) {
        return node.getDouble(s.key(), ((Number) s.defaultValue()).doubleValue());
    }

    public int getInt(Setting s) {
        return (int) Math.round(getDouble(s));
    }

    public boolean getBoolean(Setting s) {
        return node.getBoolean(s.key(), (Boolean) s.defaultValue());
    }

    public String getString(Setting s) {
        return node.get(s.key(), (String) s.defaultValue());
    }

    public void put(Setting s, double value) {
        requireType(s, Number.class);
        node.putDouble(s.key(), value);
    }

    public void put(Setting s, boolean value) {
        requireType(s, Boolean.class);
        node.putBoolean(s.key(), value);
    }

    public void put(Setting s, String value) {
        requireType(s, String.class);
        node.put(s.key(), value == null ? "" : value);
    }

    /** Writes to the backing store; failures are logged, not fatal. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save the settings: {}", e.getMessage());
        }
    }

    private static void requireType(Setting s, Class<?> type) {
        if (!type.isInstance(s.defaultValue())) {
            throw new IllegalArgumentException(s + " holds a " + s.defaultValue().getClass().getSimpleName());
        }
    }
}
