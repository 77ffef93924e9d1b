package org.hazefuse.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hazefuse.baseline.Baselines;
import org.hazefuse.baseline.FusionRule;
import org.hazefuse.baseline.RuleOnDehazed;
import org.hazefuse.io.BadInputException;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.model.ModelFamily;
import org.hazefuse.model.iassf.IassfFamily;
import org.hazefuse.weights.WeightsFormatException;
import org.hazefuse.weights.WeightsHeader;

/**
 * Every method a user can pick by name: the configurations of each model family (with their shipped weights when
 * the class path has them), weights files given by path, the two-stage baselines, and any of these followed by
 * {@code +<rule>}. The catalog reads from the families and the baselines, never the other way round: the list of
 * families below is the one place a new family is added.
 */
public final class MethodCatalog {
    private static final List<ModelFamily> FAMILIES = List.of(new IassfFamily());

    /** A listed method. */
    public record Entry(String name, String description, Kind kind) {}

    /** What a listed method is. */
    public enum Kind { TRAINED_NETWORK, UNTRAINED_NETWORK, BASELINE }

    private MethodCatalog() {}

    /** The model families, in listing order. */
    public static List<ModelFamily> families() {
        return FAMILIES;
    }

    /** All methods: the families' configurations first (trained or not), then baselines. */
    public static List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (ModelFamily family : FAMILIES) {
            for (ModelFamily.Configuration c : family.configurations()) {
                entries.add(new Entry(c.name(), c.description(),
                        c.trained() ? Kind.TRAINED_NETWORK : Kind.UNTRAINED_NETWORK));
            }
        }
        for (String name : Baselines.names()) {
            entries.add(new Entry(name, Baselines.create(name).description(), Kind.BASELINE));
        }
        return entries;
    }

    /**
     * Opens a method by name or weights-file path; {@code <method>+<rule>} (e.g. {@code lite+gff},
     * {@code model.hzf+max}) fuses that method's dehazed image with a classical rule ({@link RuleOnDehazed}).
     *
     * @throws BadInputException for an unknown name or an unusable weights file
     */
    public static FusionMethod open(String nameOrPath, MethodOptions options) {
        String key = nameOrPath.toLowerCase(Locale.ROOT);
        if (Baselines.names().contains(key)) {
            return Baselines.create(key);
        }
        for (ModelFamily family : FAMILIES) {
            Optional<FusionMethod> method = family.open(key, options);
            if (method.isPresent()) {
                return method.get();
            }
        }
        int plus = nameOrPath.lastIndexOf('+');
        Optional<FusionRule> rule = plus > 0 ? Baselines.rule(key.substring(plus + 1)) : Optional.empty();
        if (rule.isPresent()) {
            // e.g. lite+gff: the network dehazes, the classical rule fuses.
            return new RuleOnDehazed(open(nameOrPath.substring(0, plus), options), rule.get());
        }
        Path path = Path.of(nameOrPath);
        if (Files.exists(path) || nameOrPath.endsWith(WeightsHeader.EXTENSION)) {
            return openWeights(path, options);
        }
        throw new BadInputException(null, "unknown method '" + nameOrPath + "': use one of "
                + list().stream().map(Entry::name).toList() + ", the path of a " + WeightsHeader.EXTENSION
                + " file, or either followed by " + ruleSuffixes());
    }

    /** A weights file, opened by the family its header names. */
    private static FusionMethod openWeights(Path file, MethodOptions options) {
        String family = WeightsHeader.read(file).family();
        return FAMILIES.stream().filter(f -> f.id().equals(family)).findFirst()
                .orElseThrow(() -> new WeightsFormatException(file, "weights of the model family '" + family
                        + "', which this HazeFuse does not know (it knows "
                        + String.join(", ", FAMILIES.stream().map(ModelFamily::id).toList()) + ")"))
                .openWeights(file, options);
    }

    /** "+avg, +max, +lap or +gff", from the rules the baselines have. */
    private static String ruleSuffixes() {
        List<String> suffixes = Baselines.ruleNames().stream().map(r -> "+" + r).toList();
        return String.join(", ", suffixes.subList(0, suffixes.size() - 1)) + " or " + suffixes.get(suffixes.size() - 1);
    }
}
