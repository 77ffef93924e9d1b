package org.hazefuse.gui.task;

import java.util.Objects;
import java.util.function.Consumer;
import org.hazefuse.method.CancelSignal;

/**
 * A unit of background work plus what to do with its outcome. The work runs on a worker thread (or the
 * calling thread in tests, see {@link CurrentThreadTaskExecutor}); every callback runs on the JavaFX
 * application thread in production, so view models may update their properties from them directly.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {

    /** The work itself: pure computation plus progress reports; it polls {@code cancel} between stages. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress, CancelSignal cancel) throws Exception;
    }

    /** Progress reports from inside the work; any thread. */
    @FunctionalInterface
    public interface Progress {
        /** @param fraction in [0, 1], or negative for "unknown" */
        void update(double fraction, String message);
    }

    /** A progress report as delivered to the UI thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(double fraction, String message);
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private ProgressListener onProgress = (f, m) -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onProgress(ProgressListener action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    public String title() {
        return title;
    }

    T call(Progress progress, CancelSignal cancel) throws Exception {
        return work.call(progress, cancel);
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }

    void progressed(double fraction, String message) {
        onProgress.onProgress(fraction, message);
    }
}
