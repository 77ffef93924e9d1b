package org.hazefuse.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.hazefuse.gui.adapters.CorePublishedWeights;
import org.hazefuse.gui.inference.PublishedWeights;
import org.hazefuse.gui.prefs.AppSettings;
import org.hazefuse.gui.testing.ParityCheckpoint;
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
 * The model list of issue 13: trained models first and never an untrained default, the notice across the output
 * panels while an untrained configuration is selected, and Model → Import published IASSF weights (the real
 * import of the parity fixture's checkpoint, a hostile file), remembered across a restart.
 */
@ExtendWith(ApplicationExtension.class)
class ModelListTest {
    private final TestServices t = new TestServices();
    private ViewModels vm;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        t.methods = ModelChoiceTest.provider(t, ModelChoiceTest.KINDS);
        t.published = new CorePublishedWeights(dir.resolve("home").resolve("weights"));
        vm = new ViewModels(t.services(), DensitySettings.DEFAULT);
        window = newWindow(vm);
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    private ViewModels restart() {
        SessionSettings settings = new SessionSettings(new AppSettings(t.prefs));
        ViewModels restarted = new ViewModels(t.services(), settings.density());
        settings.restore(restarted);
        return restarted;
    }

    private MainWindow newWindow(ViewModels models) {
        TrainingViewModel training = new TrainingViewModel(t.trainer, t.dialogs, t.uiThread,
                () -> models.session().modelProperty().get(), () -> List.copyOf(models.pairList().pairs()));
        return new MainWindow(models, training, t.dialogs);
    }

    // ---- the notice on the panels ----------------------------------------------------------------------------

    @Test
    void anUntrainedModelSaysSoAcrossTheOutputPanelsAndATrainedOneDoesNot(FxRobot robot) {
        var pair = TestPairs.msrs(dir);
        robot.interact(() -> vm.pairList().addFiles(List.of(pair.visible(), pair.infrared())));
        robot.interact(() -> vm.session().modelProperty().set("paper"));
        WaitForAsyncUtils.waitForFxEvents();

        for (Panel p : List.of(Panel.DEHAZED, Panel.DENSITY, Panel.FUSED)) {
            Label notice = window.viewerPane().panel(p).noticeLabel();
            assertThat(notice.isVisible()).as(p.title()).isTrue();
            assertThat(notice.getText()).startsWith("Untrained: random weights — results are meaningless.")
                    .contains("Import the published IASSF weights (Model menu)");
            assertThat(notice.getHeight()).as(p.title()).isPositive();
        }
        for (Panel p : List.of(Panel.VISIBLE, Panel.INFRARED)) {
            assertThat(window.viewerPane().panel(p).noticeLabel().isVisible()).as(p.title()).isFalse();
        }
        robot.interact(() -> vm.viewer().layoutProperty().set(PanelLayout.COMPARE));
        assertThat(robot.lookup("#compare-notice").queryAs(Label.class).isVisible()).isTrue();
        assertThat(ScreenshotTest.clippedLabels(window.root())).isEmpty();

        robot.interact(() -> vm.session().modelProperty().set("lite"));
        assertThat(robot.lookup("#compare-notice").queryAs(Label.class).isVisible()).isFalse();
        robot.interact(() -> vm.viewer().layoutProperty().set(PanelLayout.GRID));
        for (Panel p : Panel.values()) {
            assertThat(window.viewerPane().panel(p).noticeLabel().isVisible()).as(p.title()).isFalse();
        }
        assertThat(vm.models().outputNoticeProperty().get()).isEmpty();
    }

    // ---- importing the published weights ---------------------------------------------------------------------

    @Test
    void theModelMenuOffersOpenAndImport() {
        assertThat(menu("Model").getItems()).extracting(MenuItem::getText)
                .containsExactly("Open weights file…", "Import published IASSF weights…");
    }

    @Test
    void importedPublishedWeightsAreListedFirstByNameSelectedAndRememberedAfterARestart(FxRobot robot) {
        Path checkpoint = ParityCheckpoint.require();
        Path target = t.published.file();
        t.dialogs.fileAnswer = Optional.of(checkpoint);

        robot.interact(() -> menuItem("Model", "Import published IASSF weights…").fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(t.dialogs.errors).isEmpty();
        assertThat(target).isRegularFile().startsWith(dir.resolve("home").resolve("weights"));
        assertThat(vm.session().modelNames()).first().isEqualTo(target.toString());
        assertThat(vm.session().modelProperty().get()).isEqualTo(target.toString());
        assertThat(vm.models().untrainedProperty().get()).isFalse();
        assertThat(vm.models().importingProperty().get()).isFalse();
        assertThat(vm.session().statusProperty().get()).contains("IASSF (published weights) is selected");
        assertThat(modelBoxText(window)).isEqualTo(PublishedWeights.LABEL);
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#model-chooser").queryAs(ComboBox.class);
        assertThat(box.getTooltip().getText()).contains(target.toString());

        // Exit and start again: the file is listed and selected again, by its label.
        new SessionSettings(new AppSettings(t.prefs)).save(vm, null);
        ViewModels restarted = restart();
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            second[0] = newWindow(restarted);
            stage.setScene(new Scene(second[0].root(), 1400, 850));
        });
        assertThat(restarted.session().modelNames()).first().isEqualTo(target.toString());
        assertThat(restarted.session().modelProperty().get()).isEqualTo(target.toString());
        assertThat(modelBoxText(second[0])).isEqualTo(PublishedWeights.LABEL);

        // Importing again asks before replacing; declined, nothing is imported.
        long modified = target.toFile().lastModified();
        t.dialogs.confirmAnswer = false;
        robot.interact(restarted.models()::importPublishedWeights);
        assertThat(t.dialogs.questions).singleElement().satisfies(q -> assertThat(q.text()).contains(target.toString()));
        assertThat(target.toFile().lastModified()).isEqualTo(modified);
        assertThat(t.dialogs.errors).isEmpty();
    }

    @Test
    void aHostileCheckpointGivesAOneLineErrorAndAddsNothing(FxRobot robot) throws IOException {
        Path hostile = hostileCheckpoint(dir.resolve("IASSF.pth"));
        t.dialogs.fileAnswer = Optional.of(hostile);
        List<String> before = List.copyOf(vm.session().modelNames());

        robot.interact(() -> menuItem("Model", "Import published IASSF weights…").fire());

        assertThat(t.dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not import the weights");
            assertThat(e.text()).contains(hostile.toString()).contains("posix.system").doesNotContain("\n", "\r");
        });
        assertThat(vm.session().modelNames()).containsExactlyElementsOf(before);
        assertThat(vm.session().modelProperty().get()).isEqualTo("lite");
        assertThat(t.published.file()).doesNotExist();
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(vm.models().importingProperty().get()).isFalse();
    }

    /** A torch.save-like zip whose pickle calls {@code posix.system("touch …")} when Python loads it. */
    private static Path hostileCheckpoint(Path file) throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2});
        pickle.write("cposix\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] command = ("touch " + file.resolveSibling("pwned")).getBytes(StandardCharsets.UTF_8);
        pickle.write('X');
        pickle.write(new byte[] {(byte) command.length, 0, 0, 0});
        pickle.write(command);
        pickle.write(new byte[] {(byte) 0x85, 'R', '.'});
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle.toByteArray());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return file;
    }

    private Menu menu(String text) {
        MenuBar bar = (MenuBar) window.root().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    private MenuItem menuItem(String menu, String text) {
        return menu(menu).getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String modelBoxText(MainWindow w) {
        Node box = w.root().lookup("#model-chooser");
        return ((ListCell<String>) ((ComboBox<String>) box).getButtonCell()).getText();
    }
}
