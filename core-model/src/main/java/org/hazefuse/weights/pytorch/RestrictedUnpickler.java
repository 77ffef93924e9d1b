package org.hazefuse.weights.pytorch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler narrowed to the data of a state dict.
 *
 * <p>Pyrolite on its own resolves every global it does not know to a generic {@code ClassDict} (so a
 * {@code GLOBAL posix system} followed by {@code REDUCE} yields a harmless-looking dict instead of an error), keeps
 * a JVM-wide static registry of constructors (datetime, set, bytearray, {@code copy_reg._reconstructor}, ...),
 * loses the order of dict items in {@code SETITEMS}, and allocates whatever length a string opcode declares. So
 * this class takes over opcode dispatch: an allow-list of opcodes whose Pyrolite handling is pure data (numbers,
 * strings, tuples, lists, memo, marks) is passed on after checking that their arguments lie within the pickle;
 * globals, calls, dicts and object state are handled here; every other opcode is refused. Nothing is registered
 * with Pyrolite's static registry, which is never consulted.
 *
 * <p>Known names: {@code collections.OrderedDict} (called with no arguments; {@code BUILD} may give it the
 * {@code _metadata} attribute of {@code Module.state_dict()}, which is dropped), {@code torch._utils
 * ._rebuild_tensor_v2} (gives a {@link TensorRef}, its extent checked against its storage) and the storage
 * classes of {@link StorageType} (only as the class of a persistent id {@code ('storage', class, key, location,
 * numel)}, which gives a {@link StorageRef}). Not thread-safe; one instance per pickle.
 */
final class RestrictedUnpickler extends Unpickler {
    /** Java arrays hold at most about this many elements. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int MAX_DIMENSIONS = 32;
    private static final int MAX_NAME_CHARS = 256;
    private static final int MAX_NUMBER_CHARS = 64;
    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** A storage as the pickle declares it; its elements are in the archive's {@code data/<key>}. */
    record StorageRef(String key, StorageType type, long numel) {}

