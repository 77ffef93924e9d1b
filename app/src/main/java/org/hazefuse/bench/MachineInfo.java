package org.hazefuse.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hazefuse.runtime.Engines;
import org.hazefuse.runtime.NativeRuntime;

/**
 * The machine a benchmark ran on, as far as it matters for speed: CPU model, cores, AVX-512, OS, Java and engine
 * versions, memory, and the load average (the machine may be shared). CPU details come from Linux's
 * {@code /proc/cpuinfo}; elsewhere they are "n/a".
 */
public record MachineInfo(String cpuModel, int cores, String avx512, String os, String java, String djl,
        String pytorch, String memory, String loadAverage, String openMp) {

    /** Reads the current machine; starts the engine if it is not running yet. */
    public static MachineInfo current() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        String model = field(cpuinfo, "model name");
        String flags = field(cpuinfo, "flags");
        String avx512 = flags == null ? "n/a" : (" " + flags + " ").contains(" avx512f ") ? "yes" : "no";
        String memTotal = field(lines(Path.of("/proc/meminfo")), "MemTotal");
        String memory = "n/a";
        if (memTotal != null) {
            memory = String.format(Locale.ROOT, "%.1f GB",
                    Long.parseLong(memTotal.replace("kB", "").trim()) * 1024 / 1e9);
        }
        Engine engine = Engines.engine();
        return new MachineInfo(model == null ? "n/a" : model, Runtime.getRuntime().availableProcessors(), avx512,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                Engine.getDjlVersion(), engine.getEngineName() + " " + engine.getVersion(), memory, currentLoad(),
                openMpEnvironment());
    }

    /**
     * The native settings that change speed most on a busy machine: PyTorch's libgomp lets idle worker threads spin
     * (active waiting) unless {@code OMP_WAIT_POLICY=PASSIVE}, which costs dearly when the cores are shared, and
     * glibc's malloc parameters decide how much system time page faults cost. {@link NativeRuntime} sets them in
     * the process, so they are read from the C environment, which {@link System#getenv} does not see.
     */
    public static String openMpEnvironment() {
        StringBuilder s = new StringBuilder(NativeRuntime.init().describe());
        for (String name : new String[] {"GOMP_SPINCOUNT", "OMP_NUM_THREADS"}) {
            NativeRuntime.nativeEnv(name).ifPresent(value -> s.append("; ").append(name).append('=').append(value));
        }
        return s.toString();
    }

    /** The 1-, 5- and 15-minute load averages ({@code uptime}), or "n/a". */
    public static String currentLoad() {
        List<String> load = lines(Path.of("/proc/loadavg"));
        if (load.isEmpty()) {
            return "n/a";
        }
        String[] parts = load.get(0).trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + ", " + parts[1] + ", " + parts[2] : "n/a";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
