package org.hazefuse.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.hazefuse.gui.input.InputPair;
import org.hazefuse.gui.task.UiThread;
import org.hazefuse.gui.testing.FakeDialogService;
import org.hazefuse.gui.testing.FakeFineTuner;
import org.hazefuse.service.FineTuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fine-tuning tab against a fake trainer running on its own thread, events re-posted to the FX thread. */
@ExtendWith(ApplicationExtension.class)
class TrainingPaneTest {
    private final FakeFineTuner trainer = new FakeFineTuner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<InputPair> loaded = List.of(new InputPair("p", java.nio.file.Path.of("v.png"),
            java.nio.file.Path.of("i.png")));
    private TrainingViewModel vm;
    private TrainingPane pane;

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(trainer, dialogs, UiThread.FX, () -> "lite", () -> loaded);
        pane = new TrainingPane(vm, dialogs);
        stage.setScene(new Scene(pane, 1000, 600));
        stage.show();
    }

    @Test
    void aFewStepsFillTheLossChartAndTheValidationList(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.stepsProperty().set(6);
            vm.validateEveryProperty().set(2);
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(trainer.lastConfig.pairs()).isEqualTo(loaded.stream().map(InputPair::paths).toList());
        assertThat(trainer.lastConfig.steps()).isEqualTo(6);
        List<XYChart.Series<Number, Number>> series = pane.lossChart().getData();
        assertThat(series).extracting(XYChart.Series::getName).containsExactly("total", "dehaze", "intensity", "gradient");
        assertThat(series.get(0).getData()).hasSize(6);
        assertThat(series.get(0).getData().get(5).getYValue().doubleValue()).isEqualTo(1.5 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.validations()).extracting(ValidationFigures::step).containsExactly(2, 4, 6);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.summaryProperty().get()).startsWith("Finished: 6 steps");
    }

    @Test
    void pauseHoldsTheRunAndCancelEndsIt(FxRobot robot) throws Exception {
        robot.interact(() -> vm.stepsProperty().set(100_000));
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.history().size() >= 2);
        robot.clickOn("Pause");
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.PAUSED);
        robot.clickOn("Resume");
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.RUNNING);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingState.CANCELLED);
        assertThat(vm.summaryProperty().get()).startsWith("Cancelled after");
    }

    @Test
    void longRunsAskFirst(FxRobot robot) throws Exception {
        trainer.estimate = Duration.ofHours(3);
        dialogs.confirmAnswer = false;
        robot.clickOn("#train-start");
        assertThat(dialogs.questions).singleElement().extracting(q -> q.text()).asString().contains("3 h 0 min");
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.IDLE);
        assertThat(trainer.lastConfig).isNull();
    }

    @Test
    void aRunMeasuredToBeLongIsPausedAndCancelledWhenTheUserSaysNo(FxRobot robot) throws Exception {
        trainer.estimate = null; // this trainer cannot tell in advance: the first steps decide
        dialogs.confirmAnswer = false;
        robot.interact(() -> vm.stepsProperty().set(100_000)); // the fake's ETA: 1 s per remaining step
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingState.CANCELLED);

        assertThat(dialogs.questions).singleElement().extracting(q -> q.text()).asString()
                .contains("first 3 steps").contains("27 h");
        assertThat(trainer.awaitEnd(10)).as("the run stopped").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        int steps = vm.history().size();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.history()).as("the run stopped").hasSize(steps);
    }

    @Test
    void datasetFoldersReplaceTheLoadedPairs(FxRobot robot) {
        java.nio.file.Path a = java.nio.file.Path.of("/data/a");
        java.nio.file.Path b = java.nio.file.Path.of("/data/b");
        dialogs.folderAnswer = java.util.Optional.of(a);
        robot.clickOn("Add folder…");
        dialogs.folderAnswer = java.util.Optional.of(b);
        robot.clickOn("Add folder…");

        FineTuning config = vm.config();
        assertThat(config.datasetFolders()).containsExactly(a, b);
        assertThat(config.pairs()).isEmpty();
        robot.clickOn("Train on the loaded pairs");
        assertThat(vm.config().pairs()).isEqualTo(loaded.stream().map(InputPair::paths).toList());
    }
}
