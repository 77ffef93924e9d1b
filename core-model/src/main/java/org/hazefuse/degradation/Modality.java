package org.hazefuse.degradation;

import java.util.Locale;
import org.hazefuse.image.FloatImage;

/**
 * The two image kinds a degradation applies to (docs/design/lure.md, "Degradations": the table's modality
 * column). Visible images are RGB, infrared images one channel, as everywhere in the project.
 */
public enum Modality {
    VISIBLE("visible", 3),
    INFRARED("infrared", 1);

    private final String id;
    private final int channels;

    Modality(String id, int channels) {
        this.id = id;
        this.channels = channels;
    }

    /** The lower-case name used on the command line and in messages. */
    public String id() {
        return id;
    }

    /** Channels of an image of this modality: 3 (RGB) or 1. */
    public int channels() {
        return channels;
    }

    /** The modality of an image, from its channel count. */
    public static Modality of(FloatImage image) {
        return image.channels() == 3 ? VISIBLE : INFRARED;
    }

    /** {@code visible} or {@code infrared} (case-insensitive). */
    public static Modality parse(String text) {
        for (Modality m : values()) {
            if (m.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + text + "'; known: visible, infrared");
    }

    /** "a visible image (3 channels)": for messages. */
    String describe() {
        return "a" + (this == INFRARED ? "n " : " ") + id + " image (" + channels + (channels == 1 ? " channel)" : " channels)");
    }
}
