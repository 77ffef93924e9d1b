package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hazefuse.runtime.Engines;

/**
 * The parameters a configuration has, by name and shape, in the order DJL saves them: what a weights file's
 * parameters are checked against before they are used, and what bounds the size of their archive entry.
 *
 * <p>Worked out once per configuration on a zero-initialized network: zeros, so that working it out draws nothing
 * from the engine's random generator and a seeded run stays the same whether or not this ran first.
 */
public record ExpectedParameters(Map<String, Shape> shapes, long count) {
    /** A parameters entry may hold this many times the raw float bytes (DJL adds names and headers). */
    private static final int SIZE_FACTOR = 4;
    /** Plus this much, for the headers of small configurations. */
    private static final long SIZE_SLACK = 1L << 20;
    private static final Map<IassfConfig, ExpectedParameters> CACHE = new ConcurrentHashMap<>();

    public ExpectedParameters {
        shapes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    }

    public static ExpectedParameters of(IassfConfig config) {
        return CACHE.computeIfAbsent(config, ExpectedParameters::compute);
    }

    /** The shapes of an initialized network's parameters. */
    public static Map<String, Shape> shapesOf(IassfNetwork network) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        network.getParameters().forEach(p -> shapes.put(p.getKey(), p.getValue().getArray().getShape()));
        return shapes;
    }

    private static ExpectedParameters compute(IassfConfig config) {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = new IassfNetwork(config);
            network.getParameters().values().forEach(p -> p.setInitializer(Initializer.ZEROS));
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            Map<String, Shape> shapes = shapesOf(network);
            long count = shapes.values().stream().mapToLong(Shape::size).sum();
            return new ExpectedParameters(shapes, count);
        }
    }

    /** The largest parameters entry accepted for this configuration: a few times its float32 bytes. */
    public long maxEntryBytes() {
        return SIZE_FACTOR * 4 * count + SIZE_SLACK;
    }

    /** The first parameter of {@code actual} whose name or shape differs from this, or null when none does. */
    public String firstMismatch(Map<String, Shape> actual, String configName) {
        var expected = shapes.entrySet().iterator();
        var found = actual.entrySet().iterator();
        while (expected.hasNext() && found.hasNext()) {
            var e = expected.next();
            var f = found.next();
            if (!e.getKey().equals(f.getKey())) {
                return "parameter '" + f.getKey() + "' found where configuration '" + configName + "' has '"
                        + e.getKey() + "'";
            }
            if (!e.getValue().equals(f.getValue())) {
                return "parameter '" + e.getKey() + "' has shape " + f.getValue() + ", configuration '" + configName
                        + "' needs " + e.getValue();
            }
        }
        if (expected.hasNext() || found.hasNext()) {
            return actual.size() + " parameters, configuration '" + configName + "' has " + shapes.size();
        }
        return null;
    }
}
