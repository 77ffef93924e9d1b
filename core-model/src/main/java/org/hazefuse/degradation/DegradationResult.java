package org.hazefuse.degradation;

import java.util.List;
import org.hazefuse.image.FloatImage;

/**
 * A degraded image and what was done to it (docs/design/lure.md, "Degradations").
 *
 * @param degraded the degraded image, same size and channels as the clean one
 * @param applied the degradations with their parameters, in the order applied
 */
public record DegradationResult(FloatImage degraded, List<Degradation> applied) {
    public DegradationResult {
        applied = List.copyOf(applied);
    }

    /** The applied tasks' ids joined with '+', e.g. {@code low-light+noise}. */
    public String label() {
        return String.join("+", applied.stream().map(d -> d.task().id()).toList());
    }
}
