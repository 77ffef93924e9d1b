package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.viewer.PanelLayout;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The main view model without a window: pairing questions, haze, triplets, recent items and saved settings. */
class ViewModelsTest {
    private final TestServices t = new TestServices();

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    private ViewModels vm() {
        return new ViewModels(t.services(), DensitySettings.DEFAULT);
    }

    @Test
    void undecidedNamesAskWhichIsInfraredAndRespectTheAnswer() throws Exception {
        InputPair pair = TestPairs.msrs(dir);
        Path a = Files.copy(pair.visible(), dir.resolve("left.png"));
        Path b = Files.copy(pair.infrared(), dir.resolve("right.png"));
        ViewModels vm = vm();

        t.dialogs.infraredAnswer = Optional.empty();
        vm.pairList().addFiles(List.of(a, b));
        assertThat(t.dialogs.chooseInfraredCalls).isEqualTo(1);
        assertThat(vm.pairList().pairs()).isEmpty();

        t.dialogs.infraredAnswer = Optional.of(b);
        vm.pairList().addFiles(List.of(a, b));
        assertThat(vm.pairList().pairs()).containsExactly(new InputPair("left", a, b));
        assertThat(vm.panels().imageProperty(Panel.FUSED).get()).isNotNull();
    }

    @Test
    void hazeSynthesisFeedsAHazyVisibleAndKeepsTheClearOneAsReference() {
        InputPair pair = TestPairs.msrs(dir);
        ViewModels vm = vm();
        vm.pairList().addFiles(List.of(pair.visible(), pair.infrared()));
        float clearMean = mean(vm.session().inputProperty().get().visible().data());

        vm.haze().betaProperty().set(3);
        vm.haze().enabledProperty().set(true);

        var input = vm.session().inputProperty().get();
        assertThat(input.clearVisible()).contains(vm.session().sourcePairProperty().get().visible());
        assertThat(mean(input.visible().data())).isGreaterThan(clearMean + 0.1f); // airlight 0.85 brightens
        assertThat(t.method.calls()).hasSize(2);

        vm.haze().enabledProperty().set(false);
        assertThat(vm.session().inputProperty().get().clearVisible()).isEmpty();
    }

    @Test
    void aTripletFolderLoadsItsClearReference() throws Exception {
        InputPair pair = TestPairs.msrs(dir.resolve("src"));
        Path root = dir.resolve("triplets");
        Files.createDirectories(root.resolve("hazy"));
        Files.createDirectories(root.resolve("ir"));
        Files.createDirectories(root.resolve("gt"));
        Files.copy(pair.visible(), root.resolve("hazy/1.png"));
        Files.copy(pair.infrared(), root.resolve("ir/1.png"));
        Files.copy(pair.visible(), root.resolve("gt/1.png"));
        ViewModels vm = vm();

        vm.pairList().addFiles(List.of(root));

        assertThat(t.dialogs.errors).isEmpty();
        assertThat(vm.session().inputProperty().get().clearVisible()).isPresent();
    }

