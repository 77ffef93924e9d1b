package org.hazefuse.gui.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hazefuse.gui.MainWindow;
import org.hazefuse.gui.ScreenshotTest;
import org.hazefuse.gui.ViewModels;
import org.hazefuse.gui.display.ColorMap;
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

/**
 * What Fiji and napari users expect of the viewer (issue 16): per-panel display range and lookup table with a
 * histogram, density colour maps with a ticked colour bar, a line profile across all panels, region metrics and a
 * figure export. Driven through the controls with the fake method; screenshots for docs/gui.md.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerFeaturesTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        window = new MainWindow(vm, new TrainingViewModel(t.trainer, t.dialogs, t.uiThread,
                () -> vm.session().modelProperty().get(), () -> List.copyOf(vm.pairList().pairs())), t.dialogs);
        stage.setScene(new Scene(window.root(), 1600, 900));
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    private void loadRoadScene(FxRobot robot) {
        InputPair pair = TestPairs.roadscene(dir);
        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));
    }

    private int centreArgb(Panel p) {
        Image img = vm.panels().imageProperty(p).get();
        return img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2);
    }

    @Test
    void eachPanelHasItsOwnRangeAndGrayPanelsALookupTable(FxRobot robot) throws IOException {
        loadRoadScene(robot);
        int visibleBefore = centreArgb(Panel.VISIBLE);
        int fusedBefore = centreArgb(Panel.FUSED);

        // Contrast on the visible panel only: a narrower range brightens its mid-tones, the others stay.
        @SuppressWarnings("unchecked")
        ComboBox<Panel> panel = robot.lookup("#display-panel").queryAs(ComboBox.class);
        robot.interact(() -> panel.setValue(Panel.VISIBLE));
        assertThat(vm.panels().display().histogramProperty().get().total()).isEqualTo(500L * 329);
        robot.interact(() -> robot.lookup("#display-max").queryAs(Slider.class).setValue(0.6));
        assertThat(centreArgb(Panel.VISIBLE)).isNotEqualTo(visibleBefore);
        assertThat(centreArgb(Panel.FUSED)).isEqualTo(fusedBefore);
        assertThat(vm.panels().display().settings(Panel.VISIBLE).max()).isEqualTo(0.6);

        // The lookup table applies to the one-channel infrared panel, not to colour ones.
        @SuppressWarnings("unchecked")
        ComboBox<ColorMap> lut = robot.lookup("#display-lut").queryAs(ComboBox.class);
        assertThat(lut.isDisabled()).isTrue();
        robot.interact(() -> panel.setValue(Panel.INFRARED));
        assertThat(lut.isDisabled()).isFalse();
        robot.interact(() -> lut.setValue(ColorMap.VIRIDIS));
        int ir = centreArgb(Panel.INFRARED);
        assertThat((ir >> 16) & 0xff).as("viridis is not gray").isNotEqualTo(ir & 0xff);

        robot.clickOn("#display-auto");
        assertThat(vm.panels().display().settings(Panel.INFRARED).max()).isLessThanOrEqualTo(1.0);
        ScreenshotTest.write(WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.root().snapshot(null, null)),
                "display-controls.png");
    }

    @Test
    void theDensityMapTakesAColourMapAndTheColourBarIsLabelled(FxRobot robot) {
        loadRoadScene(robot);
        @SuppressWarnings("unchecked")
        ComboBox<Panel> panel = robot.lookup("#display-panel").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ColorMap> lut = robot.lookup("#display-lut").queryAs(ComboBox.class);
        robot.interact(() -> panel.setValue(Panel.DENSITY));
        assertThat(lut.getValue()).isEqualTo(ColorMap.INFERNO);
        assertThat(lut.getItems()).containsExactly(ColorMap.GRAY, ColorMap.INFERNO, ColorMap.VIRIDIS);
        assertThat(ColorBar.tickLabels(vm.panels().display().settings(Panel.DENSITY)))
                .containsExactly("1.00", "0.75", "0.50", "0.25", "0.00");

        robot.interact(() -> lut.setValue(ColorMap.GRAY));
        int gray = centreArgb(Panel.DENSITY);
        assertThat((gray >> 16) & 0xff).isEqualTo(gray & 0xff);
        robot.interact(() -> robot.lookup("#display-max").queryAs(Slider.class).setValue(0.5));
        assertThat(ColorBar.tickLabels(vm.panels().display().settings(Panel.DENSITY)))
                .containsExactly("0.50", "0.38", "0.25", "0.13", "0.00");
    }

    @Test
    void aLineDrawnOnAnyPanelShowsTheProfileOfAllFive(FxRobot robot) throws IOException {
        loadRoadScene(robot);
        robot.clickOn("#tool-line");
        ImageCanvas canvas = window.viewerPane().panel(Panel.DEHAZED).canvas();
        Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
        robot.drag(b.getMinX() + b.getWidth() * 0.2, b.getMinY() + b.getHeight() * 0.5, MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() * 0.8, b.getMinY() + b.getHeight() * 0.5).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        ImageLine line = vm.viewer().lineProperty().get();
        assertThat(line).isNotNull();
        assertThat(line.length()).isGreaterThan(200);
        assertThat(vm.profile().series()).extracting(ProfileViewModel.Series::panel).containsExactly(Panel.values());
        assertThat(robot.lookup("#analysis-pane").query().isVisible()).isTrue();
        AnalysisPane analysis = robot.lookup("#analysis-pane").queryAs(AnalysisPane.class);
        assertThat(analysis.chart().getData()).hasSize(5);
        assertThat(analysis.chart().getData().get(0).getData()).hasSizeGreaterThan(200);
        ScreenshotTest.write(WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.root().snapshot(null, null)),
                "line-profile.png");

        robot.clickOn("#clear-shapes");
        assertThat(vm.viewer().lineProperty().get()).isNull();
        assertThat(vm.profile().series()).isEmpty();
    }

    @Test
    void aRegionGetsItsOwnMetrics(FxRobot robot) {
        loadRoadScene(robot);
        double whole = vm.session().metrics().get(0).value();
        robot.clickOn("#tool-rectangle");
        ImageCanvas canvas = window.viewerPane().panel(Panel.FUSED).canvas();
        Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
        double top = b.getMinY() + b.getHeight() / 2 - vm.viewer().zoom() * 329 / 2;
        // The top rows of the frame (sky): a region whose mean density differs from the frame's.
        robot.drag(b.getMinX() + b.getWidth() * 0.1, top + 2, MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() * 0.5, top + vm.viewer().zoom() * 80).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        ImageRect region = vm.viewer().regionProperty().get();
        assertThat(region).isNotNull();
        assertThat(region.width()).isGreaterThan(100);
        assertThat(robot.lookup("#metrics-scope").queryAs(Label.class).getText()).startsWith("Region " + region);
        assertThat(vm.session().metrics()).isNotEmpty();
        assertThat(vm.session().metrics().get(0).value()).isNotEqualTo(whole);
        assertThat(t.method.calls()).as("no new run for a region").hasSize(1);

        robot.interact(() -> vm.viewer().clearShapes());
        assertThat(vm.session().metrics().get(0).value()).isEqualTo(whole);
        assertThat(robot.lookup("#metrics-scope").queryAs(Label.class).getText()).startsWith("Whole frame");
    }

    @Test
    void theViewIsExportedAsAFigureInPngAndSvg(FxRobot robot) throws IOException {
        loadRoadScene(robot);
        robot.interact(() -> vm.panels().display().settingsProperty(Panel.DENSITY)
                .set(vm.panels().display().settings(Panel.DENSITY).withColorMap(ColorMap.VIRIDIS)));

        Path png = dir.resolve("out/figure.png");
        Path svg = dir.resolve("out/figure.svg");
        robot.interact(() -> {
            vm.figure().exportFigureTo(png);
            vm.figure().exportFigureTo(svg);
        });

        assertThat(t.dialogs.errors).isEmpty();
        BufferedImage figure = ImageIO.read(png.toFile());
        assertThat(figure.getWidth()).isGreaterThan(5 * 400);
        assertThat(figure.getHeight()).isBetween(264, 400);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("<svg");
        assertThat(text.split("<image ", -1)).hasSize(6);
        for (Panel p : Panel.values()) {
            assertThat(text).contains(">" + p.title() + "</text>");
        }
        assertThat(text).contains(">0.50</text>", ">1.00</text>", "url(#bar3)", "FLIR_00006 · fake");
        // The density cell as exported is the viridis view, not the default inferno.
        int viridisLow = ColorMap.VIRIDIS.argb(0) & 0xffffff;
        assertThat(text).contains(String.format("#%06x", viridisLow));
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
        ScreenshotTest.write(javafx.embed.swing.SwingFXUtils.toFXImage(figure, null), "figure-export.png");
    }
}
