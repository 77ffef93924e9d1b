package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.testing.SyntheticDrop;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.gui.viewer.PanelLayout;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window with the fake method, driven through the UI where it matters and asserted on the view model. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        TrainingViewModel training = new TrainingViewModel(t.trainer, t.dialogs, t.uiThread,
                () -> vm.session().modelProperty().get(), () -> List.copyOf(vm.pairList().pairs()));
        window = new MainWindow(vm, training, t.dialogs);
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    private InputPair loadMsrs(FxRobot robot) {
        InputPair pair = TestPairs.msrs(dir);
        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));
        return pair;
    }

    @Test
    void loadingAPairFillsAllFivePanels(FxRobot robot) {
        InputPair pair = loadMsrs(robot);

        assertThat(vm.pairList().pairs()).containsExactly(new InputPair("00001D", pair.visible(), pair.infrared()));
        assertThat(t.dialogs.errors).isEmpty();
        for (Panel p : Panel.values()) {
            Image shown = window.viewerPane().panel(p).imageProperty().get();
            assertThat(shown).as(p.title()).isNotNull();
            assertThat(shown.getWidth()).as(p.title()).isEqualTo(128);
            // The panel really draws it: its centre is not the empty background colour.
            WritableImage snap = org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5000,
                    () -> window.viewerPane().panel(p).canvas().snapshot(null, null));
            int argb = snap.getPixelReader().getArgb((int) snap.getWidth() / 2, (int) snap.getHeight() / 2);
            assertThat(argb).as(p.title() + " centre pixel").isNotEqualTo(0xff1e1f22);
        }
        assertThat(t.method.calls()).hasSize(1);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("00001D").contains("done");
    }

    @Test
    void aSyntheticDropAtTheWindowAddsThePair(FxRobot robot) {
        InputPair pair = TestPairs.msrs(dir);
        Path ir = dir.resolve("street_ir.png");
        Path vis = dir.resolve("street_vis.png");
        robot.interact(() -> {
            try {
                java.nio.file.Files.copy(pair.infrared(), ir);
                java.nio.file.Files.copy(pair.visible(), vis);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            SyntheticDrop.drop(window.root(), List.of(ir, vis));
        });

        assertThat(vm.pairList().pairs()).containsExactly(new InputPair("street", vis, ir));
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("street");
        assertThat(vm.session().resultProperty().get()).isNotNull();
    }

    @Test
    void aDroppedFolderFillsTheListAndTheKeyboardBrowsesIt(FxRobot robot) {
        TestPairs.msrs(dir.resolve("set"));
        TestPairs.roadscene(dir.resolve("set"));
        robot.interact(() -> SyntheticDrop.drop(window.root(), List.of(dir.resolve("set"))));
        assertThat(vm.pairList().pairs()).extracting(InputPair::name).containsExactly("00001D", "FLIR_00006");
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("00001D");

        robot.clickOn("#pair-list");
        robot.type(KeyCode.DOWN);
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("FLIR_00006");
        assertThat(vm.session().inputProperty().get().width()).isEqualTo(500);
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("00001D");
    }

    @Test
    void aSliderChangeRerunsInferenceWithTheNewSetting(FxRobot robot) {
        loadMsrs(robot);
        Image densityBefore = vm.panels().imageProperty(Panel.DENSITY).get();

        robot.interact(() -> robot.lookup("#slider-omega").queryAs(Slider.class).setValue(0.6));

        assertThat(t.method.calls()).hasSize(2);
        assertThat(t.method.calls().get(1).omega()).isEqualTo(0.6);
        assertThat(vm.panels().imageProperty(Panel.DENSITY).get()).isNotSameAs(densityBefore);

        robot.interact(() -> vm.session().autoRunProperty().set(false));
        robot.interact(() -> robot.lookup("#slider-assist").queryAs(Slider.class).setValue(1.5));
        assertThat(t.method.calls()).hasSize(2);
        robot.clickOn("#run-button");
        assertThat(t.method.calls()).hasSize(3);
        assertThat(t.method.calls().get(2).infraredAssist()).isEqualTo(1.5);
    }

    @Test
    void zoomIsSharedAndTheReadoutShowsEveryPanelsValue(FxRobot robot) {
        loadMsrs(robot);
        double fit = vm.viewer().zoom();
        robot.clickOn("#zoom-in");
        assertThat(vm.viewer().zoom()).isGreaterThan(fit);
        robot.clickOn("#zoom-100");
        assertThat(vm.viewer().zoom()).isEqualTo(1);
        robot.clickOn("#zoom-fit");
        assertThat(vm.viewer().zoom()).isEqualTo(fit);

        robot.moveTo(window.viewerPane().panel(Panel.FUSED).canvas());
        assertThat(vm.viewer().cursorXProperty().get()).isBetween(0, 127);
        assertThat(robot.lookup("#cursor-readout").queryAs(Label.class).getText()).startsWith("x ");
        for (Panel p : Panel.values()) {
            assertThat(vm.panels().panelValueProperty(p).get()).as(p.title()).matches("[0-9.]+( [0-9.]+ [0-9.]+)?");
        }
    }

    @Test
    void layoutSwitchesToGridAndCompare(FxRobot robot) {
        loadMsrs(robot);
        robot.clickOn("#layout-grid");
        assertThat(vm.viewer().layoutProperty().get()).isEqualTo(PanelLayout.GRID);
        robot.clickOn("#layout-compare");
        assertThat(vm.viewer().layoutProperty().get()).isEqualTo(PanelLayout.COMPARE);
        robot.interact(() -> robot.lookup("#compare-split").queryAs(Slider.class).setValue(0.25));
        assertThat(vm.viewer().splitProperty().get()).isEqualTo(0.25);
        assertThat(robot.lookup("#compare-canvas").tryQuery()).isPresent();
    }

    @Test
    void keyboardShortcutsRunZoomAndBrowse(FxRobot robot) {
        TestPairs.msrs(dir.resolve("set"));
        TestPairs.roadscene(dir.resolve("set"));
        robot.interact(() -> vm.pairList().addFiles(List.of(dir.resolve("set"))));
        robot.clickOn("#status");
        int runs = t.method.calls().size();

        robot.push(KeyCode.CONTROL, KeyCode.R);
        assertThat(t.method.calls()).hasSize(runs + 1);
        robot.push(KeyCode.F5);
        assertThat(t.method.calls()).hasSize(runs + 2);

        double fit = vm.viewer().zoom();
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(vm.viewer().zoom()).isGreaterThan(fit);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(vm.viewer().zoom()).isEqualTo(1);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(vm.viewer().zoom()).isEqualTo(fit);

        robot.push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("FLIR_00006");
        robot.push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        assertThat(vm.pairList().selectedProperty().get().name()).isEqualTo("00001D");
    }
}
