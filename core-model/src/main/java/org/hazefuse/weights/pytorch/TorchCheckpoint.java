package org.hazefuse.weights.pytorch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import net.razorvine.pickle.PickleException;
import org.hazefuse.io.BadInputException;
import org.hazefuse.weights.pytorch.RestrictedUnpickler.StorageRef;
import org.hazefuse.weights.pytorch.RestrictedUnpickler.TensorRef;

/**
 * A PyTorch checkpoint as {@code torch.save} writes it (the zip format of PyTorch 1.6 and later; see the
 * {@linkplain org.hazefuse.weights.pytorch package} for the layout), read as data: no Python, and nothing in the
 * file is ever executed.
 *
 * <p><b>What is read.</b> The saved object must be a dict (typically {@code {name: state_dict, ...}} or a state
 * dict itself). Its values may be dicts and {@code collections.OrderedDict}s, lists, tuples, str, int, float,
 * bool, None and tensors ({@code torch._utils._rebuild_tensor_v2} on a float32, float16, bfloat16 or float64
 * storage, any offset and strides; {@code requires_grad} is ignored, backward hooks must be empty). Any other
 * global, call, opcode or object state is refused with a message naming it, where Python's own unpickler would
 * have imported and called it. In {@link #entries()} they become:
 * <ul>
 *   <li>tensors: {@link TorchTensor}, C-order float32 (several tensors may view one storage; each gets its own
 *       elements);</li>
 *   <li>dicts (ordered or not): unmodifiable {@code Map<?, ?>} in the file's order, keys str ({@link String}),
 *       int ({@link Long}, or {@link BigInteger} beyond 64 bits), float ({@link Double}), bool or None;</li>
 *   <li>lists and tuples: unmodifiable {@code List<?>};</li>
 *   <li>str, int, float, bool, None: {@link String}, {@link Long} (or {@link BigInteger}), {@link Double},
 *       {@link Boolean}, null.</li>
 * </ul>
 *
 * <p><b>Limits.</b> {@code maxBytes} bounds, each on its own: every zip entry's declared size and their sum;
 * what is actually inflated from the zip (counted while streaming, so a header that lies cannot make it read
 * more); and the float32 data of all tensors returned. The pickle may be at most 64 MiB, nesting 100 levels deep,
 * a tensor 32 dimensions and 2³¹ − 9 elements. A read therefore uses about {@code maxBytes} of memory at most
 * (the returned tensors, plus one storage being sliced when tensors are views of it), and a storage that a single
 * tensor covers exactly is handed over without a copy.
 *
 * <p><b>Errors.</b> Every problem, from a missing file to a refused global, is a {@link BadInputException} naming
 * the file, with a one-line message.
 */
public final class TorchCheckpoint {
    /** 1 GiB: room for any state dict of this project's networks (the published IASSF checkpoint is 45 MB). */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    private static final int MAX_DEPTH = 100;

    private final Path file;
    private final Map<String, Object> entries;

