package org.hazefuse.data;

import java.nio.charset.StandardCharsets;

/** Seed derivation: independent, well-mixed 64-bit seeds from a run seed and an index or a name. */
final class Seeds {
    private Seeds() {
    }

    /** SplitMix64's finalizer over a combination of the two values; different inputs give unrelated outputs. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for a name (FNV-1a over its UTF-8 bytes, mixed with the run seed): stable across runs and JVMs. */
    static long forName(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(seed, h);
    }
}
