package org.hazefuse.service;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hazefuse.haze.HazeSampler;
import org.hazefuse.io.PairPaths;
import org.hazefuse.loss.FusionLoss;
import org.hazefuse.model.iassf.IassfFamily;
import org.hazefuse.training.TrainingRun;
import org.hazefuse.training.TrainingConfig;

/**
 * A fine-tune as a front end asks for it (the GUI's fine-tuning panel): the model to start from, the data, and the
 * few settings a user picks. {@link #prepare} turns it into the same {@link TrainingRun.Spec} the {@code train}
 * command builds, with the command's defaults for everything else, so both carry the same provenance.
 *
 * @param model a configuration name (from its shipped weights, if any) or a weights file's path
 * @param datasetFolders folders of pairs (vis/ + ir/ layout); may be empty when {@code pairs} is not
 * @param pairs pairs chosen one by one (e.g. those loaded in the viewer)
 * @param steps optimisation steps, ≥ 1
 * @param learningRate peak learning rate, &gt; 0; the cosine schedule ends at a hundredth of it
 * @param batchSize ≥ 1
 * @param patchSize side of the square training crops, ≥ 16
 * @param validateEvery steps between validations, ≥ 1
 * @param fusionOnly update only the fusion network, so the dehazed output stays as it was
 */
public record FineTuning(String model, List<Path> datasetFolders, List<PairPaths> pairs, int steps,
        double learningRate, int batchSize, int patchSize, int validateEvery, boolean fusionOnly) {
    /** Pairs held aside for validation figures when there are enough (the last ones). */
    public static final int VALIDATION_PAIRS = 2;

    public FineTuning {
        Objects.requireNonNull(model, "model");
        datasetFolders = List.copyOf(datasetFolders);
        pairs = List.copyOf(pairs);
        if (datasetFolders.isEmpty() && pairs.isEmpty()) {
            throw new IllegalArgumentException("choose a dataset folder or load some pairs to train on");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (patchSize < 16) {
            throw new IllegalArgumentException("patch size must be at least 16, got " + patchSize);
        }
        if (validateEvery < 1) {
            throw new IllegalArgumentException("validation interval must be at least 1, got " + validateEvery);
        }
    }

    /**
     * Creates a run folder under {@code runsFolder} (named after the time and the model) and assembles the trainer.
     *
     * @throws org.hazefuse.io.BadInputException if the model has no trainable weights or there is nothing to train on
     */
    public TrainingRun.Prepared prepare(Path runsFolder, Device device) throws IOException {
        Path runDir = runsFolder.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + safe(model));
        IassfFamily.Start start = new IassfFamily().trainingStart(model, runDir);
        float lr = (float) learningRate;
        // Checkpoints every 50–200 steps; the trainer also writes one on pause, cancel and at the end.
        TrainingConfig training = new TrainingConfig(steps, lr, lr / 100, TrainingConfig.DEFAULT_WEIGHT_DECAY,
                Math.min(200, Math.max(50, steps / 10)), validateEvery, runDir, TrainingConfig.DEFAULT_SEED,
                FusionLoss.Weights.SPEC, fusionOnly ? Set.of("fusion") : Set.of());
        return TrainingRun.prepare(new TrainingRun.Spec(start.config(), datasetFolders, pairs, List.of(),
                VALIDATION_PAIRS, VALIDATION_PAIRS, batchSize, patchSize, 1, training, start.weights(), device,
                HazeSampler.Ranges.defaults()));
    }

    private static String safe(String name) {
        Path file = Path.of(name).getFileName();
        return (file == null ? name : file.toString()).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
