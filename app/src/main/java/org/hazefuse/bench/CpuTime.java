package org.hazefuse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * User and system CPU seconds of this process, from Linux's {@code /proc/self/stat} (in clock ticks of 1/100 s,
 * the value of {@code USER_HZ} on Linux). A high system share means the kernel is busy, e.g. with page faults
 * from fresh memory allocations. Elsewhere both are NaN.
 */
public record CpuTime(double user, double system) {
    private static final double TICKS_PER_SECOND = 100;

    public static CpuTime now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new CpuTime(Long.parseLong(f[11]) / TICKS_PER_SECOND, Long.parseLong(f[12]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return new CpuTime(Double.NaN, Double.NaN);
        }
    }

    public CpuTime minus(CpuTime earlier) {
        return new CpuTime(user - earlier.user, system - earlier.system);
    }

    /** "12.3 s user + 4.5 s system". */
    public String describe() {
        return Double.isNaN(user) ? "n/a"
                : String.format(Locale.ROOT, "%.1f s user + %.1f s system", user, system);
    }
}
