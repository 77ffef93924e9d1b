package org.hazefuse.training;

import java.time.Duration;

/** Receives progress of a training run; the CLI draws a progress bar from it, the GUI a chart. */
public interface TrainingListener {
    /**
     * After each optimizer step.
     *
     * @param samplesPerSecond throughput over the recent steps
     * @param eta estimated time to the end of the run
     */
    record StepEvent(long step, long totalSteps, float learningRate, float loss, float dehaze, float intensity,
            float gradient, double samplesPerSecond, Duration eta) {}

    /** After a validation on whole frames: dehazed vs clear PSNR (dB) and SSIM, and the mean loss. */
    record ValidationEvent(long step, double psnr, double ssim, double loss) {}

    default void onStep(StepEvent event) {}

    default void onValidation(ValidationEvent event) {}

    default void onCheckpoint(long step, java.nio.file.Path file) {}
}
