package org.hazefuse.model.iassf.release;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.StreamSupport;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.pytorch.TorchTensor;

/**
 * Checkpoints in the layout of the authors' release with random values of any seed: what the owner will
 * try ("another seed and another input"), made without Python. The layout (keys and shapes, in order) is the one
 * the fixture's {@code fixture.json} records when the fixture is there, else the one the key table expects.
 */
final class SyntheticRelease {
    private SyntheticRelease() {}

    /** State dict → key → shape, in the released order. */
    static Map<String, Map<String, long[]>> layout(Path fixtureOrNull) throws IOException {
        if (fixtureOrNull != null) {
            JsonNode keys = new ObjectMapper().readTree(fixtureOrNull.resolve("fixture.json").toFile())
                    .get("state_dict_keys");
            Map<String, Map<String, long[]>> layout = new LinkedHashMap<>();
            keys.fields().forEachRemaining(dict -> {
                Map<String, long[]> shapes = new LinkedHashMap<>();
                dict.getValue().fields().forEachRemaining(k -> shapes.put(k.getKey(),
                        StreamSupport.stream(k.getValue().spliterator(), false).mapToLong(JsonNode::asLong).toArray()));
                layout.put(dict.getKey(), shapes);
            });
            return layout;
        }
        return tableLayout();
    }

    /** The layout the key table expects of a paper network, unused parameters included. */
    static Map<String, Map<String, long[]>> tableLayout() {
        Map<String, Map<String, long[]>> layout = new LinkedHashMap<>();
        layout.put(ReleasedKeyTable.RESTORATION, new LinkedHashMap<>());
        layout.put(ReleasedKeyTable.FUSION, new LinkedHashMap<>());
        layout.get(ReleasedKeyTable.RESTORATION).put("w_ir", new long[] {1});
        layout.get(ReleasedKeyTable.RESTORATION).put("w_vi", new long[] {1});
        layout.get(ReleasedKeyTable.RESTORATION).put("ir_scale_conv.weight", new long[] {24, 24, 1, 1});
        layout.get(ReleasedKeyTable.RESTORATION).put("vi_scale_conv.weight", new long[] {24, 24, 1, 1});
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = new IassfNetwork(ReleasedCheckpointImporter.CONFIG);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            ReleasedKeyTable.Plan plan = ReleasedKeyTable.plan(network);
            plan.sources().stream().filter(s -> !s.zero())
                    .forEach(s -> layout.get(s.stateDict()).put(s.releasedKey(), s.releasedShape()));
            long n = (long) ReleasedCheckpointImporter.CONFIG.window() * ReleasedCheckpointImporter.CONFIG.window();
            plan.derived().forEach(d -> layout.get(d.stateDict()).put(d.key(), new long[] {n, n, 2}));
        }
        return layout;
    }

    /** Random values for {@code layout}: weights in ±0.2, prompt pools in [0, 1), the offsets buffers exact. */
    static Map<String, Map<String, TorchTensor>> checkpoint(Map<String, Map<String, long[]>> layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, TorchTensor>> out = new LinkedHashMap<>();
        layout.forEach((dict, shapes) -> {
            Map<String, TorchTensor> tensors = new LinkedHashMap<>();
            shapes.forEach((key, shape) -> {
                int n = Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact));
                float[] data = new float[n];
                if (key.endsWith(ReleasedKeyTable.RELATIVE_POSITIONS)) {
                    data = relativePositions((int) Math.round(Math.sqrt(shape[0])));
                } else {
                    boolean pool = key.endsWith("prompt_param");
                    for (int i = 0; i < n; i++) {
                        data[i] = (float) (pool ? random.nextDouble() : random.nextDouble(-0.2, 0.2));
                    }
                }
                tensors.put(key, new TorchTensor(shape, data));
            });
            out.put(dict, tensors);
        });
        return out;
    }

    /**
     * The released code's {@code get_relative_positions(window)}, written from its definition: (N, N, 2) of
     * sign(d)·log(1 + |d|), d = coords[i] − coords[j], coords (row, column) in row-major order.
     */
    static float[] relativePositions(int window) {
        int n = window * window;
        float[] out = new float[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int[] d = {i / window - j / window, i % window - j % window};
                for (int a = 0; a < 2; a++) {
                    out[(i * n + j) * 2 + a] = (float) (Math.signum(d[a]) * Math.log1p(Math.abs(d[a])));
                }
            }
        }
        return out;
    }
}
