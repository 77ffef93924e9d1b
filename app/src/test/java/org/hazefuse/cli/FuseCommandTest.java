package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hazefuse.runtime.Engines;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.WeightsFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hazefuse fuse} in-process, with the {@code tiny} configuration on 48×48 real pairs. */
class FuseCommandTest {
    private static final String A = "00001D";
    private static final String B = "00003N";

    @TempDir
    Path tmp;
    Path vis;
    Path ir;
    Path out;

    @BeforeEach
    void pairs() {
        vis = tmp.resolve("data/vis");
        ir = tmp.resolve("data/ir");
        for (String s : List.of(A, B)) {
            Cli.copyResource("vis", s + ".png", vis.resolve(s + ".png"));
            Cli.copyResource("ir", s + ".png", ir.resolve(s + ".png"));
        }
        out = tmp.resolve("out");
    }

    private Cli.Result fuse(Object... extra) {
        Object[] base = {"fuse", "--model", "tiny", "--device", "cpu", "--out", out};
        Object[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void twoFilesGiveExactlyTheThreeOutputsAtTheInputSize() throws IOException {
        Cli.Result r = fuse("--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png");
        for (String name : Cli.listing(out)) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertThat(image.getWidth()).as(name).isEqualTo(48);
            assertThat(image.getHeight()).as(name).isEqualTo(48);
        }
        assertThat(ImageIO.read(out.resolve(A + "_density.png").toFile()).getRaster().getNumBands()).isEqualTo(1);
        assertThat(r.out()).contains(A).contains("network").doesNotContain("pairs/s");
    }

    @Test
    void folderWithVisAndIrSubfoldersFusesEveryPair() {
        Cli.Result r = fuse("--vis", tmp.resolve("data"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png",
                B + "_dehazed.png", B + "_density.png", B + "_fused.png");
        assertThat(r.out()).contains("[1/2] " + A).contains("[2/2] " + B);
        String last = r.out().strip().lines().reduce((first, second) -> second).orElseThrow();
        String time = "\\d+(\\.\\d s| ms)";
        assertThat(last).matches("2 pairs in " + time + ": \\d+\\.\\d\\d pairs/s \\(" + time + " per pair\\)");
    }

    @Test
    void twoFoldersArePairedByStem() {
        Cli.Result r = fuse("--vis", vis, "--ir", ir);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).hasSize(6);
    }

    @Test
    void missingInfraredFileIsBadInputNamingItAndWritesNothing() {
        Path missing = ir.resolve("nope.png");
        Cli.Result r = fuse("--vis", vis.resolve(A + ".png"), "--ir", missing);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString()).contains("not found").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void corruptPngAmongGoodPairsWritesNothingAtAll() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "already here");
        Path corrupt = vis.resolve(B + ".png");
        byte[] bytes = Files.readAllBytes(corrupt);
        Files.write(corrupt, Arrays.copyOf(bytes, bytes.length / 2)); // truncated PNG

