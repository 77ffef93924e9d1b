package org.hazefuse.gui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.hazefuse.gui.input.InputPair;

/**
 * What the fine-tuning panel asks the trainer for.
 *
 * @param model the model to start from (registry name)
 * @param datasetFolders folders of pairs (vis/ + ir/ layout); may be empty when {@code pairs} is not
 * @param pairs the pairs loaded in the viewer, used when no folder is given
 * @param steps optimisation steps, ≥ 1
 * @param learningRate &gt; 0
 * @param batchSize ≥ 1
 * @param patchSize side of the square training crops, ≥ 16
 * @param validateEvery steps between validation figures, ≥ 1
 * @param fusionOnly update only the fusion network, so the dehazed output stays as it was
 */
public record TrainingConfig(String model, List<Path> datasetFolders, List<InputPair> pairs, int steps,
                             double learningRate, int batchSize, int patchSize, int validateEvery,
                             boolean fusionOnly) {
    public TrainingConfig {
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
}
