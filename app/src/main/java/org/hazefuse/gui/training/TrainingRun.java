package org.hazefuse.gui.training;

/** Control of a running fine-tuning job. All calls return at once; the trainer acts between steps. */
public interface TrainingRun {
    void pause();

    void resume();

    void cancel();
}
