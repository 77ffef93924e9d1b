package org.hazefuse.evaluation;

import java.util.Locale;
import java.util.Optional;
import org.hazefuse.haze.HazePreset;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.haze.HazeSettings;

/**
 * How clear visible images are hazed for evaluation: not at all, one of the fixed {@link HazePreset}s (the same
 * haze for every image, independent of the seed), or a random haze per image from {@link HazeSampler}'s default
 * ranges, drawn from the seed and the pair's name (so an image gets the same haze whatever the order, the list or
 * the number of threads).
 */
public enum HazeChoice {
    NONE, LIGHT, MEDIUM, HEAVY, RANDOM;

    /** The haze for pair {@code stem}, empty for {@link #NONE}. */
    public Optional<HazeSettings> settingsFor(String stem, long seed) {
        return switch (this) {
            case NONE -> Optional.empty();
            case LIGHT -> Optional.of(HazePreset.LIGHT.settings());
            case MEDIUM -> Optional.of(HazePreset.MEDIUM.settings());
            case HEAVY -> Optional.of(HazePreset.HEAVY.settings());
            case RANDOM -> Optional.of(new HazeSampler().sample(mix(seed, stem)));
        };
    }

    /** A per-image seed: SplitMix-style mixing of the run seed and the name's (specified, stable) hash. */
    static long mix(long seed, String stem) {
        long z = seed * 0x9E3779B97F4A7C15L + stem.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Parses {@code light}, {@code Medium}, ... */
    public static HazeChoice parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown haze '" + s + "': use none, light, medium, heavy or random");
        }
    }
}
