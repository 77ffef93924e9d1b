package org.hazefuse.gui.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A pair of image files as listed in the side panel, before reading.
 *
 * @param name the label shown in the list and used for output file names
 * @param visible the visible (RGB) image file
 * @param infrared the infrared image file
 */
public record InputPair(String name, Path visible, Path infrared) {
    public InputPair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visible, "visible");
        Objects.requireNonNull(infrared, "infrared");
        if (visible.equals(infrared)) {
            throw new IllegalArgumentException("visible and infrared are the same file: " + visible);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
