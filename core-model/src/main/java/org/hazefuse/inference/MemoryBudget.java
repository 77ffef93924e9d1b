package org.hazefuse.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a run may use: what a user gives ({@code --max-memory 6G}) or, by default, three quarters of the memory
 * the system has available when the budget is made (docs/design/tiling.md). Frames are tiled to fit it, and a
 * frame that cannot fit is refused before its pixels are decoded.
 */
public record MemoryBudget(long bytes, boolean chosenByUser) {
    private static final double DEFAULT_SHARE = 0.75;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:i?B)?",
            Pattern.CASE_INSENSITIVE);

    public MemoryBudget {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive, got " + bytes);
        }
    }

    /** Three quarters of the memory available now. */
    public static MemoryBudget fromSystem() {
        return new MemoryBudget((long) (availableBytes() * DEFAULT_SHARE), false);
    }

    /**
     * A size such as {@code 6G}, {@code 6GB}, {@code 512M}, {@code 1.5G} (binary units: K = 1024 bytes).
     *
     * @throws IllegalArgumentException with a message naming the text, for anything else
     */
    public static MemoryBudget parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size (use e.g. 6G, 512M)");
        }
        int power = "KMGT".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes < 1 || bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is not a usable memory size");
        }
        return new MemoryBudget((long) bytes, true);
    }

    /**
     * Memory the system can give without swapping: Linux's MemAvailable; elsewhere the JVM's heap limit, a
     * cautious stand-in (the installed runtime leaves out jdk.management, which knows the physical memory).
     */
    public static long availableBytes() {
        return memAvailable().orElse(Runtime.getRuntime().maxMemory());
    }

    private static OptionalLong memAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unusual /proc: fall back to the JVM's figure.
        }
        return OptionalLong.empty();
    }

    /** Bytes as a short text, e.g. {@code 3.2 GB}. */
    public static String describe(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }

    @Override
    public String toString() {
        return describe(bytes);
    }
}
