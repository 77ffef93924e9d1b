package org.hazefuse.degradation;

import java.util.Map;
import org.hazefuse.image.FloatImage;

/**
 * The pseudo-degradation {@code none} (docs/design/lure.md, "Degradations"): clean in, clean out, on either
 * modality. It exists so that "nothing to remove" is a task of its own in training and evaluation.
 */
public record Identity() implements Degradation {
    @Override
    public Task task() {
        return Task.NONE;
    }

    /** {@code image} itself (images are immutable by convention). */
    @Override
    public FloatImage apply(FloatImage image, long seed) {
        return image;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }
}