    private TorchCheckpoint(Path file, Map<String, Object> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads a checkpoint within {@link #DEFAULT_MAX_BYTES}. */
    public static TorchCheckpoint read(Path file) {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a checkpoint.
     *
     * @param maxBytes the limit on declared and inflated bytes and on the float32 data returned (see the class)
     * @throws BadInputException when the file is missing, is not a {@code torch.save} zip, exceeds the limit,
     *     is damaged or truncated, or holds anything not permitted
     */
    public static TorchCheckpoint read(Path file, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        try {
            requireZip(file);
            try (CheckpointArchive archive = CheckpointArchive.open(file, maxBytes)) {
                archive.requireLittleEndian();
                RestrictedUnpickler unpickler = new RestrictedUnpickler();
                Object root = unpickle(unpickler, archive.readPickle());
                if (!(root instanceof Map<?, ?> top)) {
                    throw new Refusal("the checkpoint holds " + RestrictedUnpickler.describe(root) + ", not a dict");
                }
                return new TorchCheckpoint(file, new Materializer(archive, maxBytes).entries(top));
            }
        } catch (Refusal e) {
            throw new BadInputException(file, e.getMessage());
        } catch (EOFException e) {
            throw new BadInputException(file, "truncated zip archive (" + oneLine(e.getMessage()) + ")", e);
        } catch (ZipException e) {
            throw new BadInputException(file, "damaged or truncated zip archive (" + oneLine(e.getMessage()) + ")",
                    e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read it: " + oneLine(e.toString()), e);
        }
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The saved dict's entries, in the file's order (value types: see the class). */
    public Map<String, Object> entries() {
        return entries;
    }

    /**
     * The entry {@code name} as a state dict: parameter (or buffer) name to tensor, in the file's order.
     *
     * @throws BadInputException when there is no such entry, or it is not a dict from str to tensors
     */
    public Map<String, TorchTensor> stateDict(String name) {
        if (!entries.containsKey(name)) {
            throw new BadInputException(file, "the checkpoint has no entry " + Refusal.quote(name)
                    + "; its entries: " + Refusal.quote(String.join(", ", entries.keySet())));
        }
        return stateDict(entries.get(name), "entry " + Refusal.quote(name));
    }

    /**
     * The whole checkpoint as a state dict, for a file saved as {@code torch.save(model.state_dict())}.
     *
     * @throws BadInputException when one of its values is not a tensor
     */
    public Map<String, TorchTensor> asStateDict() {
        return stateDict(entries, "the checkpoint");
    }

    private Map<String, TorchTensor> stateDict(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadInputException(file, what + " is " + kind(value) + ", not a state dict");
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new BadInputException(file, what + " is not a state dict: it has the key "
                        + kind(entry.getKey()));
            }
            if (!(entry.getValue() instanceof TorchTensor tensor)) {
                throw new BadInputException(file, what + " is not a state dict: " + Refusal.quote(key) + " is "
                        + kind(entry.getValue()) + ", not a tensor");
            }
            tensors.put(key, tensor);
        }
        return Collections.unmodifiableMap(tensors);
    }

    private static String kind(Object value) {
        if (value instanceof TorchTensor tensor) {
            return "a tensor of shape " + Arrays.toString(tensor.shape());
        } else if (value instanceof String s) {
            return "the str " + Refusal.quote(s);
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "the int " + value;
        } else if (value instanceof Map<?, ?>) {
            return "a dict";
        } else if (value instanceof List<?>) {
            return "a list";
        }
        return RestrictedUnpickler.describe(value);
    }

    /** Tells a file that is not a zip from a damaged zip, and names the legacy format. */
    private static void requireZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Refusal(Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length == 0) {
            throw new Refusal("empty file, not a PyTorch checkpoint");
        }
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
        if (!zip && (head[0] & 0xff) == 0x80) {
            throw new Refusal("a PyTorch checkpoint in the legacy format (before PyTorch 1.6, or saved with "
                    + "_use_new_zipfile_serialization=False), which is not supported");
        }
        if (!zip) {
            throw new Refusal("not a PyTorch checkpoint: not a zip archive");
        }
    }

    private static Object unpickle(RestrictedUnpickler unpickler, byte[] pickle) {
        try {
            return unpickler.unpickle(pickle);
        } catch (Refusal e) {
            throw e;
        } catch (IOException e) {
            throw new Refusal("truncated pickle: it ends before its STOP opcode");
        } catch (PickleException e) {
            throw new Refusal("malformed pickle: " + oneLine(e.getMessage()));
        } catch (IndexOutOfBoundsException e) {
            throw new Refusal("malformed pickle: an opcode found too few values on the stack");
        } catch (ClassCastException e) {
            throw new Refusal("malformed pickle: an opcode found a value of the wrong type");
        } catch (RuntimeException e) {
            throw new Refusal("malformed pickle (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Checks the unpickled tree, reads the storages its tensors view, and builds the result. */
    private static final class Materializer {
        private final CheckpointArchive archive;
        private final long maxBytes;
        private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<StorageRef, List<TensorRef>> tensorsByStorage = new LinkedHashMap<>();
        private final Map<TensorRef, TorchTensor> tensors = new IdentityHashMap<>();
        private final Map<Object, Object> converted = new IdentityHashMap<>();

        Materializer(CheckpointArchive archive, long maxBytes) {
            this.archive = archive;
            this.maxBytes = maxBytes;
        }

        Map<String, Object> entries(Map<?, ?> top) throws IOException {
            for (Object key : top.keySet()) {
                if (!(key instanceof String)) {
                    throw new Refusal("the checkpoint's dict has the key " + RestrictedUnpickler.describe(key)
                            + ", not a str");
                }
            }
            collect(top, 0);
            readTensors();
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) convert(top);
            return entries;
        }

        /** Checks every value and finds the tensors, each shared container once; refuses cycles. */
        private void collect(Object value, int depth) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                return;
            }
            if (value instanceof TensorRef tensor) {
                if (visited.add(tensor)) {
                    tensorsByStorage.computeIfAbsent(tensor.storage(), s -> new ArrayList<>()).add(tensor);
                }
                return;
            }
            if (!(value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Object[])) {
                throw new Refusal("the checkpoint holds " + RestrictedUnpickler.describe(value)
                        + ", which is not read");
            }
            if (depth >= MAX_DEPTH) {
                throw new Refusal("the checkpoint nests containers deeper than " + MAX_DEPTH + " levels");
            }
            if (path.contains(value)) {
                throw new Refusal("the checkpoint holds a container that contains itself");
            }
            if (!visited.add(value)) {
                return;
            }
            path.add(value);
            for (Object child : children(value)) {
                collect(child, depth + 1);
            }
            path.remove(value);
        }

        private static Iterable<?> children(Object container) {
            if (container instanceof Map<?, ?> map) {
                return map.values(); // keys are scalars (RestrictedUnpickler.dictKey)
            }
            return container instanceof Object[] tuple ? Arrays.asList(tuple) : (List<?>) container;
        }

        /** One storage at a time: read, then sliced into (or handed over to) each of its tensors. */
        private void readTensors() throws IOException {
            long bytes = 0;
            for (List<TensorRef> views : tensorsByStorage.values()) {
                for (TensorRef view : views) {
                    bytes += view.numel() * Float.BYTES;
                }
            }
            if (bytes > maxBytes) {
                throw new Refusal("the tensors hold " + bytes + " bytes as float32, more than the limit of "
                        + maxBytes);
            }
            for (Map.Entry<StorageRef, List<TensorRef>> entry : tensorsByStorage.entrySet()) {
                float[] storage = archive.readStorage(entry.getKey());
                List<TensorRef> views = entry.getValue();
                for (TensorRef view : views) {
                    boolean whole = views.size() == 1 && view.offset() == 0 && view.numel() == storage.length
                            && isContiguous(view.shape(), view.stride());
                    float[] data = whole ? storage : gather(storage, view);
                    tensors.put(view, new TorchTensor(view.shape(), data));
                }
            }
        }

        private Object convert(Object value) {
            if (value instanceof Integer i) {
                return i.longValue();
            }
            if (value instanceof TensorRef tensor) {
                return tensors.get(tensor);
            }
            if (!(value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Object[])) {
                return value; // a scalar: collect() refused everything else
            }
            Object done = converted.get(value);
            if (done != null) {
                return done;
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, convert(v)));
                done = Collections.unmodifiableMap(copy);
            } else {
                List<Object> copy = new ArrayList<>();
                children(value).forEach(v -> copy.add(convert(v)));
                done = Collections.unmodifiableList(copy);
            }
            converted.put(value, done);
            return done;
        }
    }

    /** Dimensions of size 1 may have any stride. */
    static boolean isContiguous(long[] shape, long[] stride) {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** The view's elements in C order; its extent was checked against the storage when it was unpickled. */
    static float[] gather(float[] storage, TensorRef view) {
        float[] out = new float[(int) view.numel()];
        int rank = view.shape().length;
        if (out.length == 0) {
            return out;
        }
        if (isContiguous(view.shape(), view.stride())) {
            System.arraycopy(storage, (int) view.offset(), out, 0, out.length);
            return out;
        }
        int[] shape = new int[rank];
        int[] stride = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = (int) view.shape()[i];
            stride[i] = shape[i] == 1 ? 0 : (int) view.stride()[i]; // beyond int only where never stepped
        }
        // Odometer over all dimensions but the last, which the inner loop walks.
        int inner = shape[rank - 1];
        int innerStride = stride[rank - 1];
        int[] index = new int[rank - 1];
        int base = (int) view.offset();
        for (int o = 0; o < out.length; ) {
            for (int j = 0, s = base; j < inner; j++, s += innerStride) {
                out[o++] = storage[s];
            }
            for (int d = rank - 2; d >= 0; d--) {
                base += stride[d];
                if (++index[d] < shape[d]) {
                    break;
                }
                base -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
