package org.hazefuse.gui.metrics;

import java.util.Objects;

/**
 * One figure in the metrics panel.
 *
 * @param name short metric name, e.g. {@code EN}, {@code PSNR}
 * @param value the value
 * @param withReference true for full-reference metrics (need the clear visible image)
 * @param higherIsBetter direction, shown as an arrow
 */
public record MetricValue(String name, double value, boolean withReference, boolean higherIsBetter) {
    public MetricValue {
        Objects.requireNonNull(name, "name");
    }
}
