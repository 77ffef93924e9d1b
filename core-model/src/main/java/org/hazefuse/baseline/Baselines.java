package org.hazefuse.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The registered two-stage baselines: {dcp, none} × {avg, max, lap, gff}, e.g. {@code dcp+gff} (dark-channel
 * dehazing, then guided-filtering fusion) and {@code none+gff} (the same fusion on the hazy input).
 */
public final class Baselines {
    private static final Map<String, Supplier<FusionRule>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("avg", () -> new AverageRule(0.5f));
        RULES.put("max", MaxAbsoluteRule::new);
        RULES.put("lap", LaplacianPyramidRule::new);
        RULES.put("gff", GuidedFilteringRule::new);
    }

    private Baselines() {
    }

    /** All baseline names, dehazing ones first. */
    public static List<String> names() {
        return RULES.keySet().stream().flatMap(r -> java.util.stream.Stream.of("dcp+" + r, "none+" + r))
                .sorted((a, b) -> Boolean.compare(b.startsWith("dcp"), a.startsWith("dcp"))).toList();
    }

    /** The fusion rules' names: avg, max, lap, gff. */
    public static List<String> ruleNames() {
        return List.copyOf(RULES.keySet());
    }

    /** A new fusion rule by name ({@code avg}, {@code max}, {@code lap}, {@code gff}), if there is one. */
    public static Optional<FusionRule> rule(String name) {
        return Optional.ofNullable(RULES.get(name)).map(Supplier::get);
    }

    /** A new baseline by name, e.g. {@code dcp+lap}. */
    public static TwoStageMethod create(String name) {
        String[] parts = name.split("\\+", 2);
        Supplier<FusionRule> rule = parts.length == 2 ? RULES.get(parts[1]) : null;
        if (rule == null || !(parts[0].equals("dcp") || parts[0].equals("none"))) {
            throw new IllegalArgumentException("unknown baseline '" + name + "': use one of " + names());
        }
        return new TwoStageMethod(parts[0].equals("dcp"), rule.get());
    }
}