        Cli.Result r = fuse("--vis", vis, "--ir", ir);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(corrupt.toString()).doesNotContain("\tat ");
        assertThat(Cli.listing(out)).containsExactly("keep.txt"); // not even the good pair A
    }

    @Test
    void mismatchedSizesAreBadInputUnlessInfraredIsResized() throws IOException {
        Path small = tmp.resolve("small_ir.png");
        ImageIO.write(new BufferedImage(40, 32, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());

        Cli.Result refused = fuse("--vis", vis.resolve(A + ".png"), "--ir", small);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(small.toString()).contains("40x32").contains("48x48");
        assertThat(out).doesNotExist();

        Cli.Result resized = fuse("--vis", vis.resolve(A + ".png"), "--ir", small, "--resize-ir");
        assertThat(resized.exitCode()).as(resized.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).hasSize(3);
    }

    @Test
    void unknownModelIsBadInputAndWritesNothing() {
        Cli.Result r = Cli.run("fuse", "--model", "no-such-model", "--device", "cpu", "--out", out,
                "--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no-such-model");
        assertThat(Cli.listing(out)).isEmpty();
    }

    @Test
    void corruptedWeightsFileIsBadInputNamingItAndWritesNothing() throws IOException {
        Path weights = tinyWeights(tmp.resolve("tiny.hzf"));
        Cli.Result good = Cli.run("fuse", "--model", weights, "--device", "cpu", "--out", out,
                "--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));
        assertThat(good.exitCode()).as(good.toString()).isEqualTo(ExitCodes.OK);

        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5A; // one flipped byte inside the parameters
        Files.write(weights, bytes);
        Path out2 = tmp.resolve("out2");
        Cli.Result r = Cli.run("fuse", "--model", weights, "--device", "cpu", "--out", out2,
                "--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(weights.toString()).doesNotContain("\tat ");
        assertThat(out2).doesNotExist();
    }

    /** Issue 15, item 5: weights whose manifest was edited are refused in one line before the output folder exists. */
    @Test
    void editedWeightsAreRefusedBeforeTheOutputFolderIsCreated() throws IOException {
        Path weights = tinyWeights(tmp.resolve("tiny.hzf"));
        Path edited = tmp.resolve("edited.hzf");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(weights));
                var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(edited))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"window\" : 8", "\"window\" : 4").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        Cli.Result r = Cli.run("fuse", "--model", edited, "--device", "cpu", "--out", out,
                "--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("hazefuse fuse: " + edited).contains("changed after it was written")
                .doesNotContain("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void existingOutputsAreRefusedWithoutOverwrite() throws IOException {
        Object[] pair = {"--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png")};
        assertThat(fuse(pair).exitCode()).isEqualTo(ExitCodes.OK);
        Path fused = out.resolve(A + "_fused.png");
        Files.write(fused, new byte[] {1, 2, 3});

        Cli.Result refused = fuse(pair);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(out.resolve(A + "_dehazed.png").toString()).contains("already exists");
        assertThat(Files.readAllBytes(fused)).containsExactly(1, 2, 3);

        Cli.Result replaced = fuse(pair[0], pair[1], pair[2], pair[3], "--overwrite");
        assertThat(replaced.exitCode()).as(replaced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ImageIO.read(fused.toFile()).getWidth()).isEqualTo(48);
    }

    @Test
    void anInputThatIsAlsoAnOutputPathIsNeverOverwrittenEvenWithOverwrite() throws IOException {
        // Pair "x" in folder vis/ writes vis/x_dehazed.png, which is the visible input of pair "x_dehazed".
        Path x = Cli.copyResource("vis", A + ".png", tmp.resolve("mixed/vis/x.png"));
        Path xDehazed = Cli.copyResource("vis", B + ".png", tmp.resolve("mixed/vis/x_dehazed.png"));
        Cli.copyResource("ir", A + ".png", tmp.resolve("mixed/ir/x.png"));
        Cli.copyResource("ir", B + ".png", tmp.resolve("mixed/ir/x_dehazed.png"));
        byte[] before = Files.readAllBytes(xDehazed);

        Cli.Result r = Cli.run("fuse", "--model", "tiny", "--device", "cpu", "--overwrite",
                "--vis", tmp.resolve("mixed/vis"), "--ir", tmp.resolve("mixed/ir"), "--out", tmp.resolve("mixed/vis"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(xDehazed.getFileName().toString()).contains("input");
        assertThat(Files.readAllBytes(xDehazed)).isEqualTo(before);
        assertThat(Cli.listing(tmp.resolve("mixed/vis"))).containsExactly("x.png", "x_dehazed.png");
        assertThat(x).exists();
    }

    /**
     * Issue 15, item 2: a batch stopped after its first pair (a kill left B's set incomplete, with a temp file)
     * is refused without --skip-existing, naming what is missing, and continued with it: A is skipped untouched, B
     * redone, the temp file swept, and the summary counts both.
     */
    @Test
    void skipExistingContinuesAnInterruptedBatch() throws IOException {
        assertThat(fuse("--vis", vis, "--ir", ir).exitCode()).isEqualTo(ExitCodes.OK);
        Path aFused = out.resolve(A + "_fused.png");
        byte[] aBefore = Files.readAllBytes(aFused);
        Files.delete(out.resolve(B + "_fused.png"));
        Files.delete(out.resolve(B + "_density.png"));
        Files.writeString(out.resolve("." + B + "_fused.png.7766554433.tmp"), "half a PNG");

        Cli.Result refused = fuse("--vis", vis, "--ir", ir);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(A + "_dehazed.png").contains("already exists");

        Cli.Result resumed = fuse("--vis", vis, "--ir", ir, "--skip-existing");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out()).contains("[1/2] " + A + ": skipped").contains("[2/2] " + B + " 48x48")
                .contains("1 pair(s) done, 1 skipped, 0 failed");
        assertThat(Cli.listing(out)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png",
                B + "_dehazed.png", B + "_density.png", B + "_fused.png");
        assertThat(Files.readAllBytes(aFused)).isEqualTo(aBefore);

        Files.delete(out.resolve(A + "_density.png"));
        Cli.Result incomplete = fuse("--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));
        assertThat(incomplete.err()).contains("incomplete set").contains(A + "_density.png is missing");
    }

    /**
     * Issue 15, item 3, on a real tmpfs with room for one set: the second set fails with the system's reason on one
     * line and exit 2, and leaves none of its files; the first set stays, and --skip-existing finishes the batch
     * once there is room.
     */
    @Test
    void aFullDiskStopsWithTheSystemsReasonAndLeavesNoPartialSet() throws Exception {
        Object[] one = {"--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png")};
        assertThat(fuse(one).exitCode()).isEqualTo(ExitCodes.OK);
        long setBytes = 0;
        for (String name : Cli.listing(out)) {
            setBytes += (Files.size(out.resolve(name)) + 4095) / 4096 * 4096;
        }
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a tmpfs needs root");
        try {
            long free = Files.getFileStore(disk).getUsableSpace();
            Files.write(disk.resolve("filler.bin"), new byte[(int) (free - setBytes - 2048)]);
            out = disk;
            Cli.Result full = fuse("--vis", vis, "--ir", ir);

            assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(full.err().strip()).doesNotContain("\n").endsWith("cannot be written: No space left on device");
            assertThat(full.out()).contains("stopped: 1 pair(s) done, 0 skipped, 1 failed, 0 not reached");
            assertThat(Cli.listing(disk)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png",
                    "filler.bin");

            Files.delete(disk.resolve("filler.bin"));
            Cli.Result resumed = fuse("--vis", vis, "--ir", ir, "--skip-existing");
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
            assertThat(Cli.listing(disk)).hasSize(6);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    /**
     * Issue 15, item 1: two {@code fuse} processes, different models, same pair and folder, no --overwrite. One
     * exits 0, the other 2, and the folder holds exactly the winner's three files.
     */
    @Test
    void twoProcessesRacingOnOnePairLeaveOneWholeSet() throws Exception {
        Engines.seed(7);
        Path weights = tinyWeights(tmp.resolve("other.hzf"));
        List<Object> models = List.of("tiny", weights);
        List<List<byte[]>> references = new java.util.ArrayList<>();
        for (Object model : models) {
            Path ref = tmp.resolve("ref-" + references.size());
            Cli.Result r = Cli.run("fuse", "--model", model, "--device", "cpu", "--out", ref,
                    "--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            references.add(set(ref));
        }
        assertThat(references.get(0).get(2)).as("the two models fuse differently").isNotEqualTo(references.get(1).get(2));
        Path race = tmp.resolve("race");
        List<Process> racers = new java.util.ArrayList<>();
        for (Object model : models) {
            racers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                    "org.hazefuse.app.Launcher", "fuse", "--model", model.toString(), "--device", "cpu",
                    "--threads", "1", "--out", race.toString(), "--vis", vis.resolve(A + ".png").toString(),
                    "--ir", ir.resolve(A + ".png").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (Process p : racers) {
            assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            codes.add(p.exitValue());
        }
        assertThat(codes).containsExactlyInAnyOrder(ExitCodes.OK, ExitCodes.BAD_INPUT);
        assertThat(Cli.listing(race)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png");
        List<byte[]> winner = references.get(codes.indexOf(ExitCodes.OK));
        List<byte[]> written = set(race);
        for (int i = 0; i < 3; i++) {
            assertThat(written.get(i)).as(Cli.listing(race).get(i)).isEqualTo(winner.get(i));
        }
    }

    /** Random {@code tiny} weights saved to {@code file}. */
    private static Path tinyWeights(Path file) throws IOException {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = new IassfNetwork(IassfConfigs.TINY);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(network, file, Map.of("steps", "0"));
        }
        return file;
    }

    private static List<byte[]> set(Path folder) throws IOException {
        List<byte[]> files = new java.util.ArrayList<>();
        for (String suffix : List.of("_dehazed", "_density", "_fused")) {
            files.add(Files.readAllBytes(folder.resolve(A + suffix + ".png")));
        }
        return files;
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli.Result r = Cli.run("fuse", "--vis", vis);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--out");
    }

    /** Refusals name the option that solves them (issue 16, item 2). */
    @Test
    void refusalsNameTheOptionThatSolvesThem() throws IOException {
        assertThat(fuse("--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png")).exitCode()).isZero();
        Cli.Result again = fuse("--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already exists").contains("--overwrite").contains("--skip-existing");

        Path small = tmp.resolve("small_ir.png");
        BufferedImage half = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(half, "png", small.toFile());
        Cli.Result mismatch = fuse("--vis", vis.resolve(B + ".png"), "--ir", small);
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mismatch.err()).contains("differs from the visible image").contains("--resize-ir");
    }

    /** Outputs beside the inputs would be read as inputs next time; one file cannot be both images (item 4). */
    @Test
    void anInputFolderOrOneFileAsBothImagesIsRefused() throws IOException {
        Cli.Result intoInputs = Cli.run("fuse", "--model", "tiny", "--device", "cpu", "--vis", vis.resolve(A + ".png"),
                "--ir", ir.resolve(A + ".png"), "--out", vis);
        assertThat(intoInputs.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(intoInputs.err()).contains("holds input images");
        assertThat(Cli.listing(vis)).containsExactly(A + ".png", B + ".png");

        Cli.Result same = fuse("--vis", vis.resolve(A + ".png"), "--ir", vis.resolve(A + ".png"));
        assertThat(same.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(same.err()).contains("both the visible and the infrared image");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFrameTooLargeForTheMemoryBudgetIsRefusedFromItsHeaderNamingTheOption() throws IOException {
        // Header-only files: had they been decoded, the message would say "truncated".
        Path bigVis = Files.write(tmp.resolve("big_vis.png"), pngHeaderOnly(7000, 7000));
        Path bigIr = Files.write(tmp.resolve("big_ir.png"), pngHeaderOnly(7000, 7000));

        Cli.Result r = fuse("--vis", bigVis, "--ir", bigIr, "--max-memory", "2G");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(bigVis.toString()).contains("7000x7000").contains("memory budget")
                .contains("2.0 GB").contains("--max-memory").doesNotContain("truncated").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreadableMemorySizeIsAnOptionError() {
        Cli.Result r = fuse("--vis", vis.resolve(A + ".png"), "--ir", ir.resolve(A + ".png"), "--max-memory", "lots");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--max-memory").contains("'lots'");
    }

    /** A PNG signature and IHDR only, claiming width × height 8-bit RGB pixels. */
    private static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] type = {'I', 'H', 'D', 'R'};
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type);
        crc.update(ihdr.array());
        png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        png.writeBytes(type);
        png.writeBytes(ihdr.array());
        png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return png.toByteArray();
    }
}
