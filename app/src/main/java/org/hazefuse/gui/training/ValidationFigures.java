package org.hazefuse.gui.training;

import java.util.Map;

/**
 * Validation figures after a step, e.g. PSNR and SSIM of the dehazed image against the clear reference.
 *
 * @param step the step after which they were measured
 * @param figures name to value, insertion order kept
 */
public record ValidationFigures(int step, Map<String, Double> figures) {
    public ValidationFigures {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }
}
