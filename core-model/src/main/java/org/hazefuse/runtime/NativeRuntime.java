package org.hazefuse.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
 *   <li>tunes glibc's malloc ({@link MallocParameter}) so that freed tensors stay mapped and are reused, unless the
 *       user set the matching {@code MALLOC_*_} variable or {@code GLIBC_TUNABLES}. By default large tensors are
 *       {@code mmap}ed and unmapped per operator, and the 64 MiB heaps of the Java thread's malloc arena are unmapped
 *       as soon as they are empty, so the kernel serves fresh page faults for every output: 30–55 % of the CPU
 *       time.</li>
 * </ul>
 *
 * <p>It must run before the PyTorch native library loads (the first {@code Engine.getInstance()}, engine lookup
 * or {@code NDManager}); later the wait policy no longer has an effect (logged as a warning) while the malloc
 * settings still apply. The app's launcher and the library's entry points ({@code Devices}, {@code MethodCatalog},
 * {@code Trainer}, {@code HazeSynthesizer}, {@code PatchSampler}, {@code Resize}, {@code TwoStageMethod}) call it;
 * code that creates its own {@code NDManager} before touching them calls it first. Calling it again is free and
 * changes nothing.
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

    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static volatile Status status;

    /**
     * The glibc malloc parameters set through {@code mallopt(3)}, with their {@code <malloc.h>} numbers. Together
     * they keep freed memory of up to 32 MiB per block mapped for reuse; the process's resident memory then stays
     * near its peak instead of shrinking between passes.
     */
    public enum MallocParameter {
        /**
         * Blocks below it come from an arena heap instead of their own {@code mmap}: 32 MiB, the largest glibc
         * accepts on 64-bit (half its 64 MiB heap size). Larger tensors are still mapped per allocation.
         */
        MMAP_THRESHOLD(-3, 32 << 20, "32 MiB", "MALLOC_MMAP_THRESHOLD_", "glibc.malloc.mmap_threshold"),
        /**
         * Free memory at the top of a heap beyond it is given back to the kernel. mallopt takes an int: the largest
         * value, about 2 GiB, is more than a 64 MiB thread-arena heap can hold, so those are never shrunk.
         */
        TRIM_THRESHOLD(-1, Integer.MAX_VALUE, "2 GiB", "MALLOC_TRIM_THRESHOLD_", "glibc.malloc.trim_threshold"),
        /**
         * Slack kept when growing or trimming a heap. glibc unmaps an entirely free thread-arena heap whatever the
         * trim threshold, unless the previous heap lacks this much room; at 64 MiB (the heap size) heaps are
         * kept. Without it one lite benchmark run mapped and unmapped 181 heaps of 64 MiB, and the system time
         * per forward pass stayed at 1.2 s (0.6 s with it).
         */
        TOP_PAD(-2, 64 << 20, "64 MiB", "MALLOC_TOP_PAD_", "glibc.malloc.top_pad");

        final int number;
        final int bytes;
        final String shown;
        final String variable;
        final String tunable;

        MallocParameter(int number, int bytes, String shown, String variable, String tunable) {
            this.number = number;
            this.bytes = bytes;
            this.shown = shown;
            this.variable = variable;
            this.tunable = tunable;
        }

        /** Whether the user set this parameter through its variable or {@code GLIBC_TUNABLES}. */
        boolean setByUser() {
            String tunables = System.getenv("GLIBC_TUNABLES");
            return System.getenv(variable) != null || (tunables != null && tunables.contains(tunable));
        }
    }

    /** Where a setting came from. */
    public enum Source {
        /** Set by {@link #init()} in this process. */
        APPLIED,
        /** The user's environment had it; kept. */
        USER,
        /** Not set: not Linux/glibc, turned off, or the C library refused ({@link Status#note()}). */
        NONE
    }

    /**
     * What {@link #init()} did.
     *
     * @param waitPolicy the {@code OMP_WAIT_POLICY} value in the C environment after init, or null if none
     * @param waitPolicySource who set it
     * @param malloc who set each malloc parameter
     * @param tooLate whether libgomp was already loaded, so the wait policy came too late to matter
     * @param note why nothing was applied, or "" when it was
     */
    public record Status(String waitPolicy, Source waitPolicySource, Map<MallocParameter, Source> malloc,
            boolean tooLate, String note) {

        public Status {
            malloc = Collections.unmodifiableMap(new EnumMap<>(malloc));
        }

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
            String mallopt = malloc.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " " + switch (e.getValue()) {
                        case APPLIED -> e.getKey().shown;
                        case USER -> "from " + e.getKey().variable + " or GLIBC_TUNABLES";
                        case NONE -> "glibc default (mallopt refused)";
                    }).collect(Collectors.joining(", "));
            boolean allApplied = malloc.values().stream().allMatch(s -> s == Source.APPLIED);
            return omp + "; malloc " + mallopt + (allApplied ? " (set in-process)" : "");
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

    /** Runs on at least this many pixels release their memory afterwards ({@link #releaseFreeMemoryAfter}). */
    public static final long RELEASE_AFTER_PIXELS = 1_000_000;

    /**
     * Called after a method's run on {@code pixels} pixels, once its tensors are closed: above
     * {@link #RELEASE_AFTER_PIXELS}, gives the free memory of every malloc arena back to the kernel
     * ({@code malloc_trim(0)}), when {@link #init()} tuned malloc. The tuning keeps freed tensors mapped so that
     * the next pass reuses them without page faults; on large frames that retained memory is several GB and
     * adds to the next run's peak when another method follows (an LLVIP 1280×1024 pair run with {@code lite},
     * {@code dcp+gff} and {@code dcp+max} in one process: 17.8 GB peak without the release, 9.2 GB with it).
     * Below the threshold the memory is kept: there the saved page faults matter more (1.2 s against 0.6 s of
     * system time per 640×480 {@code lite} pass). Never throws.
     */
    public static void releaseFreeMemoryAfter(long pixels) {
        if (pixels < RELEASE_AFTER_PIXELS) {
            return;
        }
        Status s = status;
        if (s == null || !s.note().isEmpty() || !s.malloc().containsValue(Source.APPLIED)) {
            return;
        }
        try {
            NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("malloc_trim").invokeInt(new Object[] {0});
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("malloc_trim through JNA failed", e);
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
            Map<MallocParameter, Source> malloc = new EnumMap<>(MallocParameter.class);
            for (MallocParameter p : MallocParameter.values()) {
                malloc.put(p, p.setByUser() ? Source.USER
                        : mallopt.invokeInt(new Object[] {p.number, p.bytes}) == 1 ? Source.APPLIED : Source.NONE);
            }
            return new Status(policy, policySource, malloc, tooLate && policySource == Source.APPLIED, "");
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("native runtime tuning skipped: the C library is not reachable through JNA", e);
            return untuned("JNA failed: " + e);
        }
    }

    private static Status untuned(String why) {
        Map<MallocParameter, Source> malloc = new EnumMap<>(MallocParameter.class);
        for (MallocParameter p : MallocParameter.values()) {
            malloc.put(p, p.setByUser() ? Source.USER : Source.NONE);
        }
        String policy = System.getenv(WAIT_POLICY);
        return new Status(policy, policy == null ? Source.NONE : Source.USER, malloc, false, why);
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
