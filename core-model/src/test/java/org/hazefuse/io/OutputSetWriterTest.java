package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output sets: all files or none, never mixed between runs, never a partial one after a failure. */
class OutputSetWriterTest {
    private static final int ROUNDS = 150;

    @TempDir
    Path dir;

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String content(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Issue 15, item 1: two processes write the same sets, no overwriting. Each set must be one racer's, whole;
     * the other racer must report it refused (skipped) having written none of its files.
     */
    @Test
    void twoProcessesRacingOnTheSameSetsNeverMixThem() throws Exception {
        for (ExistingSets policy : List.of(ExistingSets.REFUSE, ExistingSets.SKIP_COMPLETE)) {
            Path folder = Files.createDirectories(dir.resolve(policy.name()));
            Process a = racer(folder, "A", policy);
            Process b = racer(folder, "B", policy);
            Thread.sleep(300); // both JVMs up and polling
            Files.createFile(folder.resolve("start"));
            Map<Integer, String> fromA = outcomes(a);
            Map<Integer, String> fromB = outcomes(b);
            String lost = policy == ExistingSets.REFUSE ? "REFUSED" : "SKIPPED";
            for (int r = 0; r < ROUNDS; r++) {
                List<String> both = List.of(fromA.get(r), fromB.get(r));
                assertThat(both).as("round %d under %s", r, policy).containsExactlyInAnyOrder("WRITTEN", lost);
                String winner = fromA.get(r).equals("WRITTEN") ? "A" : "B";
                for (String suffix : List.of("_dehazed", "_density", "_fused")) {
                    assertThat(content(folder.resolve(r + suffix + ".png"))).as("round %d %s", r, suffix)
                            .isEqualTo(winner);
                }
            }
            assertThat(listing(folder)).hasSize(3 * ROUNDS + 1); // no temp or lock file left
        }
    }

    private static Process racer(Path folder, String name, ExistingSets policy) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SetRacer.class.getName(),
                folder.toString(), name, Integer.toString(ROUNDS), policy.name())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Map<Integer, String> outcomes(Process racer) throws Exception {
        String out = new String(racer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(racer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(racer.exitValue()).as(out).isZero();
        Map<Integer, String> outcomes = new HashMap<>();
        out.lines().forEach(l -> outcomes.put(Integer.parseInt(l.split(" ")[0]), l.split(" ")[1]));
        return outcomes;
    }

    @Test
    void threadsRacingOnOneSetTakeTurnsAndNeverMix() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String racer : List.of("A", "B", "C", "D")) {
            threads.add(new Thread(() -> {
                try {
                    outcomes.add(new OutputSetWriter(List.of(), ExistingSets.REFUSE).write(SetRacer.set(dir, 0, racer))
                            .name());
                } catch (BadInputException e) {
                    outcomes.add("REFUSED");
                } catch (IOException e) {
                    outcomes.add(e.toString());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(outcomes).containsExactlyInAnyOrder("WRITTEN", "REFUSED", "REFUSED", "REFUSED");
        String winner = content(dir.resolve("0_dehazed.png"));
        assertThat(content(dir.resolve("0_density.png"))).isEqualTo(winner);
        assertThat(content(dir.resolve("0_fused.png"))).isEqualTo(winner);
        assertThat(listing(dir)).containsExactly("0_dehazed.png", "0_density.png", "0_fused.png");
    }

    /**
     * Issue 15, items 1 and 4: a set left incomplete (a kill during publication) with its temp and lock files is
     * refused naming the missing file, and redone, cleaning up, when complete sets are skipped. Other files stay.
     */
    @Test
    void anIncompleteSetIsRefusedNamedAndRedoneWhenSkippingComplete() throws IOException {
        Files.writeString(dir.resolve("0_dehazed.png"), "old");
        Files.writeString(dir.resolve(".0_fused.png.8123456789.tmp"), "half");
        Files.writeString(dir.resolve(".0_dehazed.png.lock"), "dead holder");
        Files.writeString(dir.resolve(".other.png.123.tmp"), "not ours");

        assertThatThrownBy(() -> new OutputSetWriter(List.of(), ExistingSets.REFUSE).write(SetRacer.set(dir, 0, "new")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("0_dehazed.png")
                .hasMessageContaining("incomplete set").hasMessageContaining("0_density.png is missing");
        assertThat(content(dir.resolve("0_dehazed.png"))).isEqualTo("old");

        OutputSetWriter skipping = new OutputSetWriter(List.of(), ExistingSets.SKIP_COMPLETE);
        assertThat(skipping.write(SetRacer.set(dir, 0, "new"))).isEqualTo(OutputSetWriter.Outcome.WRITTEN);
        assertThat(listing(dir)).containsExactly(".other.png.123.tmp", "0_dehazed.png", "0_density.png",
                "0_fused.png");
        assertThat(content(dir.resolve("0_dehazed.png"))).isEqualTo("new");
        assertThat(skipping.write(SetRacer.set(dir, 0, "newer"))).isEqualTo(OutputSetWriter.Outcome.SKIPPED);
        assertThat(content(dir.resolve("0_fused.png"))).isEqualTo("new");
    }

    @Test
    void replacingRewritesACompleteSetButNeverAnInput() throws IOException {
        new OutputSetWriter(List.of(), ExistingSets.REFUSE).write(SetRacer.set(dir, 0, "first"));
        new OutputSetWriter(List.of(), ExistingSets.REPLACE).write(SetRacer.set(dir, 0, "second"));
        assertThat(content(dir.resolve("0_density.png"))).isEqualTo("second");

        Path input = dir.resolve("0_fused.png");
        assertThatThrownBy(() -> new OutputSetWriter(List.of(input), ExistingSets.REPLACE)
                .write(SetRacer.set(dir, 0, "third"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is one of the inputs");
        assertThat(content(dir.resolve("0_dehazed.png"))).isEqualTo("second");
    }

    @Test
    void rollbackRemovesOnlyTheSetsThisWriterPublished() throws IOException {
        OutputSetWriter writer = new OutputSetWriter(List.of(), ExistingSets.REFUSE);
        writer.write(SetRacer.set(dir, 0, "mine"));
        new OutputSetWriter(List.of(), ExistingSets.REFUSE).write(SetRacer.set(dir, 1, "theirs"));
        writer.rollback();
        assertThat(listing(dir)).containsExactly("1_dehazed.png", "1_density.png", "1_fused.png");
    }

    /**
     * Issue 15, item 3: a full disk while the third file is written leaves no file of the set, and the message is
     * the system's reason on one line (here as Java's PNG encoder wraps it).
     */
    @Test
    void aWriteFailingOnTheLastFileLeavesNoFileOfTheSet() throws IOException {
        List<OutputSetWriter.Output> set = new ArrayList<>(SetRacer.set(dir, 0, "x"));
        set.set(2, new OutputSetWriter.Output(dir.resolve("0_fused.png"), out -> {
            out.write(1);
            throw new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
        }));
        assertThatThrownBy(() -> new OutputSetWriter(List.of(), ExistingSets.REFUSE).write(set))
                .isInstanceOf(OutputWriteException.class)
                .hasMessage(dir.resolve("0_fused.png") + ": cannot be written: No space left on device");
        assertThat(listing(dir)).isEmpty();
    }

    /** Issue 15, item 3, on a real 400 KB tmpfs: the system's own "No space left on device", no partial set. */
    @Test
    void aFullDiskGivesTheSystemsReasonAndNoPartialSet() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 400)) {
            assumeThat(disk).as("mounting a tmpfs needs root").isNotNull();
            Path out = disk.folder();
            OutputSetWriter writer = new OutputSetWriter(List.of(), ExistingSets.REFUSE);
            FloatImage noise = noise(160, 160); // about 77 KB as PNG: incompressible
            int complete = 0;
            try {
                for (int r = 0; r < 10; r++) {
                    writer.write(List.of(OutputSetWriter.Output.png(out.resolve(r + "_dehazed.png"), noise,
                                    PngWriter.BitDepth.EIGHT),
                            OutputSetWriter.Output.png(out.resolve(r + "_density.png"), noise, PngWriter.BitDepth.EIGHT),
                            OutputSetWriter.Output.png(out.resolve(r + "_fused.png"), noise, PngWriter.BitDepth.EIGHT)));
                    complete++;
                }
            } catch (OutputWriteException e) {
                assertThat(e.getMessage()).endsWith(": cannot be written: No space left on device").doesNotContain("\n");
            }
            assertThat(complete).isBetween(1, 9);
            assertThat(listing(out)).hasSize(3 * complete);
        }
    }

    /** Issue 15, item 3: a read-only file system refuses the set with its reason, before any file is made. */
    @Test
    void aReadOnlyFolderGivesTheSystemsReason() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 100)) {
            assumeThat(disk).as("mounting a tmpfs needs root").isNotNull();
            disk.readOnly();
            assertThatThrownBy(() -> new OutputSetWriter(List.of(), ExistingSets.REFUSE)
                    .write(SetRacer.set(disk.folder(), 0, "x"))).isInstanceOf(OutputWriteException.class)
                    .hasMessageEndingWith("cannot be written: Read-only file system");
            assertThat(listing(disk.folder())).isEmpty();
        }
    }

    private static FloatImage noise(int w, int h) {
        Random random = new Random(1);
        float[] data = new float[3 * w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return new FloatImage(w, h, 3, data);
    }
}
