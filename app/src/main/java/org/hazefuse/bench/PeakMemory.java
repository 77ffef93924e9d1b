package org.hazefuse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak resident set size of this process (Java heap, native tensors and libraries together), from Linux's
 * {@code /proc/self/status} ({@code VmHWM}). Elsewhere there is no portable source: {@link #peakBytes()} is empty.
 */
public final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /** The peak RSS so far, or empty where the system does not report it. */
    public static OptionalLong peakBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Resets the peak to the current RSS (Linux ≥ 4.0: writing 5 to {@code clear_refs}), so the next reading is the
     * peak of what runs in between. Returns false where that is not possible; the peak then covers the whole process.
     */
    public static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** "1.23 GB" or "n/a". */
    public static String format(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(java.util.Locale.ROOT, "%.2f GB", bytes.getAsLong() / 1e9) : "n/a";
    }
}
