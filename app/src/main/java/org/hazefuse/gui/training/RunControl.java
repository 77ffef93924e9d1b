package org.hazefuse.gui.training;

/**
 * The pause/resume/cancel state of one fine-tuning run, shared by the UI thread (which asks) and the tuner's thread
 * (which checks between steps). A pause asks the running steps to stop, so the tuner can save a checkpoint and wait.
 */
public class RunControl implements FineTuneHandle {
    private boolean paused;
    private volatile boolean cancelled;
    private volatile boolean stop;

    @Override
    public synchronized void pause() {
        paused = true;
        stop = true;
    }

    @Override
    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** True when the steps in progress should end: a pause or a cancel was asked since the last resume. */
    public boolean stopRequested() {
        return stop || cancelled;
    }

    /** Blocks while paused; false when the run was cancelled (or the thread interrupted) instead of resumed. */
    public synchronized boolean awaitResume() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        stop = false;
        return !cancelled;
    }
}
