package org.hazefuse.degradation;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of a degradation run (docs/design/lure.md, "Degradations": seeded and reproducible). One seed per image
 * from the run seed and the image's name, then one per task of that image, split into a seed for drawing the
 * parameters and one for the random realization (noise samples, streak positions).
 *
 * <p>Why per name and per task: adding an image to a folder changes no other image, and adding a task to a
 * combination changes neither the parameters nor the noise of the others. Why parameters and realization apart:
 * the same image at light, medium and heavy gets the same noise pattern, only scaled, so severities compare
 * like for like. The derivation is that of {@code data.Seeds} (FNV-1a over the name, SplitMix64's finalizer),
 * which is package-private there.
 */
public final class DegradationSeeds {
    private DegradationSeeds() {
    }

    /** The seed of image {@code name} in a run seeded with {@code seed}; stable across runs and JVMs. */
    public static long forImage(long seed, String name) {
        return mix(seed, fnv1a(name));
    }

    /** The seed for drawing the parameters of {@code task} on an image. */
    public static long parameters(long imageSeed, Task task) {
        return mix(forTask(imageSeed, task), 0);
    }

    /** The seed of the random realization of {@code task} on an image. */
    public static long realization(long imageSeed, Task task) {
        return mix(forTask(imageSeed, task), 1);
    }

    private static long forTask(long imageSeed, Task task) {
        return mix(imageSeed, fnv1a(task.id()));
    }

    /** SplitMix64's finalizer over a combination of the two values; different inputs give unrelated outputs. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
