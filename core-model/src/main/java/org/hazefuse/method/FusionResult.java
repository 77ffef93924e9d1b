package org.hazefuse.method;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.hazefuse.image.FloatImage;

/**
 * What every method returns for one pair, all at the input's size.
 *
 * @param dehazed RGB, the visible image with the haze removed
 * @param density 1 channel in [0, 1], the haze density map (1 - transmission)
 * @param fused RGB, the infrared-visible fusion
 * @param timings named stages (e.g. "density", "network", "total"), in insertion order
 */
public record FusionResult(FloatImage dehazed, FloatImage density, FloatImage fused, Map<String, Duration> timings) {
    public FusionResult {
        Objects.requireNonNull(dehazed, "dehazed");
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(fused, "fused");
        timings = Map.copyOf(timings);
        if (density.channels() != 1) {
            throw new IllegalArgumentException("density must have 1 channel");
        }
        if (!dehazed.sameSize(density) || !dehazed.sameSize(fused)) {
            throw new IllegalArgumentException("outputs differ in size");
        }
    }

    public Duration total() {
        return timings.getOrDefault("total", Duration.ZERO);
    }
}
