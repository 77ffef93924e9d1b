package org.hazefuse.weights.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hazefuse.io.BadInputException;
import org.hazefuse.weights.pytorch.CheckpointFiles.RawEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken checkpoints, each written by hand: every one must end in a {@link BadInputException} with
 * a one-line message naming the problem, quickly and in bounded memory, and nothing in them may run.
 */
class TorchHostileCheckpointTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path temp;
    private int files;

    /** A checkpoint with this pickle and a float32 storage '0' of 4 elements. */
    private Path checkpoint(byte[] pickle) throws IOException {
        return checkpoint(pickle, Map.of("0", CheckpointFiles.float32(1, 2, 3, 4)));
    }

    private Path checkpoint(byte[] pickle, Map<String, byte[]> storages) throws IOException {
        return CheckpointFiles.write(temp.resolve("c" + files++ + ".pth"), pickle, storages);
    }

    /** A dict {'model': value} around what {@code value} writes. */
    private static byte[] inModel(java.util.function.Consumer<PickleWriter> value) {
        PickleWriter p = new PickleWriter().proto(2).emptyDict().str("model");
        value.accept(p);
        return p.setitem().stop().bytes();
    }

    private static void assertRefused(Path file, long maxBytes, String... fragments) {
        Throwable thrown = catchThrowable(() -> TorchCheckpoint.read(file, maxBytes));
        assertThat(thrown).isInstanceOf(BadInputException.class);
        assertThat(thrown.getMessage()).startsWith(file + ": ").doesNotContain("\n", "\r").contains(fragments);
        assertThat(((BadInputException) thrown).file()).isEqualTo(file);
    }

    private static void assertRefused(Path file, String... fragments) {
        assertRefused(file, TorchCheckpoint.DEFAULT_MAX_BYTES, fragments);
    }

    // ---- globals and calls ----

    @Test
    void posixSystemIsRefusedByName() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).global("posix", "system").str("touch /tmp/pwned").tuple1()
                .reduce().stop().bytes();
        assertRefused(checkpoint(pickle), "refused pickle global 'posix.system'");
    }

    @Test
    void osSystemInsideAStateDictIsRefused() throws IOException {
        byte[] pickle = inModel(p -> p.orderedDict().str("w")
                .tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1})
                .setitem().str("evil").global("os", "system").str("id").tuple1().reduce().setitem());
        assertRefused(checkpoint(pickle), "refused pickle global 'os.system'");
    }

    @Test
    void builtinsEvalByStackGlobalIsRefused() throws IOException {
        byte[] pickle = new PickleWriter().proto(4).str("builtins").str("eval").op(0x93)
                .str("__import__('os').system('id')").tuple1().reduce().stop().bytes();
        assertRefused(checkpoint(pickle), "refused pickle global 'builtins.eval'");
    }

    @Test
    void anyOtherGlobalIsRefusedEvenWithoutACall() throws IOException {
        assertRefused(checkpoint(new PickleWriter().proto(2).global("subprocess", "Popen").stop().bytes()),
                "refused pickle global 'subprocess.Popen'");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("torch", "load").stop().bytes()),
                "refused pickle global 'torch.load'");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("copy_reg", "_reconstructor").stop().bytes()),
                "refused pickle global 'copy_reg._reconstructor'");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("__builtin__", "set").stop().bytes()),
                "refused pickle global '__builtin__.set'");
        // A name with a newline-free control character is quoted harmlessly.
        assertRefused(checkpoint(new PickleWriter().proto(2).global("os\u0007", "system").stop().bytes()),
                "refused pickle global 'os?.system'");
    }

    @Test
    void reduceOnAnythingButAPermittedCallableIsRefused() throws IOException {
        assertRefused(checkpoint(new PickleWriter().proto(2).str("os.system").str("id").tuple1().reduce()
                .stop().bytes()), "refused REDUCE on the str 'os.system', which is not a permitted callable");
        assertRefused(checkpoint(new PickleWriter().proto(2).emptyDict().emptyTuple().reduce().stop().bytes()),
                "refused REDUCE on a dict of 0 items");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("torch", "FloatStorage").integer(4).tuple1()
                .reduce().stop().bytes()), "refused call of 'torch.FloatStorage'");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("collections", "OrderedDict").emptyList()
                .tuple1().reduce().stop().bytes()), "refused call of 'collections.OrderedDict' with 1 arguments");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("collections", "OrderedDict").emptyList()
                .reduce().stop().bytes()), "REDUCE of 'collections.OrderedDict' with a list of 0 as its arguments");
    }

    @Test
    void objectsOfUnregisteredClassesAreRefused() throws IOException {
        // INST and OBJ make an instance of a class; Pyrolite would have made a ClassDict of it.
        assertRefused(checkpoint(new PickleWriter().proto(2).mark().op('i')
                .raw("__main__\nEvil\n".getBytes(StandardCharsets.US_ASCII)).stop().bytes()),
                "refused pickle INST of '__main__.Evil'");
        assertRefused(checkpoint(new PickleWriter().proto(2).mark().global("__main__", "Evil").op('o').stop()
                .bytes()), "refused pickle global '__main__.Evil'");
        assertRefused(checkpoint(new PickleWriter().proto(2).global("collections", "OrderedDict").emptyTuple()
                .op(0x81).stop().bytes()), "refused pickle opcode NEWOBJ (0x81)");
        // BUILD (setstate) on a class object, on a plain dict, and on an OrderedDict with other attributes.
        assertRefused(checkpoint(new PickleWriter().proto(2).global("__main__", "Evil").emptyDict().build().stop()
                .bytes()), "refused pickle global '__main__.Evil'");
        assertRefused(checkpoint(new PickleWriter().proto(2).emptyDict().emptyDict().str("x").integer(1).setitem()
                .build().stop().bytes()), "refused BUILD (setting object state) on a dict of 0 items");
        assertRefused(checkpoint(new PickleWriter().proto(2).orderedDict().emptyDict().str("__class__")
                .integer(1).setitem().build().stop().bytes()),
                "refused BUILD (setting object state) on an OrderedDict of 0 items with a dict of 1 items");
        assertRefused(checkpoint(new PickleWriter().proto(2).orderedDict().global("collections", "OrderedDict")
                .build().stop().bytes()), "refused BUILD");
    }

    @Test
    void otherOpcodesAreRefused() throws IOException {
        assertRefused(checkpoint(new PickleWriter().proto(2).op('P').raw("0\n".getBytes(StandardCharsets.US_ASCII))
                .stop().bytes()), "refused pickle opcode PERSID");
        assertRefused(checkpoint(new PickleWriter().proto(2).op(0x82).raw(1).stop().bytes()),
                "refused pickle opcode EXT (extension registry)");
        assertRefused(checkpoint(new PickleWriter().proto(4).op(0x8f).stop().bytes()),
                "refused pickle opcode for a set");
        assertRefused(checkpoint(new PickleWriter().proto(3).op('C').raw(2, 'h', 'i').stop().bytes()),
                "refused pickle opcode BINBYTES (bytes)");
        assertRefused(checkpoint(new PickleWriter().proto(2).op(0xff).stop().bytes()),
                "refused pickle opcode 0xff (not a pickle opcode)");
    }

    // ---- tensors and storages ----

    @Test
    void storageShorterThanItsTensorIsRefused() throws IOException {
        byte[] pickle = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {10}, new long[] {1}));
        assertRefused(checkpoint(pickle), "tensor of size [10] (offset 0, stride [1]) in storage '0' reaches "
                + "element 9, but the storage has 4");
        // The offset and the strides count: a 2x2 view at offset 1 with row stride 2 reaches element 4.
        byte[] offset = inModel(p -> p.tensor("FloatStorage", "0", 4, 1, new long[] {2, 2}, new long[] {2, 1}));
        assertRefused(checkpoint(offset), "reaches element 4, but the storage has 4");
        byte[] overflow = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {3, 3},
                new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE}));
        assertRefused(checkpoint(overflow), "reaches element");
        // The pickle agrees with the tensor, but the archive's storage holds fewer bytes than the pickle says.
        byte[] declared = inModel(p -> p.tensor("FloatStorage", "0", 10, 0, new long[] {10}, new long[] {1}));
        assertRefused(checkpoint(declared), "storage '0' holds 16 bytes, but its pickle declares 10 elements of "
                + "torch.FloatStorage (40 bytes)");
    }

    @Test
    void wrongStorageKeyIsRefused() throws IOException {
        byte[] missing = inModel(p -> p.tensor("FloatStorage", "7", 4, 0, new long[] {4}, new long[] {1}));
        assertRefused(checkpoint(missing), "storage '7' is missing: the archive has no 'archive/data/7'");
        byte[] path = inModel(p -> p.tensor("FloatStorage", "../../etc/passwd", 4, 0, new long[] {4},
                new long[] {1}));
        assertRefused(checkpoint(path), "invalid storage key the str '../../etc/passwd'");
        byte[] notAString = inModel(p -> p.mark().str("storage").global("torch", "FloatStorage").integer(0)
                .str("cpu").integer(4).tuple().binpersid());
        assertRefused(checkpoint(notAString), "invalid storage key the int 0");
        byte[] twice = inModel(p -> p.emptyList()
                .tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}).append()
                .tensor("HalfStorage", "0", 8, 0, new long[] {8}, new long[] {1}).append());
        assertRefused(checkpoint(twice), "storage '0' is declared twice, as 4 torch.FloatStorage and as 8 "
                + "torch.HalfStorage");
    }

    @Test
    void malformedTensorsAreRefused() throws IOException {
        assertRefused(checkpoint(inModel(p -> p.tensor("LongStorage", "0", 2, 0, new long[] {2},
                new long[] {1}))), "refused pickle global 'torch.LongStorage': only float32, float16, bfloat16 "
                + "and float64 storages are read");
        byte[] hooks = inModel(p -> p.global("torch._utils", "_rebuild_tensor_v2").mark()
                .storage("FloatStorage", "0", 4).integer(0).ints(4).ints(1).bool(true)
                .orderedDict().str("hook").integer(1).setitem().tuple().reduce());
        assertRefused(checkpoint(hooks), "refused tensor with backward hooks (an OrderedDict of 1 items)");
        byte[] negative = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {-1}));
        assertRefused(checkpoint(negative), "tensor stride is the int -1, not a non-negative int");
        byte[] ranks = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {1}));
        assertRefused(checkpoint(ranks), "tensor of size [2, 2] has 1 strides");
        byte[] notAStorage = inModel(p -> p.global("torch._utils", "_rebuild_tensor_v2").mark().str("storage")
                .integer(0).ints(1).ints(1).bool(false).orderedDict().tuple().reduce());
        assertRefused(checkpoint(notAStorage), "_rebuild_tensor_v2 called on the str 'storage', not a storage");
        byte[] pid = inModel(p -> p.mark().str("module").str("x").tuple().binpersid());
        assertRefused(checkpoint(pid), "refused persistent id a tuple of 2");
        byte[] bare = inModel(p -> p.storage("FloatStorage", "0", 4));
        assertRefused(checkpoint(bare), "the checkpoint holds storage '0', which is not read");
    }

    @Test
    void tensorsBeyondTheLimitAreRefusedBeforeAnythingIsAllocated() throws IOException {
        // One float viewed a billion times (stride 0): 4 GB as float32.
        byte[] broadcast = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {1_000_000_000L},
                new long[] {0}));
        assertRefused(checkpoint(broadcast), "the tensors hold 4000000000 bytes as float32, more than the limit");
        byte[] huge = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {1L << 20, 1L << 20},
                new long[] {0, 0}));
        assertRefused(checkpoint(huge), "more elements than a Java array holds");
        byte[] pidNumel = inModel(p -> p.storage("FloatStorage", "0", 1L << 40));
        assertRefused(checkpoint(pidNumel), "storage '0' declares 1099511627776 elements");
    }

    // ---- structure ----

    @Test
    void structuresThatAreNotPlainDataAreRefused() throws IOException {
        assertRefused(checkpoint(new PickleWriter().proto(2).emptyList().stop().bytes()),
                "the checkpoint holds a list of 0, not a dict");
        // l = []; l.append(l)
        byte[] cycle = inModel(p -> p.emptyList().put(9).get(9).append());
        assertRefused(checkpoint(cycle), "the checkpoint holds a container that contains itself");
        PickleWriter deep = new PickleWriter().proto(2).emptyDict().str("deep");
        for (int i = 0; i < 200; i++) {
            deep.emptyList();
        }
        for (int i = 0; i < 199; i++) {
            deep.append();
        }
        assertRefused(checkpoint(deep.setitem().stop().bytes()), "nests containers deeper than 100 levels");
        byte[] tupleKey = new PickleWriter().proto(2).emptyDict().integer(1).tuple1().integer(2).setitem().stop()
                .bytes();
        assertRefused(checkpoint(tupleKey), "refused dict key a tuple of 1: only str, int, float, bool or None");
        byte[] intKey = new PickleWriter().proto(2).emptyDict().integer(1).integer(2).setitem().stop().bytes();
        assertRefused(checkpoint(intKey), "the checkpoint's dict has the key the int 1, not a str");
        // A shared sublist, referenced 2^60 times through 60 levels: checked once per container, not per path.
        PickleWriter shared = new PickleWriter().proto(2).emptyDict().str("dag").emptyList();
        for (int i = 0; i < 60; i++) {
            shared.put(0).op('0').emptyList().get(0).append().get(0).append(); // memoise, POP, [x, x]
        }
        assertThat(TorchCheckpoint.read(checkpoint(shared.setitem().stop().bytes())).entries()).containsKey("dag");
    }

    // ---- truncation ----

    @Test
    void truncatedArchivesAreRefused() throws IOException {
        byte[] whole = Files.readAllBytes(TorchCheckpointTest.writeSample(temp.resolve("whole.pth"), false));
        int[] lengths = {1, 3, 4, 30, 100, whole.length / 4, whole.length / 2, whole.length - 200,
                whole.length - 22, whole.length - 1};
        for (int length : lengths) {
            Path cut = Files.write(temp.resolve("cut" + length + ".pth"), Arrays.copyOf(whole, length));
            assertRefused(cut, length < 4 ? "not a PyTorch checkpoint: not a zip archive"
                    : "damaged or truncated zip archive");
        }
    }

    @Test
    void truncatedPicklesAreRefusedAtEveryLength() throws IOException {
        byte[] pickle = TorchCheckpointTest.samplePickle();
        Map<String, byte[]> storages = TorchCheckpointTest.sampleStorages();
        assertRefused(checkpoint(Arrays.copyOf(pickle, pickle.length - 1), storages),
                "truncated pickle: it ends before its STOP opcode");
        assertRefused(checkpoint(Arrays.copyOf(pickle, 0), storages), "truncated pickle");
        Path file = temp.resolve("cut.pth");
        for (int length = 1; length < pickle.length; length++) {
            CheckpointFiles.write(file, Arrays.copyOf(pickle, length), storages);
            assertRefused(file, ""); // some cuts leave a complete but wrong pickle; all must be refused cleanly
        }
        // A string whose declared length runs past the end is refused before anything is allocated for it.
        byte[] hugeString = new PickleWriter().proto(2).op('X').int32(Integer.MAX_VALUE).raw('a').bytes();
        assertRefused(checkpoint(hugeString), "truncated pickle: an argument of 2147483647 bytes runs past its end");
        byte[] hugeUnicode8 = new PickleWriter().proto(4).op(0x8d).raw(0, 0, 0, 0, 0, 0, 0, 0x40).bytes();
        assertRefused(checkpoint(hugeUnicode8), "truncated pickle: an argument of 4611686018427387904 bytes");
        byte[] longNumber = new PickleWriter().proto(2).op('L').raw("9".repeat(100_000).getBytes(
                StandardCharsets.US_ASCII)).raw('\n').stop().bytes();
        assertRefused(checkpoint(longNumber), "a line argument longer than 64 characters");
    }

    @Test
    void truncatedStorageIsRefused() throws IOException {
        byte[] pickle = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}));
        byte[] stored = Arrays.copyOf(CheckpointFiles.float32(1, 2, 3, 4), 10);
        Path file = CheckpointFiles.writeRaw(temp.resolve("short.pth"),
                new RawEntry("archive/data.pkl", false, pickle, pickle.length, crc(pickle)),
                new RawEntry("archive/data/0", false, stored, 16, crc(stored)));
        assertRefused(file, "archive/data/0");
    }

    @Test
    void damagedStorageFailsItsChecksum() throws IOException {
        byte[] values = CheckpointFiles.float32(1, 2, 3, 4);
        byte[] pickle = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}));
        byte[] zip = Files.readAllBytes(checkpoint(pickle, Map.of("0", values)));
        int at = indexOf(zip, values);
        zip[at + 5] ^= 0x01; // 2.0 becomes another float: a plausible value, caught only by the CRC
        assertRefused(Files.write(temp.resolve("flipped.pth"), zip),
                "zip entry 'archive/data/0' is damaged: its CRC-32 does not match");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    // ---- zip bombs and limits ----

    @Test
    void zipBombDeclaringItsSizeIsRefusedBeforeInflating() throws IOException {
        byte[] pickle = inModel(p -> p.tensor("FloatStorage", "0", 768L << 20, 0, new long[] {768L << 20},
                new long[] {1}));
        byte[] bomb = CheckpointFiles.deflatedWithZeros(new byte[0], 3 << 10); // 3 GiB of zeros, about 3 MB
        assertThat(bomb.length).isLessThan(8 << 20);
        Path file = CheckpointFiles.writeRaw(temp.resolve("bomb.pth"),
                new RawEntry("archive/data.pkl", false, pickle, pickle.length, crc(pickle)),
                new RawEntry("archive/data/0", true, bomb, 3 * GIB, 0));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(file,
                "zip entry 'archive/data/0' declares 3221225472 bytes uncompressed, more than the limit of "
                        + TorchCheckpoint.DEFAULT_MAX_BYTES));
        // Entries each within the limit, too many bytes together.
        byte[] small = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}));
        Path many = checkpoint(small, Map.of("0", CheckpointFiles.float32(1, 2, 3, 4), "1", new byte[600],
                "2", new byte[600]));
        assertRefused(many, 1000, "the zip entries declare more than 1000 bytes uncompressed in all");
    }

    @Test
    void zipBombLyingAboutItsSizeIsCutOff() throws IOException {
        // The storage entry claims its 16 bytes but inflates to 3 GiB: refused after reading 17 bytes.
        byte[] pickle = inModel(p -> p.tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}));
        byte[] bomb = CheckpointFiles.deflatedWithZeros(new byte[0], 3 << 10);
        Path storageBomb = CheckpointFiles.writeRaw(temp.resolve("storage-bomb.pth"),
                new RawEntry("archive/data.pkl", false, pickle, pickle.length, crc(pickle)),
                new RawEntry("archive/data/0", true, bomb, 16, 0));
        // The pickle entry inflates to the valid pickle, then 3 GiB more than it declares.
        byte[] pickleBomb = CheckpointFiles.deflatedWithZeros(pickle, 3 << 10);
        Path pickleBombFile = CheckpointFiles.writeRaw(temp.resolve("pickle-bomb.pth"),
                new RawEntry("archive/data.pkl", true, pickleBomb, pickle.length, 0),
                new RawEntry("archive/data/0", false, CheckpointFiles.float32(1, 2, 3, 4), 16,
                        crc(CheckpointFiles.float32(1, 2, 3, 4))));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertRefused(storageBomb, "zip entry 'archive/data/0' inflates to more than its 16 declared bytes");
            assertRefused(pickleBombFile, "zip entry 'archive/data.pkl' inflates to more than its " + pickle.length
                    + " declared bytes");
        });
    }

    // ---- not a checkpoint ----

    @Test
    void filesThatAreNotCheckpointsAreNamed() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.pth"), "not a checkpoint\n");
        assertRefused(text, "not a PyTorch checkpoint: not a zip archive");
        Path legacy = Files.write(temp.resolve("legacy.pth"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        assertRefused(legacy, "legacy format (before PyTorch 1.6");
        assertRefused(Files.write(temp.resolve("empty.pth"), new byte[0]), "empty file");
        assertRefused(temp.resolve("missing.pth"), "no such file");
        assertRefused(Files.createDirectory(temp.resolve("folder.pth")), "not a regular file");
        Path otherZip = CheckpointFiles.writeZip(temp.resolve("other.zip"),
                Map.of("manifest.json", "{}".getBytes(StandardCharsets.UTF_8)), true);
        assertRefused(otherZip, "not a PyTorch checkpoint: the zip holds no <name>/data.pkl");
        Map<String, byte[]> script = new LinkedHashMap<>();
        script.put("archive/data.pkl", TorchCheckpointTest.samplePickle());
        script.put("archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
        assertRefused(CheckpointFiles.writeZip(temp.resolve("script.pt"), script, false),
                "a TorchScript archive (torch.jit.save), not a torch.save checkpoint");
        Map<String, byte[]> bigEndian = new LinkedHashMap<>();
        bigEndian.put("archive/data.pkl", TorchCheckpointTest.samplePickle());
        bigEndian.put("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        assertRefused(CheckpointFiles.writeZip(temp.resolve("big.pth"), bigEndian, false),
                "byte order 'big' is not supported");
    }

    // ---- fuzz ----

    @Test
    void randomlyDamagedPicklesEndInACleanRefusalOrARead() throws IOException {
        byte[] pickle = TorchCheckpointTest.samplePickle();
        Map<String, byte[]> storages = TorchCheckpointTest.sampleStorages();
        Random random = new Random(13);
        Path file = temp.resolve("damaged.pth");
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] damaged = pickle.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            CheckpointFiles.write(file, damaged, storages);
            Throwable thrown = catchThrowable(() -> TorchCheckpoint.read(file));
            if (thrown != null) {
                assertThat(thrown).as("damaged pickle %d", i).isInstanceOf(BadInputException.class);
                assertThat(thrown.getMessage()).doesNotContain("\n");
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(100);
    }

    private static long crc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
