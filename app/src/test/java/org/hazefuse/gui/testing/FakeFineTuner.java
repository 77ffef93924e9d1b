package org.hazefuse.gui.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hazefuse.gui.training.FineTuneHandle;
import org.hazefuse.gui.training.FineTuneListener;
import org.hazefuse.gui.training.FineTuner;
import org.hazefuse.gui.training.RunControl;
import org.hazefuse.gui.training.TrainingProgress;
import org.hazefuse.gui.training.ValidationFigures;
import org.hazefuse.service.FineTuning;

/**
 * A tiny fine-tuner on its own thread: a decaying loss with the parts core's trainer reports (dehaze, intensity,
 * gradient) per step, validation figures under production's names every {@code validateEvery} steps. Pause blocks
 * between steps; cancel ends after the current step.
 */
public final class FakeFineTuner implements FineTuner {
    /** What {@link #estimate} answers; null for "cannot tell in advance". */
    public volatile Duration estimate = Duration.ofSeconds(5);
    public volatile FineTuning lastConfig;
    private volatile CountDownLatch ended = new CountDownLatch(0);

    @Override
    public java.util.Optional<Duration> estimate(FineTuning config) {
        return java.util.Optional.ofNullable(estimate);
    }

    /** Waits until the last started run's thread has sent its last event. */
    public boolean awaitEnd(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public FineTuneHandle start(FineTuning config, FineTuneListener listener) {
        lastConfig = config;
        RunControl control = new RunControl();
        CountDownLatch end = new CountDownLatch(1);
        ended = end;
        Thread thread = new Thread(() -> {
            int step = 0;
            try {
                while (step < config.steps() && control.awaitResume()) {
                    step++;
                    Map<String, Double> parts = new LinkedHashMap<>();
                    parts.put("dehaze", 1.0 / step);
                    parts.put("intensity", 0.3 / step);
                    parts.put("gradient", 0.2 / step);
                    listener.progress(new TrainingProgress(step, config.steps(), 1.5 / step, parts, 10.0,
                            Duration.ofSeconds(config.steps() - step)));
                    if (step % config.validateEvery() == 0) {
                        Map<String, Double> figures = new LinkedHashMap<>();
                        figures.put("PSNR (dB)", 20.0 + step);
                        figures.put("SSIM", 0.5);
                        figures.put("loss", 1.5 / step);
                        listener.validation(new ValidationFigures(step, figures));
                    }
                    Thread.sleep(5);
                }
                listener.finished(step, control.cancelled(),
                        control.cancelled() ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of("tuned.hzf")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.failed(e);
            } finally {
                end.countDown();
            }
        }, "fake-trainer");
        thread.setDaemon(true);
        thread.start();
        return control;
    }
}
