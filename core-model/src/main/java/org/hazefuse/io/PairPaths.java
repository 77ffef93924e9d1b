package org.hazefuse.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one registered pair, before reading.
 *
 * @param stem the shared file name without extension; names outputs ({@code <stem>_fused.png})
 * @param visible the visible (possibly hazy) image
 * @param infrared the infrared image
 * @param clear the clear visible reference (ground truth), when there is one (triplet folders)
 */
public record PairPaths(String stem, Path visible, Path infrared, Optional<Path> clear) {
    public PairPaths {
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(visible, "visible");
        Objects.requireNonNull(infrared, "infrared");
        Objects.requireNonNull(clear, "clear");
    }

    public PairPaths(String stem, Path visible, Path infrared) {
        this(stem, visible, infrared, Optional.empty());
    }
}
