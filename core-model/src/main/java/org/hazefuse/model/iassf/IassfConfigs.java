package org.hazefuse.model.iassf;

import static org.hazefuse.model.iassf.restoration.StageConfig.width;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named configurations (docs/design/iassf.md, "Configurations"), in a name → config registry. */
public final class IassfConfigs {
    /** The published model: 11,197,692 parameters (docs/design/iassf.md, "Loss and training", on the count). */
    public static final IassfConfig PAPER = IassfConfig.named("paper")
            .channels(24).window(8).prompts(5, 256).embeddingHeads(2)
            .stage(width(24).blocks(8).heads(2).mlpRatio(2).attention(1.0 / 4))
            .stage(width(48).blocks(8).heads(4).mlpRatio(4).attention(1.0 / 2))
            .stage(width(96).blocks(8).heads(6).mlpRatio(4).attention(3.0 / 4))
            .stage(width(48).blocks(4).heads(1).mlpRatio(2))
            .stage(width(24).blocks(4).heads(1).mlpRatio(2))
            .fusion(6, 1)
            .build();

    /**
     * CPU-trainable: every module of {@code paper} at half its width, 7 blocks instead of 32 (attention only at
     * ½ and ¼ resolution), fusion base width 4, 4×4 attention windows, 4 prompts of 64×64, and the physical prior (see
     * {@link IassfConfig#physicsPrior()}): at initialisation it reproduces dark-channel dehazing followed by a
     * maximum fusion rule, and training learns the infrared-assisted corrections.
     */
    public static final IassfConfig LITE = IassfConfig.named("lite")
            .channels(12).window(4).prompts(4, 64).embeddingHeads(2)
            .stage(width(12).blocks(1).heads(1).mlpRatio(2))
            .stage(width(24).blocks(2).heads(2).mlpRatio(2).attention(1.0 / 2))
            .stage(width(48).blocks(2).heads(2).mlpRatio(2).attention(1.0 / 2))
            .stage(width(24).blocks(1).heads(1).mlpRatio(2))
            .stage(width(12).blocks(1).heads(1).mlpRatio(2))
            .fusion(4, 1)
            .physicsPrior(true)
            .build();

    /** For tests: the smallest network with every module of the spec (attention in every stage that can have it). */
    public static final IassfConfig TINY = IassfConfig.named("tiny")
            .channels(8).window(8).prompts(2, 8).embeddingHeads(2)
            .stage(width(8).blocks(1).heads(1).mlpRatio(1).attention(1))
            .stage(width(16).blocks(2).heads(2).mlpRatio(1).attention(1.0 / 2))
            .stage(width(32).blocks(1).heads(2).mlpRatio(1).attention(1))
            .stage(width(16).blocks(1).heads(1).mlpRatio(1))
            .stage(width(8).blocks(1).heads(1).mlpRatio(1))
            .fusion(4, 1)
            .build();

    private static final Map<String, IassfConfig> BY_NAME = new LinkedHashMap<>();

    static {
        for (IassfConfig c : List.of(PAPER, LITE, TINY)) {
            BY_NAME.put(c.name(), c);
        }
    }

    private IassfConfigs() {}

    public static Optional<IassfConfig> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Names of all registered configurations, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
