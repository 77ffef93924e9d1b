package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.testing.FakeDialogService;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.training.TrainingViewModel;
import org.hazefuse.method.FusionResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * End to end on a real window (GTK under Xvfb, not headless Monocle) with the production services and the shipped
 * model: open a pair through File → Open pair, drag the ω slider with the mouse, export a figure through the menu.
 * Only the file dialogs answer from the test (a native file chooser cannot be driven). Not part of the default
 * build: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -pl core-model,app -Preal-window test
 * -Dtest=RealWindowTest -Dsurefire.failIfNoSpecifiedTests=false} (.ci/run does this).
 */
@Tag("real-window")
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class RealWindowTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private final java.util.prefs.Preferences prefs =
            java.util.prefs.Preferences.userRoot().node("org/hazefuse/gui-test/" + java.util.UUID.randomUUID());
    private ViewModels vm;
    private GuiServices services;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        GuiServices production = HazeFuseApp.productionServices(dialogs);
        // Production threads, reader, catalog, metrics and writer; dialogs from the test; settings thrown away.
        services = new GuiServices(production.executor(), production.ioExecutor(), production.debouncer(),
                production.uiThread(), dialogs, production.reader(), production.methods(), production.haze(),
                production.metrics(), production.writer(), production.trainer(), production.published(),
                new org.hazefuse.gui.prefs.AppSettings(prefs));
        vm = new ViewModels(services, org.hazefuse.method.DensitySettings.DEFAULT);
        MainWindow window = new MainWindow(vm, new TrainingViewModel(services.trainer(), dialogs, services.uiThread(),
                () -> vm.session().modelProperty().get(), List::of), dialogs);
        stage.setScene(new Scene(window.root(), 1500, 900));
        stage.setTitle("HazeFuse (real window test)");
        stage.show();
    }

    @Test
    void openAPairMoveASliderExportAFigure(FxRobot robot) throws Exception {
        InputPair pair = TestPairs.roadscene(dir.resolve("pairs"));
        dialogs.openImagesAnswer = List.of(pair.visible(), pair.infrared());
        robot.clickOn("File").clickOn("Open pair…");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.session().resultProperty().get() != null);
        FusionResult first = vm.session().resultProperty().get();
        assertThat(vm.session().inputProperty().get().width()).isEqualTo(500);

        // Drag the ω thumb to the left with the mouse: less haze removed, so the model runs again.
        Slider omega = robot.lookup("#slider-omega").queryAs(Slider.class);
        Node thumb = omega.lookup(".thumb");
        Bounds track = omega.localToScreen(omega.getLayoutBounds());
        robot.drag(thumb, MouseButton.PRIMARY).moveTo(track.getMinX() + track.getWidth() * 0.3,
                track.getMinY() + track.getHeight() / 2).release(MouseButton.PRIMARY);
        assertThat(vm.density().settings().omega()).isLessThan(0.8);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.session().resultProperty().get() != first
                && !vm.run().runningProperty().get());
        screenshot("real-window.png");

        for (String name : new String[] {"figure.svg", "figure.png"}) {
            dialogs.fileAnswer = Optional.of(dir.resolve("out").resolve(name));
            robot.clickOn("File").clickOn("Export figure (PNG or SVG)…");
            Path file = dir.resolve("out").resolve(name);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file));
        }
        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.readString(dir.resolve("out/figure.svg"))).contains("<svg", ">Haze density</text>");
        BufferedImage png = ImageIO.read(dir.resolve("out/figure.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(2000);
        prefs.removeNode();
    }

    /**
     * A real 1280×1024 LLVIP frame (../shared/data/llvip beside the repository): a marked reduced preview first,
     * then the full-resolution result in its place, as a user sees them (snapshots to target/screenshots/).
     */
    @Test
    void aLargeFrameShowsAPreviewThenTheFullResult(FxRobot robot) throws Exception {
        Path llvip = sharedData("llvip");
        dialogs.openImagesAnswer = List.of(llvip.resolve("vis/010001.jpg"), llvip.resolve("ir/010001.jpg"));
        boolean[] previewSeen = {false};
        vm.session().previewProperty().addListener((o, was, is) -> previewSeen[0] |= is);
        robot.clickOn("File").clickOn("Open pair…");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().previewProperty().get());
        snapshot(robot, "large-frame-preview.png");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !vm.session().previewProperty().get()
                && vm.session().resultProperty().get() != null && !vm.run().runningProperty().get());
        snapshot(robot, "large-frame-full.png");
        assertThat(previewSeen[0]).isTrue();
        assertThat(vm.session().resultProperty().get().fused().width()).isEqualTo(1280);
        assertThat(dialogs.errors).isEmpty();
        prefs.removeNode();
    }

    private static Path sharedData(String dataset) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/data").resolve(dataset))) {
                return d.resolve("shared/data").resolve(dataset);
            }
        }
        throw new AssertionError("shared/data/" + dataset + " not found beside the repository");
    }

    /** The window's scene as JavaFX draws it, to target/screenshots/. */
    private void snapshot(FxRobot robot, String name) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null))
                .get(30, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    /** The X screen as ImageMagick sees it, when {@code import} is installed, to target/screenshots/. */
    private static void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        try {
            Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // no ImageMagick: the test stands without its picture
        }
    }
}
