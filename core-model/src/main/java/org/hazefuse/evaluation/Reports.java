package org.hazefuse.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hazefuse.metrics.Metric;

/** The evaluation's text outputs: per-image CSV, Markdown summary table and JSON summary. */
public final class Reports {
    private Reports() {
    }

    /**
     * One row per pair and method: {@code pair,method,<metric labels...>,seconds}. Every metric column is present;
     * a metric not computed for a row (PSNR/SSIM without a clear reference) is empty, an undefined one {@code NaN},
     * a perfect PSNR {@code Infinity}. Numbers use '.' and up to 6 decimals.
     */
    public static String csv(List<ScoreRecord> records) {
        StringBuilder sb = new StringBuilder("pair,method");
        for (Metric m : Metric.values()) {
            sb.append(',').append(m.label());
        }
        sb.append(",seconds\n");
        for (ScoreRecord r : records) {
            sb.append(csvField(r.pair())).append(',').append(csvField(r.method()));
            for (Metric m : Metric.values()) {
                sb.append(',');
                if (r.values().containsKey(m)) {
                    sb.append(number(r.values().get(m), 6));
                }
            }
            sb.append(',').append(number(r.runtime().toNanos() / 1e9, 3)).append('\n');
        }
        return sb.toString();
    }

    /**
     * A Markdown table: one row per method, one column per metric with its direction arrow (↑ higher is
     * better, ↓ lower), cells "mean ± std", the best mean per metric in bold, and a mean run-time column.
     * A note lists metrics with undefined values left out of the means.
     */
    public static String markdown(Summary summary, String caption) {
        List<Metric> metrics = summary.metrics();
        StringBuilder sb = new StringBuilder();
        if (caption != null && !caption.isBlank()) {
            sb.append(caption).append("\n\n");
        }
        sb.append("| method |");
        for (Metric m : metrics) {
            sb.append(' ').append(m.label()).append(' ').append(m.arrow()).append(" |");
        }
        sb.append(" time (s) |\n|---|");
        for (int i = 0; i < metrics.size(); i++) {
            sb.append("---:|");
        }
        sb.append("---:|\n");
        List<String> notes = new ArrayList<>();
        for (String method : summary.methods()) {
            sb.append("| ").append(method).append(" |");
            for (Metric m : metrics) {
                sb.append(' ');
                var stats = summary.get(method, m);
                if (stats.isEmpty()) {
                    sb.append("–");
                } else {
                    Summary.Stats s = stats.get();
                    boolean bold = summary.best(m).contains(method);
                    String cell = number(s.mean(), digits(m)) + " ± " + number(s.std(), digits(m));
                    sb.append(bold ? "**" + cell + "**" : cell);
                    if (s.excluded() > 0) {
                        notes.add(method + " " + m.label() + ": " + s.excluded() + " undefined value(s) left out");
                    }
                }
                sb.append(" |");
            }
            sb.append(' ').append(number(summary.meanSeconds().get(method), 2)).append(" |\n");
        }
        int pairs = summary.methods().isEmpty() ? 0 : summary.metrics().isEmpty() ? 0
                : summary.get(summary.methods().get(0), summary.metrics().get(0))
                        .map(s -> s.count() + s.excluded()).orElse(0);
        sb.append("\nMean ± standard deviation over ").append(pairs)
                .append(" pairs; ↑ higher is better, ↓ lower is better; best in bold. Conventions: docs/metrics.md.\n");
        for (String n : notes) {
            sb.append("\n- ").append(n);
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The summary for scripts: {@code {"<method>": {"MI": mean, ..., "NIQE": mean}, ...}} with metric labels as
     * keys, in report order; metrics without a finite mean are {@code null}.
     */
    public static String json(Summary summary) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        for (String method : summary.methods()) {
            ObjectNode node = root.putObject(method);
            for (Metric m : summary.metrics()) {
                double v = summary.get(method, m).map(Summary.Stats::mean).orElse(Double.NaN);
                if (Double.isFinite(v)) {
                    node.put(m.label(), v);
                } else {
                    node.putNull(m.label());
                }
            }
        }
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
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s;
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
