package org.hazefuse.catalog;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hazefuse.runtime.Engines;
import org.hazefuse.baseline.Baselines;
import org.hazefuse.baseline.FusionRule;
import org.hazefuse.baseline.RuleOnDehazed;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.IassfMethod;
import org.hazefuse.io.BadInputException;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.runtime.NativeRuntime;
import org.hazefuse.weights.WeightsFile;
import org.hazefuse.weights.WeightsManifest;

/**
 * Every method a user can pick by name: the IASSF configurations (with their shipped weights when the class path
 * has them), weights files given by path, and the registered two-stage baselines.
 *
 * <p>Shipped weights are class-path resources {@code hazefuse/weights/<config>.hzf} (the app jar carries
 * {@code assets/weights/}). A configuration without shipped weights opens with seeded random weights and says so
 * in its description: useful for shapes, speed and training, not for results.
 */
public final class MethodCatalog {
    static final String WEIGHTS_RESOURCE = "hazefuse/weights/%s" + WeightsFile.EXTENSION;
    private static final long UNTRAINED_SEED = 42;
    private static final Map<String, BaselineEntry> BASELINES = new LinkedHashMap<>();

    static {
        // Before the engine loads: PyTorch's OpenMP threads must not spin, large tensors reuse heap memory.
        NativeRuntime.init();
        // The two-stage baselines (dcp+avg ... none+gff); after BASELINES, which they are added to.
        Baselines.registerAll();
    }

    /** A listed method. */
    public record Entry(String name, String description, Kind kind) {}

    /** What a listed method is. */
    public enum Kind { TRAINED_NETWORK, UNTRAINED_NETWORK, BASELINE }

    /** How to open a network. */
    public record Options(Device device, long maxPixels, int overlap) {
        public static Options defaults(Device device) {
            return new Options(device, IassfMethod.DEFAULT_MAX_PIXELS, IassfMethod.DEFAULT_OVERLAP);
        }
    }

    private record BaselineEntry(String description, Supplier<FusionMethod> factory) {}

    private MethodCatalog() {}

    /** Registers a baseline under a name such as {@code dcp+gff}. */
    public static synchronized void registerBaseline(String name, String description, Supplier<FusionMethod> factory) {
        BASELINES.put(name.toLowerCase(Locale.ROOT), new BaselineEntry(description, factory));
    }

    /** All methods: configurations first (trained or not), then baselines. */
    public static synchronized List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (String config : IassfConfigs.names()) {
            entries.add(entryFor(config));
        }
        BASELINES.forEach((name, b) -> entries.add(new Entry(name, b.description(), Kind.BASELINE)));
        return entries;
    }

    private static Entry entryFor(String config) {
        try {
            return shippedManifest(config)
                    .map(m -> new Entry(config, describe(m), Kind.TRAINED_NETWORK))
                    .orElseGet(() -> new Entry(config, "IASSF '" + config + "', untrained (no shipped weights)",
                            Kind.UNTRAINED_NETWORK));
        } catch (BadInputException e) {
            // Listed all the same, so opening it reports the problem where the user chose it.
            return new Entry(config, "IASSF '" + config + "': shipped weights unusable (" + e.getMessage() + ")",
                    Kind.UNTRAINED_NETWORK);
        }
    }

    /**
     * Opens a method by registry name or weights-file path; {@code <method>+<rule>} (e.g. {@code lite+gff},
     * {@code model.hzf+max}) fuses that method's dehazed image with a classical rule ({@link RuleOnDehazed}).
     *
     * @throws BadInputException for an unknown name or an unusable weights file
     */
    public static FusionMethod open(String nameOrPath, Options options) {
        String key = nameOrPath.toLowerCase(Locale.ROOT);
        BaselineEntry baseline;
        synchronized (MethodCatalog.class) {
            baseline = BASELINES.get(key);
        }
        if (baseline != null) {
            return baseline.factory().get();
        }
        Optional<IassfConfig> config = IassfConfigs.byName(key);
        if (config.isPresent()) {
            return openConfig(config.get(), options);
        }
        int plus = nameOrPath.lastIndexOf('+');
        Optional<FusionRule> rule = plus > 0 ? Baselines.rule(key.substring(plus + 1)) : Optional.empty();
        if (rule.isPresent()) {
            // e.g. lite+gff: the network dehazes, the classical rule fuses.
            return new RuleOnDehazed(open(nameOrPath.substring(0, plus), options), rule.get());
        }
        Path path = Path.of(nameOrPath);
        if (Files.exists(path) || nameOrPath.endsWith(WeightsFile.EXTENSION)) {
            return openFile(path, options);
        }
        throw new BadInputException(null, "unknown method '" + nameOrPath + "': use one of "
                + list().stream().map(Entry::name).toList() + ", the path of a " + WeightsFile.EXTENSION
                + " file, or either followed by " + ruleSuffixes());
    }

    /** "+avg, +max, +lap or +gff", from the registered rules. */
    private static String ruleSuffixes() {
        List<String> suffixes = Baselines.ruleNames().stream().map(r -> "+" + r).toList();
        return String.join(", ", suffixes.subList(0, suffixes.size() - 1)) + " or " + suffixes.get(suffixes.size() - 1);
    }

    private static FusionMethod openConfig(IassfConfig config, Options options) {
        String resource = WEIGHTS_RESOURCE.formatted(config.name());
        try (InputStream in = openShippedWeights(config.name()).orElse(null)) {
            NDManager manager = Engines.manager(options.device());
            try {
                if (in != null) {
                    WeightsFile.Loaded loaded = WeightsFile.load(Path.of(resource), in, manager, config);
                    return method(config.name(), describe(loaded.manifest()), manager, loaded.network(), options);
                }
                Engines.seed(UNTRAINED_SEED);
                IassfNetwork network = new IassfNetwork(config);
                network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
                return method(config.name(), "IASSF '" + config.name() + "', untrained (random weights, seed "
                        + UNTRAINED_SEED + ")", manager, network, options);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FusionMethod openFile(Path path, Options options) {
        NDManager manager = Engines.manager(options.device());
        try {
            WeightsFile.Loaded loaded = WeightsFile.load(path, manager, null);
            return method(path.getFileName().toString(), describe(loaded.manifest()), manager, loaded.network(),
                    options);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static FusionMethod method(String name, String description, NDManager manager, IassfNetwork network,
            Options options) {
        return new IassfMethod(name, description, manager, network, options.maxPixels(), options.overlap());
    }

    /**
     * The shipped weights of a configuration as a stream the caller closes, if the class path has them (for
     * fine-tuning from them); {@link #open} and {@link #list} use the same resource.
     */
    public static Optional<InputStream> openShippedWeights(String config) {
        return Optional.ofNullable(
                MethodCatalog.class.getClassLoader().getResourceAsStream(WEIGHTS_RESOURCE.formatted(config)));
    }

    /** The manifest of a configuration's shipped weights, if the class path has them. */
    public static Optional<WeightsManifest> shippedManifest(String config) {
        String resource = WEIGHTS_RESOURCE.formatted(config);
        try (InputStream in = openShippedWeights(config).orElse(null)) {
            return in == null ? Optional.empty() : Optional.of(WeightsFile.readManifest(Path.of(resource), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(WeightsManifest m) {
        String steps = m.provenance().getOrDefault("steps", "?");
        return String.format(Locale.ROOT, "IASSF '%s', trained (%s steps, %,d parameters)", m.config().name(), steps,
                m.parameters());
    }
}
