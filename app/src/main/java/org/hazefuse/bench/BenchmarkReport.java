package org.hazefuse.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Markdown section that {@code hazefuse bench} writes into a file such as {@code BENCHMARKS.md}. The section
 * sits between two marker comments named by the measured configurations ({@code lite,paper}); a later run of the
 * same configurations replaces only that section, so other runs' sections and hand-written notes (profiles,
 * explanations) are kept.
 */
public final class BenchmarkReport {
    private static final String BEGIN = "<!-- hazefuse bench %s: begin (generated; text outside these markers is kept) -->";
    private static final String END = "<!-- hazefuse bench %s: end -->";

    /** Seconds per pair on a 2-core AVX-512 machine, 2 threads (issue 2). */
    private static final Map<String, Double> TARGETS = Map.of("paper", 3.7, "lite", 0.5);

    private BenchmarkReport() {}

    static String begin(String key) {
        return String.format(BEGIN, key);
    }

    static String end(String key) {
        return String.format(END, key);
    }

    /** The key of a run's section: its configuration names. */
    public static String key(List<ConfigBenchmark.Result> results) {
        return String.join(",", results.stream().map(r -> r.model()).toList());
    }

    /**
     * {@code existing} (may be empty) with the section of {@code key} replaced, or {@code section} appended when
     * there is none.
     */
    public static String merge(String existing, String key, String section) {
        int begin = existing.indexOf(begin(key));
        int end = existing.indexOf(end(key));
        if (begin >= 0 && end > begin) {
            return existing.substring(0, begin) + section + existing.substring(end + end(key).length());
        }
        if (existing.isBlank()) {
            return "# Benchmarks\n\n" + section + "\n";
        }
        return existing + (existing.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }

    /** The generated section, markers included. */
    public static String section(MachineInfo before, String loadAfter, int threads, ConfigBenchmark.Settings s,
            List<ConfigBenchmark.Result> results, ZonedDateTime when) {
        StringBuilder md = new StringBuilder();
        String key = key(results);
        md.append(begin(key)).append('\n');
        md.append("## ").append(key).append(", measured ").append(when.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n\n");
        md.append("Machine: ").append(before.cpuModel()).append(", ").append(before.cores()).append(" cores, AVX-512 ")
                .append(before.avx512()).append(", ").append(before.memory()).append(" RAM; ").append(before.os())
                .append("; Java ").append(before.java()).append("; DJL ").append(before.djl()).append(", ")
                .append(before.pytorch()).append(" (CPU).\n\n");
        md.append("Engine threads: ").append(threads).append("; native runtime: ").append(before.openMp())
                .append(". Load average (1, 5, 15 min) before: ")
                .append(before.loadAverage()).append("; after: ").append(loadAfter)
                .append(" (a shared machine: other work slows the figures down).\n\n");
        md.append(String.format(Locale.ROOT, "Forward: `FusionMethod.run` on one %dx%d pair (conversions included), "
                + "median of %d runs after %d warm-up. Training: one step of the project's Trainer with batch %d "
                + "(forward, the spec's loss, backward, AdamW update; no data loading), median of %d after %d warm-up, as samples/s. Seeded random weights and inputs. "
                + "Peak memory: peak resident set size (VmHWM) during the configuration's runs.%n%n",
                s.width(), s.height(), s.runs(), Math.max(1, s.warmup()), s.trainingBatch(), s.runs(), s.warmup()));
        md.append("| config | parameters | MACs per pair | forward per pair | CPU time per pair (user + system) "
                + "| target (2-core AVX-512) |");
        for (int size : s.trainingSizes()) {
            md.append(" training ").append(size).append("² |");
        }
        md.append(" peak memory |\n|---|---:|---:|---:|---:|---|");
        md.append("---:|".repeat(s.trainingSizes().size())).append("---:|\n");
        for (ConfigBenchmark.Result r : results) {
            String name = r.model();
            Double target = TARGETS.get(name);
            CpuTime cpu = r.forwardCpu();
            int n = r.forward().count();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f G | %.3f s (%.3f–%.3f) | %s | %s |", name,
                    r.parameters(), r.macs() / 1e9, r.forward().median(), r.forward().min(), r.forward().max(),
                    Double.isNaN(cpu.user()) ? "n/a" : String.format(Locale.ROOT, "%.2f s (%.2f + %.2f)",
                            (cpu.user() + cpu.system()) / n, cpu.user() / n, cpu.system() / n),
                    target == null ? "–" : String.format(Locale.ROOT, "≤ %.1f s: %s", target,
                            r.forward().median() <= target ? "met" : "missed")));
            for (int size : s.trainingSizes()) {
                Timings t = r.trainingSteps().get(size);
                md.append(String.format(Locale.ROOT, " %.2f samples/s (%.2f s/step) |", s.trainingBatch() / t.median(),
                        t.median()));
            }
            md.append(' ').append(PeakMemory.format(r.peakRss())).append(r.peakIsPerConfig() ? "" : " (process)")
                    .append(" |\n");
        }
        if (results.stream().anyMatch(r -> r.bySize().size() > 1)) {
            appendSizes(md, results);
        }
        md.append("\nProcess CPU time over the timed forward runs (all threads; a large system share is the kernel ")
                .append("serving page faults of fresh allocations):\n\n");
        for (ConfigBenchmark.Result r : results) {
            md.append("- ").append(r.model()).append(": ").append(r.forwardCpu().describe())
                    .append(String.format(Locale.ROOT, " for %d runs of %.3f s median%n", r.forward().count(),
                            r.forward().median()));
        }
        md.append("\nTime per network stage (one forward pass of the bare network, median of ")
                .append(Math.min(3, s.runs())).append(" runs):\n\n");
        Set<String> stages = new LinkedHashSet<>();
        results.forEach(r -> stages.addAll(r.stages().keySet()));
        md.append("| config |");
        stages.forEach(st -> md.append(' ').append(st).append(" |"));
        md.append(" total |\n|---|").append("---:|".repeat(stages.size() + 1)).append('\n');
        for (ConfigBenchmark.Result r : results) {
            double total = r.stages().values().stream().mapToDouble(Double::doubleValue).sum();
            md.append("| ").append(r.model()).append(" |");
            for (String st : stages) {
                double sec = r.stages().getOrDefault(st, 0.0);
                md.append(String.format(Locale.ROOT, " %.3f s (%.0f %%) |", sec, total > 0 ? 100 * sec / total : 0));
            }
            md.append(String.format(Locale.ROOT, " %.3f s |%n", total));
        }
        md.append(end(key));
        return md.toString();
    }

    /** Forward time and peak memory by frame size: whether time grows with the pixels and memory stays bounded. */
    private static void appendSizes(StringBuilder md, List<ConfigBenchmark.Result> results) {
        md.append("\nForward by frame size (tiles and memory budget as `fuse` chooses them; peak memory: VmHWM of ")
                .append("the size's runs):\n\n")
                .append("| config | frame | megapixels | forward per pair | time ÷ first size | pixels ÷ first size "
                        + "| peak memory |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (ConfigBenchmark.Result r : results) {
            ConfigBenchmark.SizeResult first = r.bySize().get(0);
            for (ConfigBenchmark.SizeResult size : r.bySize()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.3f s (%.3f–%.3f) | %.2f× | %.2f× | %s |%n",
                        r.model(), size.size(), size.size().pixels() / 1e6, size.forward().median(),
                        size.forward().min(), size.forward().max(), size.forward().median() / first.forward().median(),
                        size.size().pixels() / (double) first.size().pixels(), PeakMemory.format(size.peakRss())));
            }
        }
    }
}
