package org.hazefuse.model.iassf.release;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hazefuse.io.BadInputException;
import org.hazefuse.layers.WindowAttention;
import org.hazefuse.model.iassf.DensityVariant;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.weights.pytorch.TorchCheckpoint;
import org.hazefuse.weights.pytorch.TorchTensor;

/**
 * Loads a checkpoint of the IASSF authors' release ({@code IASSF.pth}, or any checkpoint of its layout) into a
 * {@code paper} network with the released density ({@link #CONFIG}), by the {@link ReleasedKeyTable}.
 *
 * <p>Everything is checked before anything is copied, and every problem is listed in one refusal: a key the table
 * expects and the checkpoint lacks, a tensor of another shape, a key the table does not know (another layout),
 * a derived buffer that differs from what our network computes, a value that is not finite.
 */
public final class ReleasedCheckpointImporter {
    /** What imported weights are: the published network with the released code's density. */
    public static final IassfConfig CONFIG = IassfConfigs.PAPER.withDensity(DensityVariant.RELEASED);
    /** Our window attention's offsets and the released buffer are the same float32 computation. */
    private static final float BUFFER_TOLERANCE = 1e-6f;

    private ReleasedCheckpointImporter() {}

    /**
     * A new {@link #CONFIG} network on {@code manager} holding the checkpoint's weights (and zeros for the biases
     * the released code does not have).
     *
     * @throws BadInputException naming the checkpoint and listing every problem found
     */
    public static IassfNetwork load(TorchCheckpoint checkpoint, NDManager manager) {
        Path file = checkpoint.file();
        Map<String, TorchTensor> restoration = checkpoint.stateDict(ReleasedKeyTable.RESTORATION);
        Map<String, TorchTensor> fusion = checkpoint.stateDict(ReleasedKeyTable.FUSION);
        IassfNetwork network = new IassfNetwork(CONFIG);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
        ReleasedKeyTable.Plan plan = ReleasedKeyTable.plan(network);

        List<String> problems = new ArrayList<>();
        check(plan, ReleasedKeyTable.RESTORATION, restoration, problems);
        check(plan, ReleasedKeyTable.FUSION, fusion, problems);
        checkSources(plan, Map.of(ReleasedKeyTable.RESTORATION, restoration, ReleasedKeyTable.FUSION, fusion),
                problems);
        checkDerived(plan, Map.of(ReleasedKeyTable.RESTORATION, restoration, ReleasedKeyTable.FUSION, fusion),
                manager, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(file, "not a checkpoint of the IASSF release's layout (" + problems.size()
                    + " problem" + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems));
        }
        for (ReleasedKeyTable.Source s : plan.sources()) {
            NDArray array = s.parameter().getArray();
            Map<String, TorchTensor> dict = s.stateDict().equals(ReleasedKeyTable.FUSION) ? fusion : restoration;
            array.set(s.zero() ? new float[Math.toIntExact(array.size())] : dict.get(s.releasedKey()).data());
        }
        return network;
    }

    /** Missing and unexpected keys of one state dict. */
    private static void check(ReleasedKeyTable.Plan plan, String name, Map<String, TorchTensor> dict,
            List<String> problems) {
        Set<String> expected = plan.releasedKeys(name);
        List<String> missing = expected.stream().filter(k -> !dict.containsKey(k)).toList();
        Set<String> unexpected = new LinkedHashSet<>(dict.keySet());
        unexpected.removeAll(expected);
        if (name.equals(ReleasedKeyTable.RESTORATION)) {
            ReleasedKeyTable.UNUSED.forEach(unexpected::remove);
        }
        if (!missing.isEmpty()) {
            problems.add(name + " lacks " + missing.size() + " key" + plural(missing) + ": "
                    + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            problems.add(name + " has " + unexpected.size() + " unknown key" + plural(unexpected) + ": "
                    + String.join(", ", unexpected));
        }
    }

    /** Shapes and finite values of the mapped tensors. */
    private static void checkSources(ReleasedKeyTable.Plan plan, Map<String, Map<String, TorchTensor>> dicts,
            List<String> problems) {
        for (ReleasedKeyTable.Source s : plan.sources()) {
            TorchTensor t = s.zero() ? null : dicts.get(s.stateDict()).get(s.releasedKey());
            if (t == null) {
                continue;
            }
            if (!Arrays.equals(t.shape(), s.releasedShape())) {
                problems.add(s.stateDict() + "." + s.releasedKey() + " is " + Arrays.toString(t.shape())
                        + ", expected " + Arrays.toString(s.releasedShape()));
            } else if (!allFinite(t.data())) {
                problems.add(s.stateDict() + "." + s.releasedKey() + " holds values that are not finite");
            }
        }
    }

    /** Each relative_positions buffer must be what our window attention computes for {@code paper}'s window. */
    private static void checkDerived(ReleasedKeyTable.Plan plan, Map<String, Map<String, TorchTensor>> dicts,
            NDManager manager, List<String> problems) {
        int window = CONFIG.window();
        long n = (long) window * window;
        float[] ours;
        try (NDManager scope = manager.newSubManager()) {
            ours = WindowAttention.relativePositions(scope, window).toFloatArray();
        }
        for (ReleasedKeyTable.Derived d : plan.derived()) {
            TorchTensor t = dicts.get(d.stateDict()).get(d.key());
            if (t == null) {
                continue; // reported as missing
            }
            String where = d.stateDict() + "." + d.key();
            if (!Arrays.equals(t.shape(), new long[] {n, n, 2})) {
                problems.add(where + " is " + Arrays.toString(t.shape()) + ", expected [" + n + ", " + n
                        + ", 2] (attention window " + window + ")");
            } else if (maxDifference(t.data(), ours) > BUFFER_TOLERANCE) {
                problems.add(where + " differs from the window attention's log-scaled offsets (by "
                        + maxDifference(t.data(), ours) + ")");
            }
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        return max;
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String plural(java.util.Collection<?> c) {
        return c.size() == 1 ? "" : "s";
    }
}
