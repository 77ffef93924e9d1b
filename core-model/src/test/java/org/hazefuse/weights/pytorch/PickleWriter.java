package org.hazefuse.weights.pytorch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes by hand (see Python's {@code pickletools} for their meaning), so that tests can build
 * both what {@code torch.save} writes and what a hostile file might hold, without Python.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter proto(int protocol) {
        return op(0x80).raw(protocol);
    }

    PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleWriter raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PickleWriter global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** BINUNICODE. */
    PickleWriter str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return op('X').int32(utf8.length).raw(utf8);
    }

    /** BININT1, BININT2, BININT or LONG1, as Python picks. */
    PickleWriter integer(long value) {
        if (value >= 0 && value < 256) {
            return op('K').raw((int) value);
        }
        if (value >= 0 && value < 65536) {
            return op('M').raw((int) value & 0xff, (int) (value >>> 8));
        }
        if (value == (int) value) {
            return op('J').int32((int) value);
        }
        byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return op(0x8a).raw(8).raw(le);
    }

    /** BINFLOAT (big-endian, as pickle writes it). */
    PickleWriter binfloat(double value) {
        return op('G').raw(ByteBuffer.allocate(8).putDouble(value).array());
    }

    PickleWriter bool(boolean value) {
        return op(value ? 0x88 : 0x89);
    }

    PickleWriter none() {
        return op('N');
    }

    PickleWriter mark() {
        return op('(');
    }

    PickleWriter tuple() {
        return op('t');
    }

    PickleWriter emptyTuple() {
        return op(')');
    }

    PickleWriter tuple1() {
        return op(0x85);
    }

    PickleWriter tuple2() {
        return op(0x86);
    }

    PickleWriter emptyDict() {
        return op('}');
    }

    PickleWriter emptyList() {
        return op(']');
    }

    PickleWriter append() {
        return op('a');
    }

    PickleWriter setitem() {
        return op('s');
    }

    PickleWriter setitems() {
        return op('u');
    }

    PickleWriter reduce() {
        return op('R');
    }

    PickleWriter build() {
        return op('b');
    }

    PickleWriter binpersid() {
        return op('Q');
    }

    PickleWriter put(int index) {
        return index < 256 ? op('q').raw(index) : op('r').int32(index);
    }

    PickleWriter get(int index) {
        return index < 256 ? op('h').raw(index) : op('j').int32(index);
    }

    PickleWriter stop() {
        return op('.');
    }

    PickleWriter int32(int value) {
        return raw(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    }

    PickleWriter ints(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return tuple();
    }

    /** {@code collections.OrderedDict()}. */
    PickleWriter orderedDict() {
        return global("collections", "OrderedDict").emptyTuple().reduce();
    }

    /** The persistent id {@code ('storage', torch.<storageClass>, key, 'cpu', numel)} and BINPERSID. */
    PickleWriter storage(String storageClass, String key, long numel) {
        return mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).tuple()
                .binpersid();
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}, as torch.save writes it. */
    PickleWriter tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        storage(storageClass, key, numel).integer(offset).ints(size).ints(stride).bool(false).orderedDict();
        return tuple().reduce();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
