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
    /** Default budget: a 1280×1024 frame runs whole (about 3 GB of activations for {@code paper}). */
    public static final long DEFAULT_MAX_PIXELS = 1280L * 1024;
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
