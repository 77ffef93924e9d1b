package org.hazefuse.gui.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hazefuse.gui.training.Trainer;
import org.hazefuse.gui.training.TrainingConfig;
import org.hazefuse.gui.training.TrainingListener;
import org.hazefuse.gui.training.TrainingProgress;
import org.hazefuse.gui.training.TrainingRun;
import org.hazefuse.gui.training.ValidationFigures;

/**
 * A tiny trainer on its own thread: a decaying loss with two parts per step, validation figures every
 * {@code validateEvery} steps. Pause blocks between steps; cancel ends after the current step.
 */
public final class FakeTrainer implements Trainer {
    /** What {@link #estimate} answers; null for "cannot tell in advance". */
    public volatile Duration estimate = Duration.ofSeconds(5);
    public volatile TrainingConfig lastConfig;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public java.util.Optional<Duration> estimate(TrainingConfig config) {
        return java.util.Optional.ofNullable(estimate);
    }

    @Override
    public TrainingRun start(TrainingConfig config, TrainingListener listener) {
        lastConfig = config;
        Control control = new Control();
        Thread thread = new Thread(() -> {
            int step = 0;
            try {
                while (step < config.steps() && !control.cancelled) {
                    control.awaitResume();
                    if (control.cancelled) {
                        break;
                    }
                    step++;
                    double pixel = 1.0 / step;
                    double ssim = 0.5 / step;
                    Map<String, Double> parts = new LinkedHashMap<>();
                    parts.put("pixel", pixel);
                    parts.put("ssim", ssim);
                    listener.progress(new TrainingProgress(step, config.steps(), pixel + ssim, parts, 10.0,
                            Duration.ofSeconds(config.steps() - step)));
                    if (step % config.validateEvery() == 0) {
                        listener.validation(new ValidationFigures(step, Map.of("PSNR", 20.0 + step)));
                    }
                    Thread.sleep(5);
                }
                listener.finished(step, control.cancelled,
                        control.cancelled ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of("tuned.hzf")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.failed(e);
            }
        }, "fake-trainer");
        thread.setDaemon(true);
        thread.start();
        return control;
    }

    private static final class Control implements TrainingRun {
        private volatile boolean paused;
        private volatile boolean cancelled;

        synchronized void awaitResume() throws InterruptedException {
            while (paused && !cancelled) {
                wait(50);
            }
        }

        @Override
        public synchronized void pause() {
            paused = true;
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
    }
}
