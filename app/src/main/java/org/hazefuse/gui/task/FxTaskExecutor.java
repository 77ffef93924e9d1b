package org.hazefuse.gui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs {@link BackgroundTask}s as JavaFX {@link Task}s on daemon worker threads; success, failure, cancel and
 * progress callbacks arrive on the JavaFX application thread.
 *
 * <p>With one thread (the main window's choice) tasks run in submission order, which keeps a method
 * instance, which is not thread-safe, to one call at a time even when a cancelled run is still winding down.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;

    public FxTaskExecutor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Task<T> fxTask = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(task.title());
                return task.call((fraction, message) -> {
                    updateMessage(message == null ? "" : message);
                    updateProgress(fraction < 0 ? -1 : fraction, 1);
                }, this::isCancelled);
            }
        };
        fxTask.progressProperty().addListener((obs, old, now) -> task.progressed(now.doubleValue(), fxTask.getMessage()));
        fxTask.setOnSucceeded(e -> task.succeeded(fxTask.getValue()));
        fxTask.setOnCancelled(e -> task.cancelled());
        fxTask.setOnFailed(e -> {
            Throwable error = fxTask.getException();
            if (error instanceof CancellationException) {
                task.cancelled();
            } else {
                task.failed(error);
            }
        });
        try {
            pool.execute(fxTask);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shut down (the window is closing): late follow-up work of finished tasks is dropped.
            return TaskHandle.DONE;
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                fxTask.cancel(false);
            }

            @Override
            public boolean isDone() {
                return fxTask.isDone();
            }
        };
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
