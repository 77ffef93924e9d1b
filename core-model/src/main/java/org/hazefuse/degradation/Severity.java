package org.hazefuse.degradation;

import java.util.Locale;

/**
 * The fixed strengths of every task for evaluation tables (docs/design/lure.md, "Degradations"), so that "medium
 * noise" means the same thing in every report. The values per task are in {@link DegradationPresets} and
 * docs/degradations.md.
 */
public enum Severity {
    LIGHT,
    MEDIUM,
    HEAVY;

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code light}, {@code medium} or {@code heavy} (case-insensitive). */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; known: light, medium, heavy");
    }
}
