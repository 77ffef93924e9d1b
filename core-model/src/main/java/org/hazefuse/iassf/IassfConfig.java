package org.hazefuse.iassf;

import java.util.List;
import java.util.Objects;
import org.hazefuse.restoration.StageConfig;

/**
 * The sizes of one IASSF network, as data (IASSF.md, "Configurations"). Weights are only loaded into the
 * configuration they were made for; the manifest stores this record.
 *
 * @param name registry name
 * @param channels C, the encoder width (also the first restoration stage's width)
 * @param window attention window side w
 * @param promptPool L, prompts per pool
 * @param promptSide S, side of each learnable prompt
 * @param embeddingHeads heads of the restoration prompt embedding (PEB)
 * @param stages the five restoration stages
 * @param fusionWidth base width of the fusion U-Net (levels are 1×, 2×, 4× it)
 * @param fusionHeads heads of the fusion blocks' attention
 * @param residualOutput when true the restoration output is added to the hazy input (V̂ = hazy + backbone(X));
 *     the published model predicts V̂ directly (false)
 */
public record IassfConfig(String name, int channels, int window, int promptPool, int promptSide,
        int embeddingHeads, List<StageConfig> stages, int fusionWidth, int fusionHeads, boolean residualOutput) {

    public IassfConfig {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
        if (stages.size() != 5) {
            throw new IllegalArgumentException("five restoration stages expected, got " + stages.size());
        }
        if (stages.get(0).channels() != channels) {
            throw new IllegalArgumentException("the first stage must have the encoder width " + channels);
        }
        if (channels <= 0 || window <= 1 || promptPool <= 0 || promptSide <= 0 || fusionWidth <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + name);
        }
        if ((2L * channels) % embeddingHeads != 0) {
            throw new IllegalArgumentException("prompt embedding width " + 2 * channels + " cannot split into "
                    + embeddingHeads + " heads");
        }
    }

    /** Sum of the stage depths: the "total depth" of the initialisation gain. */
    public int totalDepth() {
        return stages.stream().mapToInt(StageConfig::depth).sum();
    }
}