    /** A tensor as a strided view of a storage; its extent lies within the storage. */
    record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride, long numel) {}

    /** What a permitted global may be called with (by REDUCE). */
    private interface PermittedCallable {
        String name();

        Object call(Object[] args);
    }

    /** A storage class: named by persistent ids, never called. */
    private record StorageClass(StorageType type) {}

    /** A dict made by {@code collections.OrderedDict()}: the only object BUILD may give state. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    private static final PermittedCallable ORDERED_DICT = new PermittedCallable() {
        @Override
        public String name() {
            return "collections.OrderedDict";
        }

        @Override
        public Object call(Object[] args) {
            if (args.length != 0) {
                throw new Refusal("refused call of 'collections.OrderedDict' with " + args.length + " arguments");
            }
            return new OrderedDict();
        }
    };

    private final PermittedCallable rebuildTensor = new PermittedCallable() {
        @Override
        public String name() {
            return "torch._utils._rebuild_tensor_v2";
        }

        @Override
        public Object call(Object[] args) {
            return rebuildTensor(args);
        }
    };

    private final Map<StorageType, StorageClass> storageClasses = new EnumMap<>(StorageType.class);
    private final Map<String, StorageRef> storages = new LinkedHashMap<>();
    private PickleInput in;

    /** Unpickles one object; {@link Refusal} for anything not permitted, Pyrolite's exceptions when malformed. */
    Object unpickle(byte[] pickle) throws IOException {
        in = new PickleInput(pickle);
        try {
            return load(in);
        } finally {
            close();
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = line(MAX_NAME_CHARS);
                String name = line(MAX_NAME_CHARS);
                stack.add(global(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new Refusal("malformed pickle: STACK_GLOBAL of " + describe(module) + " and "
                            + describe(name));
                }
                stack.add(global(m, n));
            }
            case Opcodes.REDUCE -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                stack.add(reduce(callable, args));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                build(stack.peek(), state);
            }
            case Opcodes.INST -> {
                String module = line(MAX_NAME_CHARS);
                String name = line(MAX_NAME_CHARS);
                throw new Refusal("refused pickle INST of " + Refusal.quote(module + "." + name));
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putAll(dict, stack.pop_all_since_marker());
                stack.add(dict);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                dictOf(stack.peek(), "SETITEM").put(dictKey(k), value);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putAll(dictOf(stack.peek(), "SETITEMS"), items);
            }
            case Opcodes.APPEND -> {
                Object value = stack.pop();
                listOf(stack.peek(), "APPEND").add(value);
            }
            case Opcodes.APPENDS -> {
                List<Object> items = stack.pop_all_since_marker();
                listOf(stack.peek(), "APPENDS").addAll(items);
            }
            default -> {
                checkArguments(key);
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    private Object global(String module, String name) {
        String qualified = module + "." + name;
        if (qualified.equals(ORDERED_DICT.name())) {
            return ORDERED_DICT;
        }
        if (qualified.equals(rebuildTensor.name())) {
            return rebuildTensor;
        }
        if (module.equals("torch") && name.endsWith("Storage")) {
            StorageType type = StorageType.byClassName(name);
            if (type == null) {
                throw new Refusal("refused pickle global " + Refusal.quote(qualified)
                        + ": only float32, float16, bfloat16 and float64 storages are read");
            }
            return storageClasses.computeIfAbsent(type, StorageClass::new);
        }
        throw new Refusal("refused pickle global " + Refusal.quote(qualified));
    }

    private static Object reduce(Object callable, Object args) {
        if (callable instanceof PermittedCallable permitted) {
            if (!(args instanceof Object[] tuple)) {
                throw new Refusal("REDUCE of " + Refusal.quote(permitted.name()) + " with " + describe(args)
                        + " as its arguments, not a tuple");
            }
            return permitted.call(tuple);
        }
        if (callable instanceof StorageClass storageClass) {
            throw new Refusal("refused call of " + Refusal.quote(storageClass.type().qualifiedName()));
        }
        throw new Refusal("refused REDUCE on " + describe(callable) + ", which is not a permitted callable");
    }

    private static void build(Object target, Object state) {
        if (target instanceof OrderedDict && state instanceof Map<?, ?> attributes
                && attributes.keySet().stream().allMatch("_metadata"::equals)) {
            return; // Module.state_dict()'s version numbers per submodule: not needed to read the tensors
        }
        throw new Refusal("refused BUILD (setting object state) on " + describe(target) + " with "
                + describe(state));
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] id) || id.length != 5 || !"storage".equals(id[0])) {
            throw new Refusal("refused persistent id " + describe(pid)
                    + ": only ('storage', class, key, location, numel) is read");
        }
        if (!(id[1] instanceof StorageClass storageClass)) {
            throw new Refusal("persistent id of a storage whose class is " + describe(id[1]));
        }
        if (!(id[2] instanceof String key) || !STORAGE_KEY.matcher(key).matches()) {
            throw new Refusal("invalid storage key " + describe(id[2]));
        }
        if (!(id[3] instanceof String)) {
            throw new Refusal("storage " + Refusal.quote(key) + " has " + describe(id[3]) + " as its location");
        }
        long numel = count(id[4], "number of elements of storage " + Refusal.quote(key));
        if (numel > MAX_ELEMENTS) {
            throw new Refusal("storage " + Refusal.quote(key) + " declares " + numel
                    + " elements, more than a Java array holds");
        }
        StorageRef storage = new StorageRef(key, storageClass.type(), numel);
        StorageRef earlier = storages.putIfAbsent(key, storage);
        if (earlier != null && !earlier.equals(storage)) {
            throw new Refusal("storage " + Refusal.quote(key) + " is declared twice, as " + earlier.numel() + " "
                    + earlier.type().qualifiedName() + " and as " + numel + " " + storage.type().qualifiedName());
        }
        return earlier != null ? earlier : storage;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TensorRef rebuildTensor(Object[] args) {
        if (args.length != 6 && args.length != 7) {
            throw new Refusal("_rebuild_tensor_v2 called with " + args.length + " arguments, not 6 or 7");
        }
        if (!(args[0] instanceof StorageRef storage)) {
            throw new Refusal("_rebuild_tensor_v2 called on " + describe(args[0]) + ", not a storage");
        }
        long offset = count(args[1], "storage offset");
        long[] shape = counts(args[2], "size");
        long[] stride = counts(args[3], "stride");
        if (shape.length != stride.length) {
            throw new Refusal("tensor of size " + Arrays.toString(shape) + " has " + stride.length + " strides");
        }
        if (!(args[4] instanceof Boolean)) {
            throw new Refusal("tensor has " + describe(args[4]) + " as requires_grad");
        }
        if (!isEmptyOrNone(args[5])) {
            throw new Refusal("refused tensor with backward hooks (" + describe(args[5]) + ")");
        }
        if (args.length == 7 && !isEmptyOrNone(args[6])) {
            throw new Refusal("refused tensor with metadata (" + describe(args[6]) + ")");
        }
        String what = "tensor of size " + Arrays.toString(shape) + " (offset " + offset + ", stride "
                + Arrays.toString(stride) + ") in storage " + Refusal.quote(storage.key());
        try {
            long numel = 1;
            long last = offset;
            for (int i = 0; i < shape.length; i++) {
                numel = Math.multiplyExact(numel, shape[i]);
                if (shape[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(shape[i] - 1, stride[i]));
                }
            }
            if (numel > MAX_ELEMENTS) {
                throw new Refusal(what + ": more elements than a Java array holds");
            }
            if (numel > 0 && last >= storage.numel()) {
                throw new Refusal(what + " reaches element " + last + ", but the storage has " + storage.numel());
            }
            return new TensorRef(storage, offset, shape, stride, numel);
        } catch (ArithmeticException e) {
            throw new Refusal(what + ": its size overflows");
        }
    }

    private static boolean isEmptyOrNone(Object value) {
        return value == null || value instanceof Map<?, ?> map && map.isEmpty();
    }

    private static long[] counts(Object value, String what) {
        if (!(value instanceof Object[] tuple)) {
            throw new Refusal("tensor " + what + " is " + describe(value) + ", not a tuple");
        }
        if (tuple.length > MAX_DIMENSIONS) {
            throw new Refusal("tensor " + what + " has " + tuple.length + " dimensions, more than "
                    + MAX_DIMENSIONS);
        }
        long[] counts = new long[tuple.length];
        for (int i = 0; i < tuple.length; i++) {
            counts[i] = count(tuple[i], "tensor " + what);
        }
        return counts;
    }

    /** A non-negative int. */
    private static long count(Object value, String what) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        throw new Refusal(what + " is " + describe(value) + ", not a non-negative int");
    }

    private static void putAll(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new Refusal("malformed pickle: a dict with an odd number of keys and values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(dictKey(items.get(i)), items.get(i + 1));
        }
    }

    /** Scalars only, ints as Long: a list as a key would make Java hash its contents (and cycles never end). */
    private static Object dictKey(Object key) {
        if (key instanceof Integer i) {
            return i.longValue();
        }
        if (key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Double || key instanceof Boolean) {
            return key;
        }
        throw new Refusal("refused dict key " + describe(key) + ": only str, int, float, bool or None");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dictOf(Object target, String opcode) {
        if (target instanceof LinkedHashMap<?, ?> dict) {
            return (Map<Object, Object>) dict;
        }
        throw new Refusal("malformed pickle: " + opcode + " on " + describe(target));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object target, String opcode) {
        if (target instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw new Refusal("malformed pickle: " + opcode + " on " + describe(target));
    }

    /** What a value is, in Python's terms, for messages. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String s) {
            return "the str " + Refusal.quote(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "the int " + value;
        } else if (value instanceof Double) {
            return "the float " + value;
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof Object[] tuple) {
            return "a tuple of " + tuple.length;
        } else if (value instanceof OrderedDict dict) {
            return "an OrderedDict of " + dict.size() + " items";
        } else if (value instanceof Map<?, ?> dict) {
            return "a dict of " + dict.size() + " items";
        } else if (value instanceof List<?> list) {
            return "a list of " + list.size();
        } else if (value instanceof PermittedCallable callable) {
            return Refusal.quote(callable.name());
        } else if (value instanceof StorageClass storageClass) {
            return Refusal.quote(storageClass.type().qualifiedName());
        } else if (value instanceof StorageRef storage) {
            return "storage " + Refusal.quote(storage.key());
        } else if (value instanceof TensorRef) {
            return "a tensor";
        }
        return "an unsupported object";
    }

    /** Refuses opcodes outside the allow-list, and any whose argument would run past the end of the pickle. */
    private void checkArguments(short opcode) {
        switch (opcode) {
            case Opcodes.MARK, Opcodes.STOP, Opcodes.POP, Opcodes.POP_MARK, Opcodes.DUP, Opcodes.NONE,
                    Opcodes.NEWTRUE, Opcodes.NEWFALSE, Opcodes.EMPTY_TUPLE, Opcodes.TUPLE, Opcodes.TUPLE1,
                    Opcodes.TUPLE2, Opcodes.TUPLE3, Opcodes.EMPTY_LIST, Opcodes.LIST, Opcodes.BINPERSID,
                    Opcodes.MEMOIZE -> {
                // no argument
            }
            case Opcodes.BININT1, Opcodes.BINGET, Opcodes.BINPUT, Opcodes.PROTO -> in.require(1);
            case Opcodes.BININT2 -> in.require(2);
            case Opcodes.BININT, Opcodes.LONG_BINGET, Opcodes.LONG_BINPUT -> in.require(4);
            case Opcodes.BINFLOAT, Opcodes.FRAME -> in.require(8);
            case Opcodes.SHORT_BINSTRING, Opcodes.SHORT_BINUNICODE, Opcodes.LONG1 -> in.requireCounted(1);
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.LONG4 -> in.requireCounted(4);
            case Opcodes.BINUNICODE8 -> in.requireCounted(8);
            case Opcodes.INT, Opcodes.LONG, Opcodes.FLOAT, Opcodes.GET, Opcodes.PUT -> in.requireLine(MAX_NUMBER_CHARS);
            case Opcodes.STRING, Opcodes.UNICODE -> in.requireLine(Integer.MAX_VALUE);
            default -> throw new Refusal("refused pickle opcode " + opcodeName(opcode));
        }
    }

    private static String opcodeName(short opcode) {
        String name = switch (opcode) {
            case Opcodes.OBJ -> "OBJ";
            case Opcodes.NEWOBJ -> "NEWOBJ";
            case Opcodes.NEWOBJ_EX -> "NEWOBJ_EX";
            case Opcodes.PERSID -> "PERSID";
            case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 -> "EXT (extension registry)";
            case Opcodes.BINBYTES, Opcodes.SHORT_BINBYTES, Opcodes.BINBYTES8 -> "BINBYTES (bytes)";
            case Opcodes.BYTEARRAY8 -> "BYTEARRAY8";
            case Opcodes.EMPTY_SET, Opcodes.ADDITEMS, Opcodes.FROZENSET -> "for a set";
            case Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER -> "for an out-of-band buffer";
            default -> null;
        };
        String code = String.format("0x%02x", opcode);
        return name == null ? code + " (not a pickle opcode)" : name + " (" + code + ")";
    }

    /** A line argument (GLOBAL, INST), without its newline. */
    private String line(int maxChars) {
        int length = in.requireLine(maxChars);
        String text = new String(in.take(length), StandardCharsets.UTF_8);
        in.take(1);
        return text;
    }

    /** The pickle in memory, so that a declared length can be checked against what is left before reading it. */
    private static final class PickleInput extends ByteArrayInputStream {
        PickleInput(byte[] bytes) {
            super(bytes);
        }

        void require(long length) {
            if (length > count - pos) {
                throw new Refusal("truncated pickle: it ends inside an opcode's argument");
            }
        }

        /** A length of {@code width} bytes (little-endian), then that many bytes. */
        void requireCounted(int width) {
            require(width);
            long length = 0;
            for (int i = width - 1; i >= 0; i--) {
                length = (length << 8) | (buf[pos + i] & 0xff);
            }
            if (width == 4) {
                length = (int) length; // signed
            }
            if (length < 0) {
                throw new Refusal("malformed pickle: negative length " + length);
            }
            if (length > count - pos - width) {
                throw new Refusal("truncated pickle: an argument of " + length + " bytes runs past its end");
            }
        }

        /** The length of the line starting here, which must end in a newline within {@code maxChars}. */
        int requireLine(int maxChars) {
            for (int i = pos; i < count; i++) {
                if (buf[i] == '\n') {
                    return i - pos;
                }
                if (i - pos >= maxChars) {
                    throw new Refusal("malformed pickle: a line argument longer than " + maxChars + " characters");
                }
            }
            throw new Refusal("truncated pickle: it ends inside an opcode's argument");
        }

        byte[] take(int length) {
            byte[] bytes = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return bytes;
        }
    }
}
