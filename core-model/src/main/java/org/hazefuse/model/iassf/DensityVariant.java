package org.hazefuse.model.iassf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whose haze density a network computes (docs/design/iassf.md, "Forward pass", step 4, and its section "The
 * released code's density"); a field of {@link IassfConfig}, so the manifest of a weights file records it.
 *
 * <p>{@link #SPEC} is this project's reading of the paper (division by the airlight, no 8-bit step, clamped D) and
 * the default for everything trained here. {@link #RELEASED} is what the authors' released code computes, which
 * their trained weights need. The released code departs from this project's choices in two more places that the
 * same weights depend on, and they come with it (docs/decisions/0004-released-code-variant.md): zero padding of
 * the 3×3 convolutions of the prompt modules, and corner-aligned bilinear resizing in the fusion network.
 */
public enum DensityVariant {
    SPEC("spec"),
    RELEASED("released");

    private final String id;

    DensityVariant(String id) {
        this.id = id;
    }

    /** The name in manifests and on the command line. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The variant named {@code id} (case-insensitive); null stays null so the config can default it. */
    @JsonCreator
    public static DensityVariant of(String id) {
        if (id == null) {
            return null;
        }
        return Arrays.stream(values()).filter(v -> v.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown density variant '" + id
                        + "': use spec or released"));
    }

    @Override
    public String toString() {
        return id;
    }
}
