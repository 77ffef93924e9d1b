package org.hazefuse.gui.task;

/** A submitted {@link BackgroundTask}: lets its owner cancel it. */
public interface TaskHandle {
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /** Requests cancellation; the work sees it through its {@code CancelSignal}, the task's cancel callback runs. */
    void cancel();

    boolean isDone();
}
