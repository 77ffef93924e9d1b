package org.hazefuse.gui.task;

import java.util.concurrent.CancellationException;

/** Runs each task to completion on the calling thread: deterministic view model and UI tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.call(task::progressed, () -> false);
        } catch (CancellationException e) {
            task.cancelled();
            return TaskHandle.DONE;
        } catch (Exception | LinkageError e) {
            task.failed(e);
            return TaskHandle.DONE;
        }
        task.succeeded(result);
        return TaskHandle.DONE;
    }

    @Override
    public void shutdown() {
    }
}
