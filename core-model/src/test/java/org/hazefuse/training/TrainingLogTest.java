package org.hazefuse.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {
    @TempDir
    Path run;

    @Test
    void readsWhatTheTrainerLogsAndKeepsTheLastRowOfARepeatedStep() throws IOException {
        TrainingLog log = new TrainingLog(run);
        log.step(new TrainingListener.StepEvent(1, 10, 1e-3f, 0.9f, 0.3f, 0.1f, 0.2f, 2.5, java.time.Duration.ZERO), 1.5);
        log.step(new TrainingListener.StepEvent(2, 10, 1e-3f, 0.8f, 0.3f, 0.1f, 0.2f, 2.5, java.time.Duration.ZERO), 3.0);
        // A run killed after step 2 but checkpointed at step 1 logs step 2 again when resumed.
        log.step(new TrainingListener.StepEvent(2, 10, 1e-3f, 0.7f, 0.3f, 0.1f, 0.2f, 2.5, java.time.Duration.ZERO), 4.0);
        log.validation(new TrainingListener.ValidationEvent(2, 18.5, 0.83, 0.85));

        TrainingLog.History history = TrainingLog.read(run);

        assertThat(history.steps()).extracting(TrainingLog.StepRow::step).containsExactly(1L, 2L);
        assertThat(history.steps().get(1).loss()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(history.validations()).singleElement()
                .satisfies(v -> assertThat(v.psnr()).isEqualTo(18.5));
        assertThat(Files.exists(run.resolve(TrainingLog.STEPS))).isTrue();
    }

    @Test
    void aRunWithoutLogsReadsAsEmpty() {
        TrainingLog.History history = TrainingLog.read(run);
        assertThat(history.steps()).isEmpty();
        assertThat(history.validations()).isEmpty();
    }
}
