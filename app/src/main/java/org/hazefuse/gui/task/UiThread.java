package org.hazefuse.gui.task;

import javafx.application.Platform;

/**
 * Where listener callbacks from foreign threads (the trainer) are re-posted: the JavaFX application thread in
 * production, the calling thread in tests.
 */
@FunctionalInterface
public interface UiThread {
    UiThread DIRECT = Runnable::run;
    UiThread FX = action -> {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    };

    void post(Runnable action);
}
