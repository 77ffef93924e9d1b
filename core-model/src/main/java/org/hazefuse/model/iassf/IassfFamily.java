package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hazefuse.io.BadInputException;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.model.MethodOptions;
import org.hazefuse.model.ModelFamily;
import org.hazefuse.runtime.Engines;

/**
 * The IASSF family: the configurations of {@link IassfConfigs}, their shipped weights and {@link WeightsFile}s.
 *
 * <p>Shipped weights are class-path resources {@code hazefuse/weights/<config>.hzf} (the app jar carries
 * {@code assets/weights/}). A configuration without shipped weights opens with seeded random weights and says so
 * in its description: useful for shapes, speed and training, not for results.
 */
public final class IassfFamily implements ModelFamily {
    /** The id in the manifests of this family's weights files. */
    public static final String ID = "iassf";
    /**
     * Provenance key of weights made elsewhere and imported (e.g. "IASSF authors' release"); weights trained here
     * record their {@code steps} instead.
     */
    public static final String SOURCE = "source";
    /** Provenance key of the density variant (also in the configuration; repeated for readers of provenance). */
    public static final String DENSITY = "density";
    static final String WEIGHTS_RESOURCE = "hazefuse/weights/%s" + WeightsFile.EXTENSION;
    private static final long UNTRAINED_SEED = 42;

    /** What a fine-tune starts from: the configuration and, when there are any, trained weights. */
    public record Start(IassfConfig config, Optional<Path> weights) {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Configuration> configurations() {
        return IassfConfigs.names().stream().map(this::configuration).toList();
    }

    private Configuration configuration(String config) {
        try {
            return shippedManifest(config)
                    .map(m -> new Configuration(config, describe(m), true))
                    .orElseGet(() -> new Configuration(config, "IASSF '" + config + "', untrained (no shipped weights)",
                            false));
        } catch (BadInputException e) {
            // Listed all the same, so opening it reports the problem where the user chose it.
            return new Configuration(config, "IASSF '" + config + "': shipped weights unusable (" + e.getMessage()
                    + ")", false);
        }
    }

    @Override
    public Optional<FusionMethod> open(String configuration, MethodOptions options) {
        return IassfConfigs.byName(configuration.toLowerCase(Locale.ROOT)).map(c -> openConfig(c, options));
    }

    @Override
    public FusionMethod openWeights(Path file, MethodOptions options) {
        NDManager manager = Engines.manager(options.device());
        try {
            WeightsFile.Loaded loaded = WeightsFile.load(file, manager, null);
            return method(file.getFileName().toString(), describe(loaded.manifest()), manager, loaded.network(),
                    options);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * What fine-tuning {@code model} starts from: a configuration name (its shipped weights, copied into
     * {@code runDir} so the run records what it began with, or random weights) or a weights file.
     *
     * @throws BadInputException if {@code model} is neither
     */
    public Start trainingStart(String model, Path runDir) throws IOException {
        Optional<IassfConfig> named = IassfConfigs.byName(model.toLowerCase(Locale.ROOT));
        if (named.isPresent()) {
            Optional<InputStream> shipped = openShippedWeights(named.get().name());
            if (shipped.isEmpty()) {
                return new Start(named.get(), Optional.empty());
            }
            Path copy = runDir.resolve("initial" + WeightsFile.EXTENSION);
            try (InputStream in = shipped.get()) {
                Files.createDirectories(runDir);
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Start(named.get(), Optional.of(copy));
        }
        Path file = Path.of(model);
        if (model.endsWith(WeightsFile.EXTENSION) && Files.isRegularFile(file)) {
            return new Start(WeightsFile.readManifest(file).config(), Optional.of(file));
        }
        throw new BadInputException(null, "'" + model + "' has no trainable weights: choose an IASSF configuration ("
                + String.join(", ", IassfConfigs.names()) + ") or a weights file");
    }

    private static FusionMethod openConfig(IassfConfig config, MethodOptions options) {
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

    private static FusionMethod method(String name, String description, NDManager manager, IassfNetwork network,
            MethodOptions options) {
        return new IassfMethod(name, description, manager, network, options.maxPixels(), options.overlap(),
                options.memory());
    }

    /** The shipped weights of a configuration as a stream the caller closes, if the class path has them. */
    public static Optional<InputStream> openShippedWeights(String config) {
        return Optional.ofNullable(
                IassfFamily.class.getClassLoader().getResourceAsStream(WEIGHTS_RESOURCE.formatted(config)));
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

    /** "trained (N steps, …)" for weights trained here; imported ones name their source and density variant. */
    private static String describe(WeightsManifest m) {
        String source = m.provenance().get(SOURCE);
        if (source != null) {
            return String.format(Locale.ROOT, "IASSF '%s', imported weights (%s; density %s, %,d parameters)",
                    m.config().name(), source, m.config().density(), m.parameters());
        }
        String steps = m.provenance().getOrDefault("steps", "?");
        return String.format(Locale.ROOT, "IASSF '%s', trained (%s steps, %,d parameters)", m.config().name(), steps,
                m.parameters());
    }
}
