package org.hazefuse.weights.pytorch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what {@code torch.save({name: model.state_dict(), ...})} writes (zip layout, protocol-2 pickle of ordered
 * dicts of float32 tensors, one storage each), so tests can make checkpoints of any layout without Python.
 */
public final class TorchSave {
    private TorchSave() {}

    /** {@code entries}: entry name → state dict (key → tensor), all in the given order. */
    public static Path write(Path file, Map<String, Map<String, TorchTensor>> entries) throws IOException {
        PickleWriter p = new PickleWriter().proto(2).emptyDict().mark();
        Map<String, byte[]> storages = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, TorchTensor>> entry : entries.entrySet()) {
            p.str(entry.getKey()).orderedDict().mark();
            for (Map.Entry<String, TorchTensor> t : entry.getValue().entrySet()) {
                String key = Integer.toString(storages.size());
                long[] shape = t.getValue().shape();
                p.str(t.getKey()).tensor("FloatStorage", key, t.getValue().numel(), 0, shape, strides(shape));
                storages.put(key, float32(t.getValue().data()));
            }
            p.setitems();
        }
        return CheckpointFiles.write(file, p.setitems().stop().bytes(), storages);
    }

    /**
     * A hostile checkpoint: its pickle calls {@code module.name("touch pwned")} as Python's loader would, in
     * place of the state dicts.
     */
    public static Path writeCalling(Path file, String module, String name) throws IOException {
        byte[] pickle = new PickleWriter().proto(2).global(module, name).str("touch pwned").tuple1().reduce().stop()
                .bytes();
        return CheckpointFiles.write(file, pickle, Map.of());
    }

    private static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    private static byte[] float32(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }
}
