package org.hazefuse.gui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hazefuse.gui.metrics.MetricValue;

/**
 * Metrics as CSV: one row per pair, one column per metric (union over pairs, first-seen order), empty cells for
 * metrics a pair lacks. Numbers in the C locale with full precision. Written atomically.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String format(Map<String, List<MetricValue>> byPair) {
        Set<String> columns = new LinkedHashSet<>();
        byPair.values().forEach(list -> list.forEach(m -> columns.add(m.name())));
        StringBuilder sb = new StringBuilder("pair");
        columns.forEach(c -> sb.append(',').append(quote(c)));
        sb.append('\n');
        for (var e : byPair.entrySet()) {
            sb.append(quote(e.getKey()));
            for (String c : columns) {
                sb.append(',');
                e.getValue().stream().filter(m -> m.name().equals(c)).findFirst()
                        .ifPresent(m -> sb.append(String.format(Locale.ROOT, "%.6g", m.value())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void write(Path file, Map<String, List<MetricValue>> byPair) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, format(byPair), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static List<String> lines(String csv) {
        return new ArrayList<>(List.of(csv.split("\n")));
    }
}
