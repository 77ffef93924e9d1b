package org.hazefuse.gui.metrics;

import java.util.List;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * Computes the quality figures of one result: no-reference metrics always, full-reference ones when the pair
 * has a clear visible image. Production adapts {@code org.hazefuse.metrics} (helper metrics-eval).
 */
@FunctionalInterface
public interface MetricsService {
    MetricsService NONE = (pair, result) -> List.of();

    /** Called on a worker thread. */
    List<MetricValue> compute(ImagePair pair, FusionResult result);
}
