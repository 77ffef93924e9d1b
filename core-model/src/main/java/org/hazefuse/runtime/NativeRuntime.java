package org.hazefuse.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide settings of the C runtime that make PyTorch fast on the CPU without the user exporting environment
 * variables before starting Java (a packaged launcher or {@code java -jar} cannot). On Linux with glibc,
 * {@link #init()}:
 *
 * <ul>
 *   <li>sets {@code OMP_WAIT_POLICY=PASSIVE} in the C environment, unless the user set it. PyTorch's libgomp reads
 *       it once, when the native library loads, and by default lets idle worker threads spin; when other processes
 *       share the cores every parallel operator then waits for a descheduled spinner (25–30× slower on the 2-core
 *       build machine, BENCHMARKS.md "Where the time goes"). {@link System#getenv} keeps the JVM's start-up copy,
 *       so only C code (libgomp, {@link #nativeEnv}) sees the value.</li>
 *   <li>raises glibc malloc's mmap threshold to 32 MiB (the largest it accepts on 64-bit) and its trim threshold to
 *       2 GiB, unless the user set {@code MALLOC_MMAP_THRESHOLD_}/{@code MALLOC_TRIM_THRESHOLD_} or the
 *       matching {@code GLIBC_TUNABLES}. By default every large tensor is {@code mmap}ed and unmapped per
 *       operator, so the kernel serves fresh page faults for every output: 30–55 % of the CPU time. With the
 *       thresholds raised, freed tensors stay in the heap and are reused.</li>
 * </ul>
 *
 * <p>It must run before the PyTorch native library loads (the first {@code Engine.getInstance()}, engine lookup
 * or {@code NDManager}); later the wait policy no longer has an effect (logged as a warning) while the malloc
 * settings still apply. The app's launcher and the library's entry points ({@code Devices}, {@code MethodCatalog},
 * {@code Trainer}, {@code HazeSynthesizer}, {@code PatchSampler}, {@code Resize}) call it; code that creates its own
 * {@code NDManager} before touching them calls it first. Calling it again is free and changes nothing.
 *
 * <p>Elsewhere (Windows, macOS, musl) it does nothing, and it never fails: if JNA cannot reach the C library the
 * problem is logged at debug level and the process runs untuned. {@code -Dhazefuse.nativeTuning=false} turns it
 * off (used to measure its effect).
 */
public final class NativeRuntime {
    /** System property that turns the tuning off when {@code false}. */
    public static final String ENABLED_PROPERTY = "hazefuse.nativeTuning";
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String PASSIVE = "PASSIVE";
    /** {@code <malloc.h>} parameter numbers. */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    /** glibc refuses more than half its 64 MiB arena heap size on 64-bit; larger tensors are still mmapped. */
    static final int MMAP_THRESHOLD_BYTES = 32 << 20;
    /** mallopt takes an int: the largest positive value, about 2 GiB (the measured setting was 64 GiB, "never"). */
    static final int TRIM_THRESHOLD_BYTES = Integer.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static Status status;

    /** Where a setting came from. */
    public enum Source {
        /** Set by {@link #init()} in this process. */
        APPLIED,
        /** The user's environment had it; kept. */
        USER,
        /** Not set: not Linux/glibc, turned off, or the C library call failed ({@link Status#note()}). */
        NONE
    }

    /**
     * What {@link #init()} did.
     *
     * @param waitPolicy the {@code OMP_WAIT_POLICY} value in the C environment after init, or null if none
     * @param waitPolicySource who set it
     * @param mmapThreshold who set malloc's mmap threshold
     * @param trimThreshold who set malloc's trim threshold
     * @param tooLate whether libgomp was already loaded, so the wait policy came too late to matter
     * @param note why nothing was applied, or "" when it was
     */
    public record Status(String waitPolicy, Source waitPolicySource, Source mmapThreshold, Source trimThreshold,
            boolean tooLate, String note) {

        /** One line for benchmark reports and logs. */
        public String describe() {
            if (!note.isEmpty()) {
                return "not tuned (" + note + ")";
            }
            String origin = switch (waitPolicySource) {
                case APPLIED -> "set in-process";
                case USER -> "from the environment";
                case NONE -> "set in-process before init";
            };
            String omp = waitPolicy == null ? WAIT_POLICY + " unset" : WAIT_POLICY + "=" + waitPolicy + " ("
                    + origin + (tooLate ? ", too late: libgomp was already loaded" : "") + ")";
            return omp + "; malloc mmap threshold " + describe(mmapThreshold, "32 MiB", "MALLOC_MMAP_THRESHOLD_")
                    + ", trim threshold " + describe(trimThreshold, "2 GiB", "MALLOC_TRIM_THRESHOLD_");
        }

        private static String describe(Source source, String value, String variable) {
            return switch (source) {
                case APPLIED -> value + " (set in-process)";
                case USER -> "from the environment (" + variable + " or GLIBC_TUNABLES)";
                case NONE -> "glibc default (mallopt refused)";
            };
        }
    }

    private NativeRuntime() {}

    /** Applies the settings once per process (see the class comment); returns what was done. Never throws. */
    public static synchronized Status init() {
        if (status == null) {
            status = apply();
            LOG.debug("native runtime: {}", status.describe());
            if (status.tooLate()) {
                LOG.warn("{} was set after PyTorch's OpenMP library loaded, so idle threads may spin; call "
                        + "NativeRuntime.init() before the first engine call", WAIT_POLICY);
            }
        }
        return status;
    }

    /**
     * A variable of the C environment ({@code getenv(3)}), which sees {@code setenv} calls made after the JVM
     * started, unlike {@link System#getenv}. Empty when unset or when the C library cannot be reached.
     */
    public static Optional<String> nativeEnv(String name) {
        try {
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            return Optional.ofNullable(libc.getFunction("getenv").invokeString(new Object[] {name}, false));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("getenv({}) through JNA failed", name, e);
            return Optional.empty();
        }
    }

    private static Status apply() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return untuned("turned off with -D" + ENABLED_PROPERTY + "=false");
        }
        if (!Platform.isLinux()) {
            return untuned("not Linux");
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            Function glibcVersion;
            try {
                glibcVersion = libc.getFunction("gnu_get_libc_version");
            } catch (UnsatisfiedLinkError e) {
                return untuned("not glibc");
            }
            LOG.debug("glibc {}", glibcVersion.invokeString(new Object[0], false));
            boolean tooLate = openMpLoaded();

            boolean userPolicy = System.getenv(WAIT_POLICY) != null;
            int set = libc.getFunction("setenv").invokeInt(new Object[] {WAIT_POLICY, PASSIVE, 0});
            String policy = libc.getFunction("getenv").invokeString(new Object[] {WAIT_POLICY}, false);
            Source policySource = userPolicy ? Source.USER : set == 0 && PASSIVE.equals(policy) ? Source.APPLIED
                    : Source.NONE;

            Function mallopt = libc.getFunction("mallopt");
            Source mmap = userSet("MALLOC_MMAP_THRESHOLD_", "glibc.malloc.mmap_threshold") ? Source.USER
                    : mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) == 1 ? Source.APPLIED
                    : Source.NONE;
            Source trim = userSet("MALLOC_TRIM_THRESHOLD_", "glibc.malloc.trim_threshold") ? Source.USER
                    : mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES}) == 1 ? Source.APPLIED
                    : Source.NONE;
            return new Status(policy, policySource, mmap, trim, tooLate && policySource == Source.APPLIED, "");
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("native runtime tuning skipped: the C library is not reachable through JNA", e);
            return untuned("JNA failed: " + e);
        }
    }

    private static Status untuned(String why) {
        return new Status(System.getenv(WAIT_POLICY), System.getenv(WAIT_POLICY) == null ? Source.NONE : Source.USER,
                Source.NONE, Source.NONE, false, why);
    }

    /** Whether the user tuned a malloc parameter through its variable or {@code GLIBC_TUNABLES}. */
    private static boolean userSet(String variable, String tunable) {
        String tunables = System.getenv("GLIBC_TUNABLES");
        return System.getenv(variable) != null || (tunables != null && tunables.contains(tunable));
    }

    /** Whether an OpenMP runtime is already mapped into this process (then it has read its environment). */
    static boolean openMpLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).toLowerCase(Locale.ROOT).contains("libgomp");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
