package org.hazefuse.model.iassf;

import java.util.List;
import java.util.Objects;
import org.hazefuse.model.iassf.restoration.StageConfig;

/**
 * The sizes of one IASSF network, as data (docs/design/iassf.md, "Configurations"). Weights are only loaded into the
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
 * @param physicsPrior when true (a departure from the published model, for {@code lite}) the network starts from
 *     the dark channel prior and learns corrections: the density comes from the hazy image, the restoration
 *     predicts a transmission correction and a residual to the scattering-model inversion, and the fusion a
 *     residual to the element-wise maximum of V̂ and the infrared image; the published model predicts both
 *     outputs directly (false). See docs/decisions/0002-lite-physics-prior.md.
 * @param density whose density estimate (and released-code details) the network follows: {@link DensityVariant#SPEC}
 *     for everything trained here, {@link DensityVariant#RELEASED} for weights imported from the authors' release.
 *     Manifests written before the field existed have none and load as {@code spec}, what those networks computed.
 */
public record IassfConfig(String name, int channels, int window, int promptPool, int promptSide,
        int embeddingHeads, List<StageConfig> stages, int fusionWidth, int fusionHeads, boolean physicsPrior,
        DensityVariant density) {

    public IassfConfig {
        Objects.requireNonNull(name, "name");
        density = density == null ? DensityVariant.SPEC : density;
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

    /** A configuration of the spec's density; kept for callers written before {@link #density()} existed. */
    public IassfConfig(String name, int channels, int window, int promptPool, int promptSide, int embeddingHeads,
            List<StageConfig> stages, int fusionWidth, int fusionHeads, boolean physicsPrior) {
        this(name, channels, window, promptPool, promptSide, embeddingHeads, stages, fusionWidth, fusionHeads,
                physicsPrior, DensityVariant.SPEC);
    }

    /** This configuration with another density variant (same name, same parameters). */
    public IassfConfig withDensity(DensityVariant variant) {
        return new IassfConfig(name, channels, window, promptPool, promptSide, embeddingHeads, stages, fusionWidth,
                fusionHeads, physicsPrior, variant);
    }

    /** Sum of the stage depths: the "total depth" of the initialisation gain. */
    public int totalDepth() {
        return stages.stream().mapToInt(StageConfig::depth).sum();
    }

    /** A configuration named {@code name}, to be sized with the builder's named steps. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Named steps for a configuration, so a configuration reads as a table of what each number is. Required:
     * {@link #channels}, the five {@link #stage}s; defaults: window 8, 5 prompts of 256², 2 embedding heads, fusion
     * width 6 with 1 head, no physical prior, the spec's density (the published model's values).
     */
    public static final class Builder {
        private final String name;
        private int channels;
        private int window = 8;
        private int promptPool = 5;
        private int promptSide = 256;
        private int embeddingHeads = 2;
        private final List<StageConfig> stages = new java.util.ArrayList<>();
        private int fusionWidth = 6;
        private int fusionHeads = 1;
        private boolean physicsPrior;
        private DensityVariant density = DensityVariant.SPEC;

        private Builder(String name) {
            this.name = name;
        }

        public Builder channels(int c) {
            channels = c;
            return this;
        }

        public Builder window(int w) {
            window = w;
            return this;
        }

        /** {@code pool} learnable prompts of {@code side}² per prompt generator. */
        public Builder prompts(int pool, int side) {
            promptPool = pool;
            promptSide = side;
            return this;
        }

        public Builder embeddingHeads(int heads) {
            embeddingHeads = heads;
            return this;
        }

        /** The next restoration stage, in U-Net order (full, ½, ¼, ½, full resolution). */
        public Builder stage(StageConfig.Builder stage) {
            stages.add(stage.build());
            return this;
        }

        public Builder fusion(int width, int heads) {
            fusionWidth = width;
            fusionHeads = heads;
            return this;
        }

        public Builder physicsPrior(boolean on) {
            physicsPrior = on;
            return this;
        }

        public Builder density(DensityVariant variant) {
            density = variant;
            return this;
        }

        public IassfConfig build() {
            return new IassfConfig(name, channels, window, promptPool, promptSide, embeddingHeads, stages,
                    fusionWidth, fusionHeads, physicsPrior, density);
        }
    }
}
