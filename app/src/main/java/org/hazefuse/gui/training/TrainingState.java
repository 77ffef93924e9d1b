package org.hazefuse.gui.training;

/** Where a fine-tuning run is. */
public enum TrainingState {
    IDLE, RUNNING, PAUSED, FINISHED, CANCELLED, FAILED;

    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
