package org.hazefuse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hazefuse.gui.testing.TestPairs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: {@code fuse} on two files names its outputs as the GUI names the pair, role word stripped
 * ({@code gray_vis.png} gives {@code gray_fused.png}, not {@code gray_vis_fused.png}), and pairs {@code vis16} with
 * {@code ir16}. The pairing table holds PairFinder to the names; this holds the written files to them.
 */
class FuseOutputNamesTest {
    @TempDir
    Path dir;

    private Cli.Result fuse(String visibleName, String infraredName, Path out) {
        Path vis = dir.resolve(visibleName);
        Path ir = dir.resolve(infraredName);
        TestPairs.copyResource("/pairs/msrs/vis/00001D.png", vis);
        TestPairs.copyResource("/pairs/msrs/ir/00001D.png", ir);
        return Cli.run("fuse", "--model", "dcp+gff", "--device", "cpu", "--vis", vis, "--ir", ir, "--out", out);
    }

    @Test
    void theRoleWordIsStrippedFromTheOutputNames() throws IOException {
        Cli.Result r = fuse("gray_vis.png", "gray_ir.png", dir.resolve("out"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("out/gray_fused.png")).exists();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("_vis"));
        }
    }

    @Test
    void vis16AndIr16AreOnePairNamed16() {
        Cli.Result r = fuse("vis16.png", "ir16.png", dir.resolve("out16"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("out16/16_fused.png")).exists();
        assertThat(dir.resolve("out16/16_dehazed.png")).exists();
    }
}
