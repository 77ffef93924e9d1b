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
        assertThat(r.out()).contains(A).contains("network");
    }

    @Test
    void folderWithVisAndIrSubfoldersFusesEveryPair() {
        Cli.Result r = fuse("--vis", tmp.resolve("data"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.listing(out)).containsExactly(A + "_dehazed.png", A + "_density.png", A + "_fused.png",
                B + "_dehazed.png", B + "_density.png", B + "_fused.png");
        assertThat(r.out()).contains("[1/2] " + A).contains("[2/2] " + B);
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
        Path weights = tmp.resolve("tiny.hzf");
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = new IassfNetwork(IassfConfigs.TINY);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(network, weights, Map.of("steps", "0"));
        }
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

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli.Result r = Cli.run("fuse", "--vis", vis);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--out");
    }
}
