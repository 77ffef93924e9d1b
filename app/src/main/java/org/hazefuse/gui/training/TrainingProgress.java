package org.hazefuse.gui.training;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One training step's report.
 *
 * @param step steps done, 1-based
 * @param totalSteps steps planned
 * @param loss total loss of the step
 * @param lossParts named loss terms (insertion order kept), e.g. "pixel", "ssim", "gradient"
 * @param samplesPerSecond throughput over recent steps
 * @param eta estimated time to the end
 */
public record TrainingProgress(int step, int totalSteps, double loss, Map<String, Double> lossParts,
                               double samplesPerSecond, Duration eta) {
    public TrainingProgress {
        lossParts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lossParts));
        Objects.requireNonNull(eta, "eta");
        if (step < 1 || step > totalSteps) {
            throw new IllegalArgumentException("step " + step + " outside 1.." + totalSteps);
        }
    }
}
