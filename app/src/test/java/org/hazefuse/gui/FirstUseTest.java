package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.testing.SyntheticDrop;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.gui.viewer.ImagePanel;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.gui.viewer.PanelLayout;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a first-time user tripped over (issue 16, items 1, 2, 5, 9, 10 and the drop target), on the main window
 * with the fake method.
 */
@ExtendWith(ApplicationExtension.class)
class FirstUseTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        window = newWindow(vm);
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.show();
    }

    private MainWindow newWindow(ViewModels models) {
        TrainingViewModel training = new TrainingViewModel(t.trainer, t.dialogs, t.uiThread,
                () -> models.session().modelProperty().get(), () -> List.copyOf(models.pairList().pairs()));
        return new MainWindow(models, training, t.dialogs);
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    // ---- 1: ω is the share of haze removed ---------------------------------------------------------------------

    @Test
    void theOmegaSliderSaysThatItRemovesHaze(FxRobot robot) {
        Label label = robot.lookup("#slider-omega-label").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo("Haze removed ω");
        assertThat(label.getTooltip().getText()).contains("share of the estimated haze that is removed")
                .contains("Higher is clearer");
    }

    // ---- 2: a size mismatch offers the resize ------------------------------------------------------------------

    @Test
    void aSmallerInfraredImageIsResizedToTheVisibleWhenTheUserAgrees(FxRobot robot) {
        InputPair pair = halfSizeInfrared();
        t.dialogs.confirmAnswer = true;

        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));

        assertThat(t.dialogs.acceptLabels).containsExactly("Resize infrared to visible");
        assertThat(t.dialogs.questions).singleElement().satisfies(q -> assertThat(q.text()).contains("64x64", "128x128"));
        assertThat(t.dialogs.errors).isEmpty();
        assertThat(vm.session().inputProperty().get().infrared().width()).isEqualTo(128);
        assertThat(vm.session().resultProperty().get()).isNotNull();
        assertThat(vm.session().resizedInfrared()).containsExactly(vm.pairList().pairs().get(0));
    }

    @Test
    void declinedResizeLeavesThePairOut(FxRobot robot) {
        InputPair pair = halfSizeInfrared();
        t.dialogs.confirmAnswer = false;

        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));

        assertThat(t.dialogs.acceptLabels).containsExactly("Resize infrared to visible");
        assertThat(vm.pairList().pairs()).isEmpty();
        assertThat(vm.session().inputProperty().get()).isNull();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("differ in size");
    }

    /** The MSRS pair with its infrared image scaled to 64×64. */
    private InputPair halfSizeInfrared() {
        InputPair full = TestPairs.msrs(dir);
        try {
            BufferedImage ir = ImageIO.read(full.infrared().toFile());
            BufferedImage half = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
            half.getGraphics().drawImage(ir, 0, 0, 64, 64, null);
            Path small = dir.resolve("small").resolve("street_ir.png");
            Path vis = dir.resolve("small").resolve("street_vis.png");
            Files.createDirectories(small.getParent());
            ImageIO.write(half, "png", small.toFile());
            Files.copy(full.visible(), vis);
            return new InputPair("street", vis, small);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 5: a pair that cannot be read, and the status bar before a run ----------------------------------------

    @Test
    void aPairThatCannotBeReadLeavesTheList(FxRobot robot) throws IOException {
        InputPair good = TestPairs.msrs(dir);
        Path broken = Files.writeString(dir.resolve("broken_vis.png"), "not a PNG");
        Path ir = Files.copy(good.infrared(), dir.resolve("broken_ir.png"));

        robot.interact(() -> vm.pairList().addFiles(List.of(broken, ir)));

        assertThat(t.dialogs.errors).singleElement().satisfies(e -> assertThat(e.title()).contains("broken"));
        assertThat(vm.pairList().pairs()).isEmpty();
        assertThat(robot.lookup(".pair-list-pane .hint").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("0 pairs"));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("removed from the list");
    }

    @Test
    void theStatusBarNamesTheModelBeforeAnyRun(FxRobot robot) {
        assertThat(t.method.calls()).isEmpty();
        assertThat(robot.lookup("#device").queryAs(Label.class).getText()).isEqualTo("Model: fake");
    }

    // ---- 9: layout --------------------------------------------------------------------------------------------

    @Test
    void theRowLayoutGivesEveryPanelTheSameWidthWithinTheViewer(FxRobot robot) {
        InputPair road = TestPairs.roadscene(dir);
        robot.interact(() -> {
            vm.pairList().addFiles(List.of(road.visible(), road.infrared()));
            vm.viewer().layoutProperty().set(PanelLayout.ROW);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Bounds viewer = window.viewerPane().localToScene(window.viewerPane().getLayoutBounds());
        List<Double> widths = new ArrayList<>();
        for (Panel p : Panel.values()) {
            ImagePanel panel = window.viewerPane().panel(p);
            Bounds b = panel.localToScene(panel.getLayoutBounds());
            widths.add(b.getWidth());
            assertThat(b.getMaxX()).as(p.title() + " right edge").isLessThanOrEqualTo(viewer.getMaxX() + 0.5);
        }
        assertThat(widths).allSatisfy(w -> assertThat(w).isCloseTo(widths.get(0), org.assertj.core.data.Offset.offset(1.0)));
        // The panels fill the row (five panels and six gaps of 6 px), and the fit zoom fills a panel's width.
        assertThat(widths.get(0) * 5 + 36).isCloseTo(viewer.getWidth(), org.assertj.core.data.Offset.offset(3.0));
        double drawn = vm.viewer().zoom() * 500;
        assertThat(drawn).isCloseTo(window.viewerPane().panel(Panel.FUSED).canvas().getWidth(),
                org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void thePixelReadoutWrapsOnANarrowWindowInsteadOfBeingCutOff(FxRobot robot) {
        InputPair road = TestPairs.roadscene(dir);
        // A narrow window of its own, so the shared test stage keeps its size for the other tests.
        Stage narrow = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            Stage s = new Stage();
            s.setScene(new Scene(window.root(), 1000, 800));
            s.show();
            vm.pairList().addFiles(List.of(road.visible(), road.infrared()));
            return s;
        });
        robot.moveTo(window.viewerPane().panel(Panel.FUSED).canvas());
        WaitForAsyncUtils.waitForFxEvents();

        Label readout = (Label) window.root().lookup("#cursor-readout");
        assertThat(readout.getText()).contains("fused");
        assertThat(ScreenshotTest.clippedLabels(window.root())).isEmpty();
        assertThat(readout.getHeight()).isGreaterThan(readout.getFont().getSize() * 2);
        robot.interact(narrow::close);
    }

    @Test
    void aLongWeightsPathKeepsTheModelBoxNarrowAndTheToolbarOnScreen(FxRobot robot) throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs").resolve("2026-12-01T10-15-00-lite-fine-tuned-on-my-camera-pairs"));
        Path weights = Files.writeString(run.resolve("model.hzf"), "x");

        robot.interact(() -> vm.models().useWeightsFile(weights));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<String> model = robot.lookup("#model-chooser").queryAs(ComboBox.class);
        assertThat(model.getValue()).isEqualTo(weights.toString());
        assertThat(model.getWidth()).isLessThanOrEqualTo(231);
        ListCell<String> shown = (ListCell<String>) model.getButtonCell();
        assertThat(shown.getText()).isEqualTo("model.hzf · 2026-12-01T10-15-00-lite-fine-tuned-on-my-camera-pairs");
        assertThat(model.getTooltip().getText()).contains(weights.toString());
        Label zoom = robot.lookup("#zoom-label").queryAs(Label.class);
        assertThat(zoom.getScene()).isNotNull();
        assertThat(zoom.localToScene(zoom.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(1400);
    }

    @Test
    void theFineTunedModelIsSelectedAgainAfterARestart(FxRobot robot) throws IOException {
        Path weights = Files.writeString(Files.createDirectories(dir.resolve("run")).resolve("model.hzf"), "x");
        robot.interact(() -> vm.models().useWeightsFile(weights));
        new SessionSettings(new AppSettings(t.prefs)).save(vm, null);

        SessionSettings settings = new SessionSettings(new AppSettings(t.prefs));
        ViewModels restarted = new ViewModels(t.services(), settings.density());
        settings.restore(restarted);
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            second[0] = newWindow(restarted);
            stage.setScene(new Scene(second[0].root(), 1400, 850));
        });

        assertThat(restarted.session().modelProperty().get()).isEqualTo(weights.toString());
        @SuppressWarnings("unchecked")
        ComboBox<String> model = (ComboBox<String>) second[0].root().lookup("#model-chooser");
        assertThat(model.getValue()).isEqualTo(weights.toString());
    }

    // ---- 10: percent progress of a single run -----------------------------------------------------------------

    @Test
    void aTiledRunShowsHowFarItIs(FxRobot robot) {
        List<String> statuses = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        t.method.tiles = 4;
        t.method.afterTile = () -> {
            statuses.add(vm.session().statusProperty().get());
            fractions.add(vm.run().progressProperty().get());
        };

        loadMsrs(robot);

        assertThat(fractions).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(statuses.get(1)).isEqualTo("Running fake on 00001D … 2 of 4 tiles (50 %)");
        assertThat(vm.run().progressProperty().get()).isZero();
        assertThat(vm.session().statusProperty().get()).contains("done");
    }

    // ---- the empty list as a drop target, and a single dropped file ---------------------------------------------

    @Test
    void theEmptyListIsAnObviousDropTargetThatLightsUpWhileDragging(FxRobot robot) {
        Label title = robot.lookup("#drop-zone-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Drop image pairs or folders here");
        assertThat(title.isVisible()).isTrue();
        assertThat(ScreenshotTest.clippedLabels(window.root())).isEmpty();
        javafx.scene.layout.Region zone = robot.lookup("#drop-zone").queryAs(javafx.scene.layout.Region.class);
        var idle = zone.getBorder().getStrokes().get(0).getTopStroke();

        robot.interact(() -> SyntheticDrop.dragOver(window.root(), List.of(dir)));

        assertThat(window.root().getPseudoClassStates()).contains(PseudoClass.getPseudoClass("drop-target"));
        robot.interact(() -> zone.applyCss());
        assertThat(zone.getBorder().getStrokes().get(0).getTopStroke()).isNotEqualTo(idle);
    }

    @Test
    void aSingleDroppedImageOpensWithItsPartnerFromBesideIt(FxRobot robot) {
        InputPair pair = TestPairs.msrs(dir);

        robot.interact(() -> SyntheticDrop.drop(window.root(), List.of(pair.infrared())));

        assertThat(t.dialogs.errors).isEmpty();
        assertThat(vm.pairList().pairs()).containsExactly(new InputPair("00001D", pair.visible(), pair.infrared()));
        assertThat(vm.session().resultProperty().get()).isNotNull();
    }

    private void loadMsrs(FxRobot robot) {
        InputPair pair = TestPairs.msrs(dir);
        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));
    }
}
