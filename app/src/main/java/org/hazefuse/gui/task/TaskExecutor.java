package org.hazefuse.gui.task;

/**
 * Runs {@link BackgroundTask}s. Production uses {@link FxTaskExecutor} (JavaFX {@code Task}s on a worker pool,
 * callbacks on the application thread); tests use {@link CurrentThreadTaskExecutor}, so a view model test
 * sees the outcome as soon as {@code execute} returns.
 */
public interface TaskExecutor {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Stops the workers; running work is asked to cancel. */
    void shutdown();
}
