package org.hazefuse.weights.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hazefuse.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint written by hand the way torch.save writes one, read back exactly. */
class TorchCheckpointTest {
    @TempDir
    Path temp;

    /**
     * {@code {'model': OrderedDict(...) with _metadata, 'epoch': 7, 'lr': 0.001, 'name': 'IASSF',
     * 'flags': [True, False, None], 'pair': (1, 'a'), 'big': 2**64}}, with views of shared storages, float16 and
     * bfloat16 storages, a scalar and an empty tensor; globals memoised and fetched again as torch.save does.
     */
    static byte[] samplePickle() {
        PickleWriter p = new PickleWriter().proto(2).emptyDict().put(0).mark();
        p.str("model").global("collections", "OrderedDict").put(1).emptyTuple().reduce().put(2).mark();
        p.str("conv.weight").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1});
        p.str("conv.weight_t").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3});
        p.str("bias").tensor("FloatStorage", "1", 10, 2, new long[] {3}, new long[] {3});
        p.str("block").tensor("FloatStorage", "1", 10, 1, new long[] {2, 2}, new long[] {4, 1});
        p.str("half").tensor("HalfStorage", "2", 5, 0, new long[] {5}, new long[] {1});
        p.str("scalar").tensor("FloatStorage", "3", 1, 0, new long[] {}, new long[] {});
        p.str("bf16").tensor("BFloat16Storage", "4", 1, 0, new long[] {1}, new long[] {1});
        p.str("empty").tensor("FloatStorage", "5", 0, 0, new long[] {0, 3}, new long[] {3, 1});
        // Module.state_dict()'s _metadata, set by BUILD after the items.
        p.setitems().emptyDict().str("_metadata").get(1).emptyTuple().reduce().str("").emptyDict().str("version")
                .integer(1).setitem().setitem().setitem().build();
        p.str("epoch").integer(7).str("lr").binfloat(0.001).str("name").str("IASSF");
        p.str("flags").emptyList().bool(true).append().bool(false).append().none().append();
        p.str("pair").integer(1).str("a").tuple2();
        p.str("big").op(0x8a).raw(9).raw(0, 0, 0, 0, 0, 0, 0, 0, 1); // 2**64, LONG1
        return p.setitems().stop().bytes();
    }

    static Map<String, byte[]> sampleStorages() {
        Map<String, byte[]> storages = new LinkedHashMap<>();
        storages.put("0", CheckpointFiles.float32(1, 2, 3, 4, 5, 6));
        storages.put("1", CheckpointFiles.float32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        // 1, -2, 0.5, 65504 (largest half), 2^-24 (smallest subnormal half)
        storages.put("2", CheckpointFiles.int16(0x3c00, 0xc000, 0x3800, 0x7bff, 0x0001));
        storages.put("3", CheckpointFiles.float32(42.5f));
        storages.put("4", CheckpointFiles.int16(0x3fc0)); // bfloat16 1.5
        storages.put("5", new byte[0]);
        return storages;
    }

    static Path writeSample(Path file, boolean deflate) throws IOException {
        return CheckpointFiles.write(file, samplePickle(), sampleStorages(), deflate);
    }

    private static TorchTensor tensor(long[] shape, float... data) {
        return new TorchTensor(shape, data);
    }

    @ParameterizedTest(name = "deflated: {0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void readsEveryValueOfAHandWrittenCheckpoint(boolean deflate) throws IOException {
        TorchCheckpoint checkpoint = TorchCheckpoint.read(writeSample(temp.resolve("sample.pth"), deflate));

        assertThat(checkpoint.entries().keySet()).containsExactly("model", "epoch", "lr", "name", "flags", "pair",
                "big");
        assertThat(checkpoint.entries()).containsEntry("epoch", 7L).containsEntry("lr", 0.001)
                .containsEntry("name", "IASSF").containsEntry("pair", List.of(1L, "a"))
                .containsEntry("big", BigInteger.ONE.shiftLeft(64));
        assertThat((List<Object>) checkpoint.entries().get("flags")).containsExactly(true, false, null);

        Map<String, TorchTensor> model = checkpoint.stateDict("model");
        assertThat(model.keySet()).containsExactly("conv.weight", "conv.weight_t", "bias", "block", "half",
                "scalar", "bf16", "empty");
        assertThat(model.get("conv.weight")).isEqualTo(tensor(new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
        assertThat(model.get("conv.weight_t")).isEqualTo(tensor(new long[] {3, 2}, 1, 4, 2, 5, 3, 6));
        assertThat(model.get("bias")).isEqualTo(tensor(new long[] {3}, 2, 5, 8));
        assertThat(model.get("block")).isEqualTo(tensor(new long[] {2, 2}, 1, 2, 5, 6));
        assertThat(model.get("half")).isEqualTo(tensor(new long[] {5}, 1, -2, 0.5f, 65504, 0x1p-24f));
        assertThat(model.get("scalar")).isEqualTo(tensor(new long[] {}, 42.5f));
        assertThat(model.get("bf16")).isEqualTo(tensor(new long[] {1}, 1.5f));
        assertThat(model.get("empty")).isEqualTo(tensor(new long[] {0, 3}));
        assertThat(model.get("empty").numel()).isZero();
    }

    @Test
    void resultIsUnmodifiable() throws IOException {
        TorchCheckpoint checkpoint = TorchCheckpoint.read(writeSample(temp.resolve("sample.pth"), false));
        assertThatThrownBy(() -> checkpoint.entries().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> checkpoint.stateDict("model").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) checkpoint.entries().get("flags")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStateDictSavedOnItsOwnIsReadAsOne() throws IOException {
        PickleWriter p = new PickleWriter().proto(2).orderedDict().mark();
        p.str("w").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1});
        p.str("v").tensor("DoubleStorage", "1", 1, 0, new long[] {1}, new long[] {1});
        byte[] doubles = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).array();
        Path file = CheckpointFiles.write(temp.resolve("sd.pth"), p.setitems().stop().bytes(),
                Map.of("0", CheckpointFiles.float32(-1, 1), "1", doubles));

        Map<String, TorchTensor> stateDict = TorchCheckpoint.read(file).asStateDict();

        assertThat(stateDict.keySet()).containsExactly("w", "v");
        assertThat(stateDict.get("w").data()).containsExactly(-1, 1);
        assertThat(stateDict.get("v").data()).containsExactly(0.1f);
    }

    @Test
    void askingForAMissingOrNonTensorEntryNamesIt() throws IOException {
        Path file = writeSample(temp.resolve("sample.pth"), false);
        TorchCheckpoint checkpoint = TorchCheckpoint.read(file);
        assertThatThrownBy(() -> checkpoint.stateDict("dehaze_network_state_dict"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": the checkpoint has no entry 'dehaze_network_state_dict'; its entries: "
                        + "'model, epoch, lr, name, flags, pair, big'");
        assertThatThrownBy(() -> checkpoint.stateDict("flags")).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": entry 'flags' is a list, not a state dict");
        assertThatThrownBy(checkpoint::asStateDict).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": the checkpoint is not a state dict: 'model' is a dict, not a tensor");
    }

    @Test
    void halfPrecisionConvertsExactly() {
        assertThat(StorageType.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(StorageType.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(StorageType.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f); // smallest normal
        assertThat(StorageType.halfToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f); // largest subnormal
        assertThat(StorageType.halfToFloat((short) 0x8000)).isEqualTo(-0f);
        assertThat(Float.floatToRawIntBits(StorageType.halfToFloat((short) 0x8000))).isEqualTo(0x8000_0000);
        assertThat(StorageType.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(StorageType.halfToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(StorageType.halfToFloat((short) 0x7e00)).isNaN();
        // Every finite half value against the definition: (-1)^s 2^(e-15) (1 + m/1024), or 2^-14 m/1024.
        for (int bits = 0; bits < 0x10000; bits++) {
            int exponent = (bits >>> 10) & 0x1f;
            int mantissa = bits & 0x3ff;
            if (exponent == 0x1f) {
                continue;
            }
            double magnitude = exponent == 0 ? Math.scalb(mantissa / 1024.0, -14)
                    : Math.scalb(1 + mantissa / 1024.0, exponent - 15);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
            assertThat((double) StorageType.halfToFloat((short) bits)).as("half %04x", bits).isEqualTo(expected);
        }
    }

    @Test
    void stridedViewsGatherInCOrder() {
        float[] storage = new float[24];
        for (int i = 0; i < storage.length; i++) {
            storage[i] = i;
        }
        // A (2, 3, 4) tensor permuted to (4, 2, 3): element (i, j, k) = storage[12 j + 4 k + i].
        RestrictedUnpickler.StorageRef ref = new RestrictedUnpickler.StorageRef("0", StorageType.FLOAT32, 24);
        RestrictedUnpickler.TensorRef view = new RestrictedUnpickler.TensorRef(ref, 0, new long[] {4, 2, 3},
                new long[] {1, 12, 4}, 24);
        float[] expected = new float[24];
        int o = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    expected[o++] = 12 * j + 4 * k + i;
                }
            }
        }
        assertThat(TorchCheckpoint.gather(storage, view)).containsExactly(expected);
        // Broadcast (stride 0) and a size-1 dimension with an odd stride.
        RestrictedUnpickler.TensorRef broadcast = new RestrictedUnpickler.TensorRef(ref, 5, new long[] {3, 1, 2},
                new long[] {0, 1000, 1}, 6);
        assertThat(TorchCheckpoint.gather(storage, broadcast)).containsExactly(5, 6, 5, 6, 5, 6);
        RestrictedUnpickler.TensorRef rows = new RestrictedUnpickler.TensorRef(ref, 3, new long[] {2, 2},
                new long[] {2, 1}, 4);
        assertThat(TorchCheckpoint.gather(storage, rows)).containsExactly(3, 4, 5, 6);
    }
}
