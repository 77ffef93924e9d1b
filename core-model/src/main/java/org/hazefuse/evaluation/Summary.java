package org.hazefuse.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hazefuse.metrics.Metric;

/**
 * Per method and metric: mean, sample standard deviation (N − 1) and count over the pairs where the metric is
 * finite (NaN from undefined cases and +∞ PSNR of perfect restorations are left out and counted in
 * {@link Stats#excluded()}), plus the mean run time. Methods keep the order in which they were given.
 */
public record Summary(List<String> methods, Map<String, Map<Metric, Stats>> stats, Map<String, Double> meanSeconds) {

    /** Statistics of one metric for one method. */
    public record Stats(double mean, double std, int count, int excluded) {
    }

    public static Summary of(List<ScoreRecord> records, List<String> methods) {
        Map<String, Map<Metric, Stats>> stats = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String method : methods) {
            List<ScoreRecord> mine = records.stream().filter(r -> r.method().equals(method)).toList();
            Map<Metric, Stats> perMetric = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                List<Double> present = new ArrayList<>();
                for (ScoreRecord r : mine) {
                    if (r.values().containsKey(m)) {
                        present.add(r.values().get(m));
                    }
                }
                if (!present.isEmpty()) {
                    perMetric.put(m, stats(present));
                }
            }
            stats.put(method, perMetric);
            seconds.put(method, mine.stream().mapToDouble(r -> r.runtime().toNanos() / 1e9).average().orElse(0));
        }
        return new Summary(List.copyOf(methods), stats, seconds);
    }

    static Stats stats(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        int excluded = values.size() - n;
        if (n == 0) {
            return new Stats(Double.NaN, Double.NaN, 0, excluded);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n, excluded);
    }

    /** The metrics that at least one method has, in report order. */
    public List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (stats.values().stream().anyMatch(s -> s.containsKey(m))) {
                out.add(m);
            }
        }
        return out;
    }

    public Optional<Stats> get(String method, Metric metric) {
        return Optional.ofNullable(stats.getOrDefault(method, Map.of()).get(metric));
    }

    /** The methods with the best mean for {@code metric} (several on an exact tie), by the metric's direction. */
    public List<String> best(Metric metric) {
        double best = Double.NaN;
        for (String method : methods) {
            double v = get(method, metric).map(Stats::mean).orElse(Double.NaN);
            if (metric.better(v, best)) {
                best = v;
            }
        }
        List<String> out = new ArrayList<>();
        for (String method : methods) {
            double v = get(method, metric).map(Stats::mean).orElse(Double.NaN);
            if (!Double.isNaN(best) && v == best) {
                out.add(method);
            }
        }
        return out;
    }
}
