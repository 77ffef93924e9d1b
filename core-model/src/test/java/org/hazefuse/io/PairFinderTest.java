package org.hazefuse.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hazefuse.io.PairNames.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairFinderTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @ParameterizedTest
    @CsvSource({"vis,ir", "vi,Ir", "visible,infrared", "Vis,thermal", "rgb,IR", "VISIBLE,Thermal", "RGB,Infrared"})
    void everyFolderNameVariantPairsByStemAndReportsTheRest(String visName, String irName) throws IOException {
        Path a = touch(visName + "/a.png");
        Path aIr = touch(irName + "/a.jpg");
        Path b = touch(visName + "/b.bmp");
        Path bIr = touch(irName + "/b.tif");
        touch(visName + "/only_vis.png");
        touch(irName + "/only_ir.png");
        touch(visName + "/notes.txt");
        touch(irName + "/.DS_Store");

        FoundPairs found = PairFinder.inFolder(dir);

        assertThat(found.pairs()).containsExactly(
                new PairPaths("a", a, aIr), new PairPaths("b", b, bIr));
        assertThat(found.warnings()).hasSize(3);
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("only_vis.png").contains("no infrared image"));
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("only_ir.png").contains("no visible image"));
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("notes.txt").contains("not an image file"));
    }

    @Test
    void tripletFolderGivesClearReferences() throws IOException {
        Path hazy = touch("hazy/01.png");
        Path ir = touch("ir/01.png");
        Path gt = touch("GT/01.png");
        touch("hazy/02.png");
        touch("ir/02.png");
        FoundPairs found = PairFinder.inFolder(dir);
        assertThat(found.pairs()).hasSize(2);
        assertThat(found.pairs().get(0)).isEqualTo(new PairPaths("01", hazy, ir, Optional.of(gt)));
        assertThat(found.pairs().get(1).clear()).isEmpty();
        assertThat(found.warnings()).singleElement().asString().contains("02.png").contains("no clear image");
    }

    @Test
    void duplicateStemsAreReportedNotGuessed() throws IOException {
        touch("vis/a.png");
        touch("vis/a.jpg");
        touch("ir/a.png");
        touch("vis/b.png");
        touch("ir/b.png");
        FoundPairs found = PairFinder.inFolder(dir);
        assertThat(found.pairs()).extracting(PairPaths::stem).containsExactly("b");
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("several files with stem 'a'"));
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("a.png").contains("no visible image"));
    }

    @Test
    void folderWithoutPairSubfoldersIsBadInput() throws IOException {
        touch("photos/a.png");
        assertThatThrownBy(() -> PairFinder.inFolder(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no visible and infrared subfolders")
                .hasMessageContaining("photos");
        assertThatThrownBy(() -> PairFinder.inFolder(dir.resolve("missing")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("folder not found");
    }

    @Test
    void twoVisibleFoldersAreAmbiguous() throws IOException {
        touch("vis/a.png");
        touch("rgb/a.png");
        touch("ir/a.png");
        assertThatThrownBy(() -> PairFinder.inFolder(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than one visible subfolder (rgb, vis)");
    }

    @Test
    void twoFilesAndTwoFolders() throws IOException {
        Path v = touch("x/scene.png");
        Path i = touch("y/scene_t.png");
        assertThat(PairFinder.ofFiles(v, i).pairs()).containsExactly(new PairPaths("scene", v, i));
        assertThatThrownBy(() -> PairFinder.ofFiles(v, dir.resolve("y/none.png")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("none.png").hasMessageContaining("file not found");
        Path z = touch("y/scene.png");
        assertThat(PairFinder.inFolders(dir.resolve("x"), dir.resolve("y"), Optional.empty()).pairs())
                .containsExactly(new PairPaths("scene", v, z));
    }

    @Test
    void listFileSelectsPairsInListOrderAndReportsMissingStems() throws IOException {
        Path road = TestFiles.resource("pairs/roadscene");
        Path list = Files.writeString(dir.resolve("train.txt"), "FLIR_00018\n\n# comment\nFLIR_00006.jpg\nFLIR_99999\n");
        FoundPairs found = PairFinder.fromList(list, road);
        assertThat(found.pairs()).extracting(PairPaths::stem).containsExactly("FLIR_00018", "FLIR_00006");
        assertThat(found.pairs().get(0).infrared()).isEqualTo(road.resolve("ir/FLIR_00018.jpg"));
        assertThat(found.warnings()).singleElement().asString().contains("FLIR_99999").contains("no pair");
    }

    @ParameterizedTest
    @CsvSource({
        "01_ir.png, 01_vis.png, 01_vis.png, 01",
        "VIS_001.jpg, IR_001.jpg, VIS_001.jpg, 001",
        "street_thermal.png, street.png, street.png, street",
        "img_infrared.bmp, img_rgb.bmp, img_rgb.bmp, img",
        "sceneVis.png, sceneIR.png, sceneVis.png, scene",
        "visible.png, lwir.png, visible.png, visible",
        "a-Vi.png, a-Ir.png, a-Vi.png, a",
        "my-vis-01.png, my-ir-01.png, my-vis-01.png, my-01",
        "aVis01.png, aIr01.png, aVis01.png, a01",
    })
    void namesDecideTheOrder(String first, String second, String visible, String stem) throws IOException {
        Path a = touch("drop/" + first);
        Path b = touch("drop/" + second);
        Optional<PairPaths> pair = PairFinder.orderByName(a, b);
        assertThat(pair).isPresent();
        assertThat(pair.get().visible().getFileName().toString()).isEqualTo(visible);
        assertThat(pair.get().stem()).isEqualTo(stem);
        assertThat(PairFinder.orderByName(b, a)).isEqualTo(pair);
    }

    @ParameterizedTest
    @CsvSource({"FLIR_00006.jpg, FLIR_00007.jpg", "a.png, b.png", "x_ir.png, y_ir.png", "vis_ir.png, other.png"})
    void undecidedNames(String first, String second) throws IOException {
        assertThat(PairFinder.orderByName(touch("drop/" + first), touch("drop/" + second))).isEmpty();
    }

    @Test
    void folderNamesDecideWhenFileNamesMatch() throws IOException {
        Path v = touch("Vis/0001.png");
        Path i = touch("Thermal/0001.png");
        assertThat(PairFinder.orderByName(i, v)).contains(new PairPaths("0001", v, i));
    }

    @Test
    void wordsSplitAtSeparatorsFirstAndAtCaseAndDigitsOnlyWhenThatDecidesNothing() {
        assertThat(PairNames.words("FLIR_00006")).containsExactly("flir", "00006");
        assertThat(PairNames.words("sceneIR01-vis")).containsExactly("sceneir01", "vis");
        assertThat(PairNames.words("vis16")).containsExactly("vis", "16");
        assertThat(PairNames.words("aIr01")).containsExactly("a", "ir", "01");
    }

    // ---- drops (PairFinder.ofDropped, PairNames); the folder layouts are rows of pairing/cases.csv ----

    /** "FLIR" contains "IR" but is a camera brand, not a role; "virtual" is not "vi"; the folder tells when the name does not. */
    @ParameterizedTest
    @CsvSource({"x/001_ir.png, INFRARED", "x/001_IR.png, INFRARED", "x/scene-thermal.jpg, INFRARED",
        "x/Infrared 3.png, INFRARED", "x/001_vis.png, VISIBLE", "x/001_VI.png, VISIBLE", "x/rgb_001.png, VISIBLE",
        "x/visible.png, VISIBLE", "x/FLIR_00006.jpg, UNKNOWN", "x/virtual.png, UNKNOWN",
        "set/ir/FLIR_00006.jpg, INFRARED", "set/vis/FLIR_00006.jpg, VISIBLE"})
    void rolesComeFromNameTokensNotSubstrings(String file, Role role) {
        assertThat(PairNames.roleOf(Path.of(file))).isEqualTo(role);
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
    void nonImagesAreReportedNotPaired() throws IOException {
        Path txt = touch("f/notes.txt");
        Path ir = touch("f/x_ir.png");
        Path vis = touch("f/x_vis.png");
        DroppedPairs o = PairFinder.ofDropped(List.of(txt, ir, vis));
        assertThat(o.pairs()).containsExactly(new PairPaths("x", vis, ir));
        assertThat(o.problems()).singleElement().asString().contains("notes.txt").contains("not an image");
    }
}
