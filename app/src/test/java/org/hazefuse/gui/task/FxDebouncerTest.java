package org.hazefuse.gui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The auto-run debouncer: a burst of slider events gives one run, with the last value. */
class FxDebouncerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBurstRunsOnlyTheLastActionOnce() throws Exception {
        List<Integer> ran = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            FxDebouncer debouncer = new FxDebouncer(Duration.millis(1500));
            for (int i = 1; i <= 5; i++) {
                int value = i;
                debouncer.schedule(() -> ran.add(value));
            }
        }).get(5, TimeUnit.SECONDS);
        assertThat(ran).isEmpty();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ran.isEmpty());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).containsExactly(5);
    }
}
