package org.hazefuse.gui.input;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.hazefuse.io.PairPaths;

/**
 * A pair of image files as listed in the side panel, before reading.
 *
 * @param name the label shown in the list and used for output file names
 * @param visible the visible (RGB, possibly hazy) image file
 * @param infrared the infrared image file
 * @param clear the clear visible reference, when the folder has one (triplet folders: hazy/ + ir/ + gt/)
 */
public record InputPair(String name, Path visible, Path infrared, Optional<Path> clear) {
    public InputPair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visible, "visible");
        Objects.requireNonNull(infrared, "infrared");
        Objects.requireNonNull(clear, "clear");
        if (visible.equals(infrared)) {
            throw new IllegalArgumentException("visible and infrared are the same file: " + visible);
        }
    }

    public InputPair(String name, Path visible, Path infrared) {
        this(name, visible, infrared, Optional.empty());
    }

    /** The list entry of a pair core found. */
    public static InputPair of(PairPaths paths) {
        return new InputPair(paths.stem(), paths.visible(), paths.infrared(), paths.clear());
    }

    /** The files as core reads and trains on them. */
    public PairPaths paths() {
        return new PairPaths(name, visible, infrared, clear);
    }

    @Override
    public String toString() {
        return name;
    }
}
