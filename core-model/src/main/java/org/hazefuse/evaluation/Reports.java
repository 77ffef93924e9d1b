package org.hazefuse.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hazefuse.metrics.Metric;

/**
 * The evaluation's text outputs: per-image CSV, Markdown summary table and JSON summary.
 *
 * <p>One run may cover several conditions (haze levels, e.g. light, medium and heavy on the same pairs): results
 * come as an ordered map condition → records (or summaries). The CSV always has a {@code haze} column; the
 * Markdown table gets a haze column, with the best value bold within each condition, only when there is more than
 * one condition; the JSON is nested by condition only then.
 */
public final class Reports {
    private Reports() {
    }

    /** A single condition. */
    public static String csv(String condition, List<ScoreRecord> records) {
        return csv(Map.of(condition, records));
    }

    /**
     * One row per condition, pair and method: {@code haze,pair,method,<metric labels...>,seconds}. Every metric
     * column is present; a metric not computed for a row (PSNR/SSIM without a clear reference) is empty, an
     * undefined one {@code NaN}, a perfect PSNR {@code Infinity}. Numbers use '.' and 6 decimals.
     */
    public static String csv(Map<String, List<ScoreRecord>> byCondition) {
        StringBuilder sb = new StringBuilder("haze,pair,method");
        for (Metric m : Metric.values()) {
            sb.append(',').append(m.label());
        }
        sb.append(",seconds\n");
        byCondition.forEach((condition, records) -> {
            for (ScoreRecord r : records) {
                sb.append(csvField(condition)).append(',').append(csvField(r.pair())).append(',')
                        .append(csvField(r.method()));
                for (Metric m : Metric.values()) {
                    sb.append(',');
                    if (r.values().containsKey(m)) {
                        sb.append(number(r.values().get(m), 6));
                    }
                }
                sb.append(',').append(number(r.runtime().toNanos() / 1e9, 3)).append('\n');
            }
        });
        return sb.toString();
    }

    /** A single condition. */
    public static String markdown(Summary summary, String caption) {
        return markdown(Map.of("", summary), caption);
    }

    /**
     * A Markdown table: one row per method (per condition, with a haze column, when there are several), one
     * column per metric with its direction arrow (↑ higher is better, ↓ lower), cells "mean ± std", the best
     * mean per metric (within a condition) in bold, and a mean run-time column. A note lists metrics with
     * undefined values left out of the means.
     */
    public static String markdown(Map<String, Summary> byCondition, String caption) {
        boolean several = byCondition.size() > 1;
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (byCondition.values().stream().anyMatch(s -> s.metrics().contains(m))) {
                metrics.add(m);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (caption != null && !caption.isBlank()) {
            sb.append(caption).append("\n\n");
        }
        sb.append(several ? "| haze | method |" : "| method |");
        for (Metric m : metrics) {
            sb.append(' ').append(m.label()).append(' ').append(m.arrow()).append(" |");
        }
        sb.append(several ? " time (s) |\n|---|---|" : " time (s) |\n|---|");
        sb.append("---:|".repeat(metrics.size())).append("---:|\n");
        List<String> notes = new ArrayList<>();
        int pairs = 0;
        for (Map.Entry<String, Summary> e : byCondition.entrySet()) {
            Summary summary = e.getValue();
            for (String method : summary.methods()) {
                sb.append(several ? "| " + e.getKey() + " | " : "| ").append(method).append(" |");
                for (Metric m : metrics) {
                    sb.append(' ');
                    var stats = summary.get(method, m);
                    if (stats.isEmpty()) {
                        sb.append("–");
                    } else {
                        Summary.Stats s = stats.get();
                        pairs = Math.max(pairs, s.count() + s.excluded());
                        String cell = number(s.mean(), digits(m)) + " ± " + number(s.std(), digits(m));
                        sb.append(summary.best(m).contains(method) ? "**" + cell + "**" : cell);
                        if (s.excluded() > 0) {
                            notes.add((several ? e.getKey() + " " : "") + method + " " + m.label() + ": "
                                    + s.excluded() + " undefined value(s) left out");
                        }
                    }
                    sb.append(" |");
                }
                sb.append(' ').append(number(summary.meanSeconds().get(method), 2)).append(" |\n");
            }
        }
        sb.append("\nMean ± standard deviation over ").append(pairs).append(" pairs")
                .append(several ? " per haze level" : "")
                .append("; ↑ higher is better, ↓ lower is better; best in bold")
                .append(several ? " within each haze level" : "").append(". Conventions: docs/metrics.md.\n");
        for (String n : notes) {
            sb.append("\n- ").append(n);
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A single condition: {@code {"<method>": {"MI": mean, ..., "NIQE": mean}, ...}}. */
    public static String json(Summary summary) {
        return json(Map.of("", summary));
    }

    /**
     * The summary for scripts: {@code {"<method>": {"MI": mean, ..., "NIQE": mean}, ...}} with metric labels as
     * keys in report order, metrics without a finite mean as {@code null}; with several conditions, one such
     * object per condition: {@code {"light": {...}, "heavy": {...}}}.
     */
    public static String json(Map<String, Summary> byCondition) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        boolean several = byCondition.size() > 1;
        byCondition.forEach((condition, summary) -> {
            ObjectNode target = several ? root.putObject(condition) : root;
            for (String method : summary.methods()) {
                ObjectNode node = target.putObject(method);
                for (Metric m : summary.metrics()) {
                    double v = summary.get(method, m).map(Summary.Stats::mean).orElse(Double.NaN);
                    if (Double.isFinite(v)) {
                        node.put(m.label(), v);
                    } else {
                        node.putNull(m.label());
                    }
                }
            }
        });
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int digits(Metric m) {
        return switch (m) {
            case QCV -> 1;
            case SF, SD, AG, PSNR, NIQE -> 2;
            case SSIM, QABF -> 4;
            default -> 3;
        };
    }

    private static String number(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
