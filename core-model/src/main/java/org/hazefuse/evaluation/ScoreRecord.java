package org.hazefuse.evaluation;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.hazefuse.metrics.Metric;

/** The metrics of one candidate on one pair, in {@link Metric} order, and its run time. */
public record ScoreRecord(String pair, String method, Map<Metric, Double> values, Duration runtime) {
    public ScoreRecord {
        EnumMap<Metric, Double> ordered = new EnumMap<>(Metric.class);
        ordered.putAll(values);
        values = Collections.unmodifiableMap(ordered);
    }

    /** The value, or NaN when the metric was not computed for this record. */
    public double value(Metric m) {
        return values.getOrDefault(m, Double.NaN);
    }
}
