package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hazefuse.gui.adapters.CatalogMethodProvider;
import org.hazefuse.gui.adapters.SuiteMetricsService;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.gui.testing.TestServices;
import org.hazefuse.gui.training.TrainingViewModel;
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
 * Renders the main window at 1600×900 with the RoadScene test pair loaded and the catalog's preferred method run
 * to {@code target/screenshots/}, or with {@code -Dhazefuse.screenshots.dir=docs/screenshots} there instead, for the
 * README (see {@link #write}). Also checks
 * that no visible label is cut off ("…") at that size.
 */
@ExtendWith(ApplicationExtension.class)
public class ScreenshotTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private MainWindow window;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The real catalog and metrics: the screenshot shows what a user sees (the shipped lite model).
        t.methods = new CatalogMethodProvider();
        t.metrics = new SuiteMetricsService();
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

    @Test
    void mainWindowWithARealPair(FxRobot robot) throws IOException {
        save(robot, "empty-window.png");
        TestPairs.roadscene(dir.resolve("pairs"));
        TestPairs.msrs(dir.resolve("pairs"));
        robot.interact(() -> vm.pairList().addFiles(List.of(dir.resolve("pairs"))));
        robot.interact(() -> vm.pairList().selectedProperty().set(vm.pairList().pairs().stream()
                .filter(p -> p.name().equals("FLIR_00006")).findFirst().orElseThrow()));
        robot.moveTo(window.viewerPane().panel(Panel.DENSITY).canvas());
        assertThat(vm.session().inputProperty().get().width()).isEqualTo(500);
        assertThat(vm.session().resultProperty().get()).isNotNull();
        assertThat(vm.session().metrics()).isNotEmpty();

        save(robot, "main-window.png");
        assertThat(clippedLabels(window.root())).isEmpty();

        robot.interact(() -> vm.viewer().layoutProperty().set(PanelLayout.ROW));
        robot.moveTo(window.viewerPane().panel(Panel.FUSED).canvas());
        save(robot, "main-window-row.png");
        assertThat(clippedLabels(window.root())).isEmpty();

        robot.interact(() -> {
            vm.viewer().layoutProperty().set(PanelLayout.COMPARE);
            vm.haze().enabledProperty().set(true);
        });
        save(robot, "compare-synthetic-haze.png");
        assertThat(clippedLabels(window.root())).isEmpty();

        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clippedLabels(window.root())).as("fine-tuning tab").isEmpty();
        robot.interact(() -> window.tabs().getSelectionModel().select(0));

        // A small laptop screen: still nothing cut off.
        robot.interact(() -> {
            vm.viewer().layoutProperty().set(PanelLayout.GRID);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clippedLabels(window.root())).isEmpty();
    }

    private void save(FxRobot robot, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage snap = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.root().snapshot(null, null));
        assertThat(snap.getWidth()).isEqualTo(1600);
        write(snap, name);
    }

    /**
     * Writes a snapshot to {@code target/screenshots}, or, when asked with {@code -Dhazefuse.screenshots.dir=DIR}
     * (relative to the repository root, e.g. {@code docs/screenshots}; {@code -Dhazefuse.updateScreenshots=true}
     * is short for that one), to {@code DIR} instead. A plain test run never touches the sources.
     */
    public static void write(WritableImage snap, String name) throws IOException {
        var image = SwingFXUtils.fromFXImage(snap, null);
        Path folder = screenshotFolder();
        Files.createDirectories(folder);
        ImageIO.write(image, "png", folder.resolve(name).toFile());
    }

    private static Path screenshotFolder() {
        String asked = System.getProperty("hazefuse.screenshots.dir",
                Boolean.getBoolean("hazefuse.updateScreenshots") ? "docs/screenshots" : "");
        if (asked.isBlank()) {
            return Path.of("target", "screenshots");
        }
        Path repository = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
        return repository.resolve(asked);
    }

    /** Visible labelled controls whose rendered text differs from their text: clipped with an ellipsis. */
    static List<String> clippedLabels(Parent root) {
        List<String> clipped = new ArrayList<>();
        for (Node n : root.lookupAll("*")) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && n.isVisible()
                    && n.getScene() != null && treeVisible(n)) {
                for (Node child : l.getChildrenUnmodifiable()) {
                    if (child instanceof Text text && !text.getText().equals(l.getText())
                            && text.getText().endsWith(l.getTextOverrun() == javafx.scene.control.OverrunStyle.CLIP ? "" : l.getEllipsisString())) {
                        clipped.add(l.getText() + " -> " + text.getText());
                    }
                }
            }
        }
        return clipped;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
