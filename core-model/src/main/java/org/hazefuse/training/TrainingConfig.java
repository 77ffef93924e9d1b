package org.hazefuse.training;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.loss.FusionLoss;

/**
 * Settings of a training run (docs/design/iassf.md, "Loss and training" gives the published ones: AdamW, lr 2e-4 → 2e-6 cosine,
 * batch 6, 256² crops).
 *
 * @param steps total optimizer steps of the run (the schedule's length)
 * @param learningRate peak learning rate
 * @param minLearningRate final learning rate of the cosine schedule
 * @param weightDecay AdamW decoupled weight decay
 * @param checkpointEvery steps between checkpoints (and at the end)
 * @param validateEvery steps between validations (0: only at the end)
 * @param runDir folder for checkpoints, the log and the final weights
 * @param seed seeds the initial weights
 * @param loss weights of the loss terms ({@link FusionLoss.Weights#SPEC} unless the run departs from the spec)
 * @param trainedParts the {@link IassfNetwork#PARTS} the optimizer updates, the others stay frozen (e.g. only
 *     {@code fusion}, to change the fused image without touching the dehazing); empty for the whole network
 */
public record TrainingConfig(long steps, float learningRate, float minLearningRate, float weightDecay,
        long checkpointEvery, long validateEvery, Path runDir, long seed, FusionLoss.Weights loss,
        Set<String> trainedParts) {
    /** The seed of runs that name none (the {@code train} command's default too). */
    public static final long DEFAULT_SEED = 1;
    /** AdamW's decoupled weight decay unless a run sets its own. */
    public static final float DEFAULT_WEIGHT_DECAY = 1e-4f;

    public TrainingConfig {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(loss, "loss");
        trainedParts = Set.copyOf(trainedParts);
        IassfNetwork.requireParts(trainedParts);
        if (steps <= 0 || checkpointEvery <= 0 || validateEvery < 0) {
            throw new IllegalArgumentException("steps and checkpoint interval must be positive");
        }
        if (!(learningRate > 0) || minLearningRate < 0 || minLearningRate > learningRate || weightDecay < 0) {
            throw new IllegalArgumentException("invalid learning rate settings");
        }
    }

    /** A run with the published loss weights. */
    public TrainingConfig(long steps, float learningRate, float minLearningRate, float weightDecay,
            long checkpointEvery, long validateEvery, Path runDir, long seed) {
        this(steps, learningRate, minLearningRate, weightDecay, checkpointEvery, validateEvery, runDir, seed,
                FusionLoss.Weights.SPEC, Set.of());
    }
}
