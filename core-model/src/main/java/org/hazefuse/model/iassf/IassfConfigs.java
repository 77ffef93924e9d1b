package org.hazefuse.model.iassf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hazefuse.model.iassf.restoration.StageConfig;

/** The named configurations (docs/design/iassf.md, "Configurations"), in a name → config registry. */
public final class IassfConfigs {
    /** The published model: 11,197,692 parameters (docs/design/iassf.md, "Loss and training", on the count). */
    public static final IassfConfig PAPER = new IassfConfig("paper", 24, 8, 5, 256, 2, List.of(
            new StageConfig(24, 8, 2, 2, 1.0 / 4),
            new StageConfig(48, 8, 4, 4, 1.0 / 2),
            new StageConfig(96, 8, 6, 4, 3.0 / 4),
            new StageConfig(48, 4, 1, 2, 0),
            new StageConfig(24, 4, 1, 2, 0)), 6, 1, false);

    /**
     * CPU-trainable: every module of {@code paper} at half its width, 7 blocks instead of 32 (attention only at
     * ½ and ¼ resolution), fusion base width 4, 4×4 attention windows, 4 prompts of 64×64, and the physical prior (see
     * {@link IassfConfig#physicsPrior()}): at initialisation it reproduces dark-channel dehazing followed by a
     * maximum fusion rule, and training learns the infrared-assisted corrections.
     */
    public static final IassfConfig LITE = new IassfConfig("lite", 12, 4, 4, 64, 2, List.of(
            new StageConfig(12, 1, 1, 2, 0),
            new StageConfig(24, 2, 2, 2, 1.0 / 2),
            new StageConfig(48, 2, 2, 2, 1.0 / 2),
            new StageConfig(24, 1, 1, 2, 0),
            new StageConfig(12, 1, 1, 2, 0)), 4, 1, true);

    /** For tests: the smallest network with every module of the spec (attention in every stage that can have it). */
    public static final IassfConfig TINY = new IassfConfig("tiny", 8, 8, 2, 8, 2, List.of(
            new StageConfig(8, 1, 1, 1, 1),
            new StageConfig(16, 2, 2, 1, 1.0 / 2),
            new StageConfig(32, 1, 2, 1, 1),
            new StageConfig(16, 1, 1, 1, 0),
            new StageConfig(8, 1, 1, 1, 0)), 4, 1, false);

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
