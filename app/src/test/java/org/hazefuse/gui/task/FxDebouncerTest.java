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
        FxDebouncer debouncer = WaitForAsyncUtils.asyncFx(() -> {
            FxDebouncer d = new FxDebouncer(Duration.millis(1500));
            for (int i = 1; i <= 5; i++) {
                int value = i;
                d.schedule(() -> ran.add(value));
            }
            return d;
        }).get(5, TimeUnit.SECONDS);
        assertThat(ran).isEmpty();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ran.isEmpty());
        // A later action waits as long as the burst did: once it has run, any leftover of the burst would have too.
        WaitForAsyncUtils.asyncFx(() -> debouncer.schedule(() -> ran.add(0))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ran.contains(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran.subList(0, ran.size() - 1)).containsExactly(5);
    }
}
