package org.hazefuse.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The run's CSV logs in its folder, appended across resumes: {@code steps.csv} (one row per step) and
 * {@code validation.csv} (one row per validation).
 */
public final class TrainingLog {
    static final String STEPS = "steps.csv";
    static final String VALIDATION = "validation.csv";
    private final Path steps;
    private final Path validation;

    public TrainingLog(Path runDir) {
        this.steps = runDir.resolve(STEPS);
        this.validation = runDir.resolve(VALIDATION);
    }

    void step(TrainingListener.StepEvent e, double wallSeconds) throws IOException {
        append(steps, "step,wall_seconds,lr,loss,dehaze,intensity,gradient,samples_per_second",
                String.format(Locale.ROOT, "%d,%.1f,%.3e,%.5f,%.5f,%.5f,%.5f,%.3f", e.step(), wallSeconds,
                        e.learningRate(), e.loss(), e.dehaze(), e.intensity(), e.gradient(), e.samplesPerSecond()));
    }

    void validation(TrainingListener.ValidationEvent e) throws IOException {
        append(validation, "step,psnr,ssim,loss",
                String.format(Locale.ROOT, "%d,%.3f,%.4f,%.5f", e.step(), e.psnr(), e.ssim(), e.loss()));
    }

    private static void append(Path file, String header, String row) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append(header).append('\n');
        }
        text.append(row).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