    /** A 1000×600 pair (0.6 MP), named so the two files pair by their role words. */
    private InputPair largePair() throws Exception {
        java.awt.image.BufferedImage vis = new java.awt.image.BufferedImage(1000, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage ir = new java.awt.image.BufferedImage(1000, 600,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1000; x++) {
                vis.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 90);
                ir.getRaster().setSample(x, y, 0, (x + y) % 256);
            }
        }
        Path v = dir.resolve("large_vis.png");
        Path i = dir.resolve("large_ir.png");
        javax.imageio.ImageIO.write(vis, "png", v.toFile());
        javax.imageio.ImageIO.write(ir, "png", i.toFile());
        return new InputPair("large", v, i);
    }

    @Test
    void aLargePairShowsAMarkedReducedPreviewFirstThenTheFullResult() throws Exception {
        InputPair pair = largePair();
        ViewModels vm = vm();
        List<String> shown = new java.util.ArrayList<>();
        vm.session().resultProperty().addListener((obs, old, r) -> {
            if (r != null) {
                shown.add((vm.session().previewProperty().get() ? "preview " : "full ") + r.fused().width() + "x"
                        + r.fused().height() + " | " + vm.panels().outputNoticeProperty().get() + " | "
                        + vm.session().metrics().size() + " metrics");
            }
        });

        vm.pairList().addFiles(List.of(pair.visible(), pair.infrared()));

        // The preview is at the pair's size, so read-out and regions need no conversion; metrics wait for the full run.
        assertThat(shown).containsExactly(
                "preview 1000x600 | Preview (reduced): the full-resolution result replaces it when done. | 0 metrics",
                "full 1000x600 |  | 0 metrics");
        // 0.6 MP reduced to 707×424 (0.3 MP); the dark-channel window shrinks with it.
        assertThat(t.method.calls()).extracting(DensitySettings::darkWindow).containsExactly(11, 15);
        assertThat(vm.session().previewProperty().get()).isFalse();
        assertThat(vm.session().metrics()).isNotEmpty();
        assertThat(vm.panels().outputNoticeProperty().get()).isEmpty();
    }

    @Test
    void aPairUpToHalfAMegapixelRunsOnceWithoutAPreview() {
        InputPair pair = TestPairs.roadscene(dir);
        ViewModels vm = vm();
        List<Boolean> previews = new java.util.ArrayList<>();
        vm.session().previewProperty().addListener((obs, old, now) -> previews.add(now));

        vm.pairList().addFiles(List.of(pair.visible(), pair.infrared()));

        assertThat(vm.session().resultProperty().get()).isNotNull();
        assertThat(t.method.calls()).hasSize(1);
        assertThat(previews).isEmpty();
    }

    @Test
    void settingsAndRecentItemsSurviveARestart() {
        InputPair pair = TestPairs.msrs(dir);
        ViewModels first = vm();
        first.pairList().addFiles(List.of(pair.visible(), pair.infrared()));
        first.density().omegaProperty().set(0.8);
        first.density().darkWindowProperty().set(21);
        first.session().autoRunProperty().set(false);
        first.viewer().layoutProperty().set(PanelLayout.COMPARE);
        new SessionSettings(new AppSettings(t.prefs)).save(first, null);

        SessionSettings session = new SessionSettings(new AppSettings(t.prefs));
        ViewModels second = new ViewModels(t.services(), session.density());
        session.restore(second);

        assertThat(second.density().settings().omega()).isEqualTo(0.8);
        assertThat(second.density().settings().darkWindow()).isEqualTo(21);
        assertThat(second.session().autoRunProperty().get()).isFalse();
        assertThat(second.viewer().layoutProperty().get()).isEqualTo(PanelLayout.COMPARE);
        assertThat(second.pairList().recent().items()).containsExactly(List.of(pair.visible(), pair.infrared()));
    }

    @Test
    void anEvenDarkChannelWindowIsMadeOdd() {
        ViewModels vm = vm();
        vm.density().darkWindowProperty().set(20);
        assertThat(vm.density().settings().darkWindow()).isEqualTo(21);
    }

    @Test
    void aWeightsFileJoinsTheModelListAndIsSelected() {
        ViewModels vm = vm();
        Path weights = dir.resolve("tuned.hzf");
        vm.models().useWeightsFile(weights);
        assertThat(vm.session().modelNames()).endsWith(weights.toString());
        assertThat(vm.session().modelProperty().get()).isEqualTo(weights.toString());
    }

    private static float mean(float[] d) {
        double s = 0;
        for (float v : d) {
            s += v;
        }
        return (float) (s / d.length);
    }

    @Test
    void fileOpenUsesTheChosenFilesAndRemembersTheFolder() {
        InputPair pair = TestPairs.msrs(dir);
        ViewModels vm = vm();
        t.dialogs.openImagesAnswer = List.of(pair.infrared(), pair.visible());
        vm.pairList().openPair();
        assertThat(vm.pairList().pairs()).singleElement().satisfies(p -> {
            assertThat(p.visible()).isEqualTo(pair.visible());
            assertThat(p.infrared()).isEqualTo(pair.infrared());
        });
        assertThat(new AppSettings(t.prefs).getString(org.hazefuse.gui.prefs.Setting.LAST_INPUT_FOLDER))
                .isEqualTo(pair.infrared().getParent().toString());
    }
}
