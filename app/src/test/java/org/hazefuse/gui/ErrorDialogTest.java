package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hazefuse.gui.viewer.Panel;
import org.hazefuse.gui.dialog.FxDialogService;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.method.DensitySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A corrupt input shows the real error dialog (file and reason, no stack trace) and the window stays usable. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxDialogService dialogs = new FxDialogService(() -> this.stage);
        vm = new ViewModels(t.services(dialogs), DensitySettings.DEFAULT);
        MainWindow window = new MainWindow(vm, new TrainingViewModel(t.trainer, t.dialogs,
                t.uiThread, () -> vm.session().modelProperty().get(), List::of), dialogs);
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    @Test
    void aCorruptFileShowsADialogNamingItAndTheAppStaysUsable(FxRobot robot) throws IOException {
        InputPair good = TestPairs.msrs(dir.resolve("good"));
        Path corruptVis = dir.resolve("bad/broken_vis.png");
        Path ir = dir.resolve("bad/broken_ir.png");
        Files.createDirectories(corruptVis.getParent());
        byte[] png = Files.readAllBytes(good.visible());
        Files.write(corruptVis, Arrays.copyOf(png, 60)); // PNG signature and header, then nothing: truncated
        Files.copy(good.infrared(), ir);

        Platform.runLater(() -> vm.pairList().addFiles(List.of(corruptVis, ir)));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane dialog = dialogPane(robot);
        String text = ((Label) dialog.getContent()).getText();
        assertThat(dialog.getHeaderText()).contains("Cannot open").contains("broken");
        assertThat(text).contains("broken_vis.png").containsAnyOf("decoded", "truncated", "not an image");
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        ScreenshotTest.write(WaitForAsyncUtils.waitForAsyncFx(5000, () -> dialog.snapshot(null, null)), "error-dialog.png");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.listTargetWindows()).hasSize(1);
        assertThat(vm.panels().imageProperty(Panel.VISIBLE).get()).isNull();

        robot.interact(() -> vm.pairList().addFiles(List.of(good.visible(), good.infrared())));
        for (Panel p : Panel.values()) {
            assertThat(vm.panels().imageProperty(p).get()).as(p.title()).isNotNull();
        }
    }

    @Test
    void pairsOfDifferentSizesAreRefusedWithBothSizes(FxRobot robot) {
        InputPair small = TestPairs.msrs(dir.resolve("a"));
        InputPair large = TestPairs.roadscene(dir.resolve("b"));
        Platform.runLater(() -> vm.pairList().addFiles(List.of(small.visible(), large.infrared())));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = dialogPane(robot);
        String text = ((Label) pane.getContent()).getText();
        assertThat(text).contains("FLIR_00006.jpg").contains("500x329").contains("128x128");
        // Not a dead end any more: the dialog offers the resize; declining leaves the pair out.
        assertThat(robot.from(pane).lookup("Resize infrared to visible").tryQuery()).isPresent();
        robot.clickOn(robot.from(pane).lookup("Cancel").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pairList().pairs()).isEmpty();
    }

    private DialogPane dialogPane(FxRobot robot) {
        List<Window> dialogs = robot.listTargetWindows().stream().filter(w -> w != stage).toList();
        assertThat(dialogs).as("an error dialog is open").hasSize(1);
        return (DialogPane) dialogs.get(0).getScene().getRoot();
    }
}
