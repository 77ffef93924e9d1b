package org.hazefuse.model;

import ai.djl.Device;
import java.util.Objects;
import org.hazefuse.inference.MemoryBudget;

/**
 * How to open a network as a method.
 *
 * @param device where its parameters and tensors live
 * @param maxPixels frames above this many pixels run in overlapping tiles
 * @param overlap pixels shared by neighbouring tiles, blended
 * @param memory what a run may use; frames are tiled to fit it, or refused when they cannot
 */
public record MethodOptions(Device device, long maxPixels, int overlap, MemoryBudget memory) {
    /**
     * Frames up to this many pixels run whole, larger ones in tiles of at most {@link #TILE_PIXELS}: a whole pass
     * costs more per pixel as the frame grows (lite: 4.6 µs a pixel at 640×480, 10 µs at 1280×1024), a tiled one
     * about 6 µs with the tiles' overlaps and shared statistics (BENCHMARKS.md).
     */
    public static final long DEFAULT_MAX_PIXELS = 1024L * 512;
    /** Tile size of tiled frames: the fastest measured for lite and paper (1280×1024, 100 k–1.3 M-pixel tiles). */
    public static final long TILE_PIXELS = 512L * 320;
    public static final int DEFAULT_OVERLAP = 64;
    /** The smallest tile budget: below it the overlap would be most of a tile. */
    public static final long MIN_PIXELS = 64L * 64;

    public MethodOptions {
        Objects.requireNonNull(device, "device");
        if (maxPixels < MIN_PIXELS) {
            throw new IllegalArgumentException("pixel budget too small: " + maxPixels);
        }
        Objects.requireNonNull(memory, "memory");
        if (overlap < 0) {
            throw new IllegalArgumentException("tile overlap cannot be negative: " + overlap);
        }
    }

    /** Tiles of at most {@code maxPixels}, within three quarters of the memory available now. */
    public MethodOptions(Device device, long maxPixels, int overlap) {
        this(device, maxPixels, overlap, MemoryBudget.fromSystem());
    }

    public static MethodOptions defaults(Device device) {
        return new MethodOptions(device, DEFAULT_MAX_PIXELS, DEFAULT_OVERLAP);
    }
}
