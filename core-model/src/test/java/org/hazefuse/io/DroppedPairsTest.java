package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hazefuse.io.PairNames.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroppedPairsTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }

    @Test
    void rolesComeFromNameTokensNotSubstrings() {
        assertThat(PairNames.roleOf(Path.of("x/001_ir.png"))).isEqualTo(Role.INFRARED);
        assertThat(PairNames.roleOf(Path.of("x/001_IR.png"))).isEqualTo(Role.INFRARED);
        assertThat(PairNames.roleOf(Path.of("x/scene-thermal.jpg"))).isEqualTo(Role.INFRARED);
        assertThat(PairNames.roleOf(Path.of("x/Infrared 3.png"))).isEqualTo(Role.INFRARED);
        assertThat(PairNames.roleOf(Path.of("x/001_vis.png"))).isEqualTo(Role.VISIBLE);
        assertThat(PairNames.roleOf(Path.of("x/001_VI.png"))).isEqualTo(Role.VISIBLE);
        assertThat(PairNames.roleOf(Path.of("x/rgb_001.png"))).isEqualTo(Role.VISIBLE);
        assertThat(PairNames.roleOf(Path.of("x/visible.png"))).isEqualTo(Role.VISIBLE);
        // "FLIR" contains "IR" but is a camera brand, not a role; "virtual" is not "vi".
        assertThat(PairNames.roleOf(Path.of("x/FLIR_00006.jpg"))).isEqualTo(Role.UNKNOWN);
        assertThat(PairNames.roleOf(Path.of("x/virtual.png"))).isEqualTo(Role.UNKNOWN);
        // The folder tells when the name does not.
        assertThat(PairNames.roleOf(Path.of("set/ir/FLIR_00006.jpg"))).isEqualTo(Role.INFRARED);
        assertThat(PairNames.roleOf(Path.of("set/vis/FLIR_00006.jpg"))).isEqualTo(Role.VISIBLE);
    }

    @Test
    void twoFilesArePairedByRoleInEitherOrder() throws IOException {
        Path ir = touch("a/street_ir.png");
        Path vis = touch("a/street_vis.png");
        DroppedPairs o = PairFinder.ofDropped(List.of(ir, vis));
        assertThat(o.pairs()).containsExactly(new PairPaths("street", vis, ir));
        assertThat(o.needsDecision()).isFalse();
        assertThat(PairFinder.ofDropped(List.of(vis, ir)).pairs()).containsExactly(new PairPaths("street", vis, ir));
    }

    @Test
    void oneKnownRoleIsEnough() throws IOException {
        Path ir = touch("b/thermal.png");
        Path other = touch("b/photo.png");
        assertThat(PairFinder.ofDropped(List.of(other, ir)).pairs()).containsExactly(new PairPaths("photo", other, ir));
        Path vis = touch("c/rgb.jpg");
        Path unknown = touch("c/cam2.jpg");
        assertThat(PairFinder.ofDropped(List.of(vis, unknown)).pairs()).containsExactly(new PairPaths("rgb", vis, unknown));
    }

    @Test
    void namesThatDoNotTellNeedADecision() throws IOException {
        Path a = touch("d/left.png");
        Path b = touch("d/right.png");
        DroppedPairs o = PairFinder.ofDropped(List.of(a, b));
        assertThat(o.pairs()).isEmpty();
        assertThat(o.undecided()).containsExactly(a, b);
        assertThat(o.decide(a)).isEqualTo(new PairPaths("right", b, a));

        Path ir1 = touch("e/1_ir.png");
        Path ir2 = touch("e/2_ir.png");
        assertThat(PairFinder.ofDropped(List.of(ir1, ir2)).undecided()).containsExactly(ir1, ir2);
    }

    @Test
    void folderWithRoleSubfoldersIsMatchedByFileName() throws IOException {
        Path v1 = touch("set/vis/001.png");
        Path v2 = touch("set/vis/002.png");
        touch("set/vis/lonely.png");
        Path i1 = touch("set/ir/001.png");
        Path i2 = touch("set/ir/002.png");
        touch("set/readme.txt");
        DroppedPairs o = PairFinder.ofDropped(List.of(dir.resolve("set")));
        assertThat(o.pairs()).containsExactly(new PairPaths("001", v1, i1), new PairPaths("002", v2, i2));
        assertThat(o.problems()).singleElement().asString().contains("lonely.png").contains("no infrared");
    }

    @Test
    void folderOfLooseFilesIsMatchedByNameWithoutRoleWord() throws IOException {
        Path v1 = touch("loose/a_vis.png");
        Path i1 = touch("loose/a_ir.png");
        Path v2 = touch("loose/VI_b.jpg");
        Path i2 = touch("loose/IR_b.jpg");
        DroppedPairs o = PairFinder.ofDropped(List.of(dir.resolve("loose")));
        assertThat(o.pairs()).containsExactly(new PairPaths("a", v1, i1), new PairPaths("b", v2, i2));
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void nonImagesAreReportedNotPaired() throws IOException {
        Path txt = touch("f/notes.txt");
        Path ir = touch("f/x_ir.png");
        Path vis = touch("f/x_vis.png");
        DroppedPairs o = PairFinder.ofDropped(List.of(txt, ir, vis));
        assertThat(o.pairs()).containsExactly(new PairPaths("x", vis, ir));
        assertThat(o.problems()).singleElement().asString().contains("notes.txt").contains("not an image");
    }

    @Test
    void tripletFolderGivesClearReferences() throws IOException {
        Path hazy = touch("trip/hazy/7.png");
        Path ir = touch("trip/ir/7.png");
        Path gt = touch("trip/gt/7.png");
        DroppedPairs o = PairFinder.ofDropped(List.of(dir.resolve("trip")));
        assertThat(o.pairs()).containsExactly(new PairPaths("7", hazy, ir, java.util.Optional.of(gt)));
    }
}
