package org.hazefuse.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hazefuse.io.PairLoader;
import org.hazefuse.io.PairPaths;
import org.hazefuse.method.ImagePair;

/**
 * Decoded pairs kept in memory, least recently used evicted first once {@code maxBytes} is exceeded (the
 * training sets are a few hundred images, so usually everything fits and each file is decoded once per run).
 * A pair larger than the whole cap is loaded but not kept.
 *
 * <p>Thread-safe. Two workers asking for the same missing pair at once may both decode it; the second result
 * replaces the first. That costs a little time, never correctness, and keeps decoding outside the lock.
 */
public final class PairCache {
    /** Default cap: 2 GiB of float samples. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    private final PairLoader loader;
    private final long maxBytes;
    private final LinkedHashMap<PairPaths, ImagePair> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public PairCache(PairLoader loader, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.loader = loader;
        this.maxBytes = maxBytes;
    }

    /** The pair, from memory or read through the loader (which throws {@link org.hazefuse.io.BadInputException}). */
    public ImagePair get(PairPaths paths) {
        synchronized (this) {
            ImagePair cached = entries.get(paths);
            if (cached != null) {
                return cached;
            }
        }
        ImagePair loaded = loader.load(paths);
        long size = sizeOf(loaded);
        if (size <= maxBytes) {
            synchronized (this) {
                ImagePair previous = entries.put(paths, loaded);
                if (previous != null) {
                    bytes -= sizeOf(previous);
                }
                bytes += size;
                var it = entries.entrySet().iterator();
                while (bytes > maxBytes && it.hasNext()) {
                    Map.Entry<PairPaths, ImagePair> eldest = it.next();
                    bytes -= sizeOf(eldest.getValue());
                    it.remove();
                }
            }
        }
        return loaded;
    }

    /** Bytes of float samples held. */
    public synchronized long bytesUsed() {
        return bytes;
    }

    /** Number of pairs held. */
    public synchronized int size() {
        return entries.size();
    }

    static long sizeOf(ImagePair pair) {
        long samples = (long) pair.visible().data().length + pair.infrared().data().length
                + pair.clearVisible().map(c -> (long) c.data().length).orElse(0L);
        return 4 * samples;
    }
}
