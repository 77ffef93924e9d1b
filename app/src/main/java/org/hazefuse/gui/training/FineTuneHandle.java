package org.hazefuse.gui.training;

/** Control of a running fine-tuning job. All calls return at once; the tuner acts between steps. */
public interface FineTuneHandle {
    void pause();

    void resume();

    void cancel();
}
