package org.hazefuse.training;

/**
 * Cosine annealing of the learning rate from {@code max} at step 0 to {@code min} at {@code totalSteps}
 * (docs/design/iassf.md, "Loss and training": 2e-4 to 2e-6). A pure function of the step, so a resumed run follows the same
 * schedule.
 */
public record CosineSchedule(float max, float min, long totalSteps) {
    public CosineSchedule {
        if (!(max > 0) || min < 0 || min > max || totalSteps <= 0) {
            throw new IllegalArgumentException("invalid schedule " + max + " → " + min + " over " + totalSteps);
        }
    }

    public float at(long step) {
        double progress = Math.min(1.0, (double) step / totalSteps);
        return (float) (min + (max - min) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
