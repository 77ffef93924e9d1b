package org.hazefuse.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hazefuse.runtime.NativeRuntime.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in its own JVM (core-model/pom.xml, execution "native-runtime-test") without {@code OMP_WAIT_POLICY} and
 * the malloc variables in the environment, and with nothing else loading PyTorch first: the process a user gets
 * from a launcher. Linux with glibc only, as the tuning.
 */
@EnabledOnOs(OS.LINUX)
class NativeRuntimeTest {
    private static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    /** Set by the test's own surefire execution. */
    private static final String FRESH_JVM = "hazefuse.test.freshJvm";
    private static NativeRuntime.Status status;

    @BeforeAll
    static void init() {
        // -Dtest=... also selects it in the other executions, whose JVMs cannot show anything, and may put other
        // test classes into its own JVM before it.
        assumeTrue(Boolean.getBoolean(FRESH_JVM), "runs only in its own JVM (execution native-runtime-test)");
        assumeFalse(NativeRuntime.openMpLoaded(), "an earlier test class loaded PyTorch: run this class alone");
        assertThat(System.getenv(NativeRuntime.WAIT_POLICY)).as("the test JVM must start without it").isNull();
        status = NativeRuntime.init();
    }

    @Test
    void setsThePassiveWaitPolicyWhereOnlyCCodeSeesIt() {
        assertThat(status.note()).isEmpty();
        assertThat(status.waitPolicySource()).isEqualTo(Source.APPLIED);
        assertThat(status.tooLate()).isFalse();
        assertThat(NativeRuntime.nativeEnv(NativeRuntime.WAIT_POLICY)).contains("PASSIVE");
        // The JVM's copy of the environment is fixed at start-up: only native code can see the change.
        assertThat(System.getenv(NativeRuntime.WAIT_POLICY)).isNull();
    }

    @Test
    void raisesMallocThresholdsSoMidSizedBlocksComeFromTheHeap() {
        assertThat(status.malloc()).containsOnlyKeys(NativeRuntime.MallocParameter.values());
        assertThat(status.malloc().values()).containsOnly(Source.APPLIED);
        // 16 MiB (more than a 640x480 activation of lite's 12 channels, 14.7 MB) comes from the heap, not from a
        // fresh mmap ...
        assertThat(mmappedBlocksWhileHolding(16 << 20)).isZero();
        // ... while 256 MiB, above the threshold and more than any free heap space the other tests leave, still is:
        // the count does see mmaps.
        assertThat(mmappedBlocksWhileHolding(256 << 20)).isEqualTo(1);
    }

    @Test
    void freedHeapMemoryStaysMappedForReuse() {
        long before = MallInfo2.now().arena;
        long[] blocks = new long[6];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Native.malloc(20 << 20);
            assertThat(blocks[i]).isNotZero();
        }
        long grown = MallInfo2.now().arena - before;
        for (long block : blocks) {
            Native.free(block);
        }
        long kept = MallInfo2.now().arena - before;
        // 120 MiB came from arena heaps (below the mmap threshold); glibc's defaults give it back on free, which
        // makes the next pass fault every page in again.
        assertThat(grown).isGreaterThanOrEqualTo(120L << 20);
        assertThat(kept).isGreaterThanOrEqualTo(120L << 20);
    }

    @Test
    void largeRunsGiveTheirFreedMemoryBack() throws IOException {
        long[] blocks = new long[10];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Native.malloc(20 << 20);
            new com.sun.jna.Pointer(blocks[i]).setMemory(0, 20 << 20, (byte) 1); // resident, not just reserved
        }
        for (long block : blocks) {
            Native.free(block);
        }
        long kept = residentBytes();
        NativeRuntime.releaseFreeMemoryAfter(NativeRuntime.RELEASE_AFTER_PIXELS - 1);
        long afterSmallRun = residentBytes();
        NativeRuntime.releaseFreeMemoryAfter(NativeRuntime.RELEASE_AFTER_PIXELS);
        long afterLargeRun = residentBytes();
        assertThat(kept - afterSmallRun).as("a small run keeps the memory for reuse").isLessThan(40L << 20);
        // 200 MiB freed; an arena keeps up to the 64 MiB top pad even when trimmed.
        assertThat(kept - afterLargeRun).as("a large run releases it").isGreaterThanOrEqualTo(100L << 20);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void secondCallChangesNothing() {
        assertThat(NativeRuntime.init()).isSameAs(status);
        assertThat(NativeRuntime.nativeEnv(NativeRuntime.WAIT_POLICY)).contains("PASSIVE");
    }

    /**
     * The proof that matters: PyTorch's libgomp, loaded after init, runs with a spin count of 0 (passive). Its
     * default is 300000 spins ({@code OMP_WAIT_POLICY} unset). libgomp prints its settings to stderr when it
     * loads if {@code OMP_DISPLAY_ENV=VERBOSE}, which is set the same way; stderr goes to a file meanwhile.
     */
    @Test
    void pyTorchsOpenMpRuntimeReadsTheWaitPolicyWhenItLoads(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("openmp.txt");
        Files.createFile(log);
        assertThat(call("setenv", "OMP_DISPLAY_ENV", "VERBOSE", 0)).isZero();
        int file = call("open", log.toString(), 1 /* O_WRONLY */);
        int savedStderr = call("dup", 2);
        assertThat(file).isPositive();
        assertThat(savedStderr).isPositive();
        try {
            assertThat(call("dup2", file, 2)).isEqualTo(2);
            Engine.getEngine("PyTorch");
        } finally {
            call("dup2", savedStderr, 2);
            call("close", savedStderr);
            call("close", file);
        }
        assertThat(NativeRuntime.openMpLoaded()).isTrue();
        String display = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(display).contains("OPENMP DISPLAY ENVIRONMENT").contains("GOMP_SPINCOUNT = '0'");
    }

    private static int call(String function, Object... args) {
        return LIBC.getFunction(function).invokeInt(args);
    }

    /** How many more blocks glibc has mmapped while one block of {@code bytes} is allocated. */
    private static long mmappedBlocksWhileHolding(long bytes) {
        long before = MallInfo2.now().hblks;
        long block = Native.malloc(bytes);
        assertThat(block).isNotZero();
        try {
            return MallInfo2.now().hblks - before;
        } finally {
            Native.free(block);
        }
    }

    /**
     * glibc's {@code struct mallinfo2} (all {@code size_t}): arena is the memory the arenas hold from the kernel,
     * hblks the number of blocks mapped on their own.
     */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static final class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        static MallInfo2 now() {
            Function mallinfo2 = LIBC.getFunction("mallinfo2");
            return (MallInfo2) mallinfo2.invoke(MallInfo2.class, new Object[0]);
        }
    }
}
