package org.hazefuse.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.hazefuse.gui.adapters.CoreFineTuner;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.testing.FakeDialogService;
import org.hazefuse.gui.testing.TestPairs;
import org.hazefuse.model.iassf.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A few real fine-tuning steps of the {@code tiny} configuration on the loaded pairs, through the panel and core's
 * {@code FineTuning}.
 */
@ExtendWith(ApplicationExtension.class)
class CoreTrainingPaneTest {
    @TempDir
    static Path dir;

    private final FakeDialogService dialogs = new FakeDialogService();
    private TrainingViewModel vm;
    private TrainingPane pane;

    @Start
    void start(Stage stage) {
        // Two training pairs, two held aside for validation (the last two).
        List<InputPair> loaded = List.of(TestPairs.msrs(dir.resolve("a")), TestPairs.roadscene(dir.resolve("b")),
                TestPairs.msrs(dir.resolve("c")), TestPairs.roadscene(dir.resolve("d")));
        vm = new TrainingViewModel(new CoreFineTuner(dir.resolve("runs")), dialogs, UiThread.FX, () -> "tiny",
                () -> loaded);
        pane = new TrainingPane(vm, dialogs);
        stage.setScene(new Scene(pane, 1000, 600));
        stage.show();
    }

    private void startAndWaitForTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> vm.stateProperty().get() != TrainingState.IDLE && !vm.stateProperty().get().active());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tinyConfigurationStepsFillTheChartAndGiveATunedModel(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.stepsProperty().set(6);
            vm.batchSizeProperty().set(2);
            vm.patchSizeProperty().set(64);
            vm.logLearningRateProperty().set(-3); // as core's TrainerTest
            vm.validateEveryProperty().set(2);
        });
        startAndWaitForTheEnd(robot);

        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        List<XYChart.Series<Number, Number>> series = pane.lossChart().getData();
        assertThat(series).extracting(XYChart.Series::getName).containsExactly("total", "dehaze", "intensity", "gradient");
        assertThat(series.get(0).getData()).hasSize(6);
        assertThat(series.get(0).getData()).allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isFinite());
        assertThat(vm.validations()).isNotEmpty();
        assertThat(vm.validations().get(0).figures()).containsKeys("PSNR (dB)", "SSIM");
        assertThat(vm.tunedWeightsProperty().get()).exists().hasFileName("model.hzf");
        // The same provenance as the train command's weights (TrainCommandTest): the GUI assembles through core.
        assertThat(WeightsFile.readManifest(vm.tunedWeightsProperty().get()).provenance())
                .containsKeys("data", "validation", "haze", "batch", "patch", "steps", "schedule", "loss", "seed")
                .containsEntry("batch", "2").containsEntry("patch", "64").containsEntry("steps", "6");
        org.hazefuse.gui.ScreenshotTest.write(
                WaitForAsyncUtils.waitForAsyncFx(10_000, () -> pane.snapshot(null, null)), "fine-tuning.png");
    }

    @Test
    void fusionOnlyFineTuningLeavesTheOtherPartsFrozen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.stepsProperty().set(2);
            vm.batchSizeProperty().set(1);
            vm.patchSizeProperty().set(64);
            vm.validateEveryProperty().set(2);
        });
        robot.clickOn("#train-fusion-only");
        assertThat(vm.fusionOnlyProperty().get()).isTrue();
        startAndWaitForTheEnd(robot);

        assertThat(dialogs.errors).isEmpty();
        assertThat(WeightsFile.readManifest(vm.tunedWeightsProperty().get()).provenance())
                .containsEntry("trained", "fusion (the other parts as initialised)");
    }
}
