package org.hazefuse.model.iassf.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hazefuse.io.BadInputException;
import org.hazefuse.model.iassf.DensityVariant;
import org.hazefuse.model.iassf.IassfFamily;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.pytorch.ParityFixture;
import org.hazefuse.weights.pytorch.TorchSave;
import org.hazefuse.weights.pytorch.TorchTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing checkpoints of the release's layout that are not the fixture: another seed, split in parts, read
 * back exactly and run on another input; and damaged ones, refused with every problem listed and nothing written.
 */
class ReleasedWeightsImportTest {
    @TempDir
    Path temp;
    private static Map<String, Map<String, long[]>> layout;
    private static Map<String, Map<String, TorchTensor>> seed11;

    @BeforeAll
    static void makeCheckpoint() throws IOException {
        layout = SyntheticRelease.layout(ParityFixture.locate());
        seed11 = SyntheticRelease.checkpoint(layout, 11);
    }

    @Test
    void aCheckpointOfAnotherSeedInThreePartsImportsExactlyAndRuns() throws IOException {
        Path whole = TorchSave.write(temp.resolve("IASSF.pth"), seed11);
        List<Path> parts = split(whole, 3);
        Path out = temp.resolve("out/iassf.hzf");

        ReleasedWeightsImport.Result r = ReleasedWeightsImport.run(parts.get(0), out, false, temp);

        assertThat(r.parts()).containsExactlyElementsOf(parts);
        assertThat(r.checkpointSha256()).isEqualTo(sha256(whole));
        assertThat(r.zeroedValues()).isEqualTo(270);
        assertThat(r.manifest().config()).isEqualTo(ReleasedCheckpointImporter.CONFIG);
        assertThat(r.manifest().provenance()).containsEntry(IassfFamily.SOURCE, "IASSF authors' release")
                .containsEntry(IassfFamily.DENSITY, "released")
                .containsEntry(ReleasedWeightsImport.CHECKPOINT, "IASSF_part_aa + IASSF_part_ab + IASSF_part_ac")
                .containsEntry(ReleasedWeightsImport.CHECKPOINT_SHA256, sha256(whole));
        assertThat(Files.list(temp).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hazefuse-"));

        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = WeightsFile.load(out, manager, null).network();
            assertThat(network.config().density()).isEqualTo(DensityVariant.RELEASED);
            for (ReleasedKeyTable.Source s : ReleasedKeyTable.plan(network).sources()) {
                float[] ours = s.parameter().getArray().toFloatArray();
                // Arrays.equals: AssertJ's containsExactly diffs in quadratic time, too slow for a prompt pool.
                float[] expected = s.zero() ? new float[ours.length]
                        : seed11.get(s.stateDict()).get(s.releasedKey()).data();
                assertThat(java.util.Arrays.equals(ours, expected)).as(s.path()).isTrue();
            }
            // Another input, of a size that is not a multiple of 4 or of the window.
            NDList outputs = network.forward(new ParameterStore(manager, false), new NDList(
                    manager.randomUniform(-1, 1, new Shape(1, 3, 53, 70)),
                    manager.randomUniform(-1, 1, new Shape(1, 1, 53, 70)).repeat(1, 3)), false);
            assertThat(outputs.get(2).getShape()).isEqualTo(new Shape(1, 3, 53, 70));
            for (int i = 0; i < 3; i++) {
                assertThat(outputs.get(i).isInfinite().any().getBoolean()).isFalse();
                assertThat(outputs.get(i).isNaN().any().getBoolean()).isFalse();
            }
        }
    }

    @Test
    void everyMissingMisshapedUnknownOrWrongKeyIsListedInOneLineAndNothingIsWritten() throws IOException {
        Map<String, Map<String, TorchTensor>> bad = copy(seed11);
        Map<String, TorchTensor> restoration = bad.get(ReleasedKeyTable.RESTORATION);
        Map<String, TorchTensor> fusion = bad.get(ReleasedKeyTable.FUSION);
        restoration.remove("layer2.blocks.5.attn.QK.bias");
        fusion.remove("final_conv.weight");
        restoration.put("conv24_3.weight", new TorchTensor(new long[] {3, 24}, new float[72]));
        fusion.put("extra.weight", new TorchTensor(new long[] {1}, new float[1]));
        float[] nan = restoration.get("skip0.bias").data().clone();
        nan[3] = Float.NaN;
        restoration.put("skip0.bias", new TorchTensor(new long[] {24}, nan));
        restoration.put("layer1.blocks.7.attn.attn.relative_positions",
                new TorchTensor(new long[] {64, 64, 2}, new float[64 * 64 * 2]));
        restoration.remove("w_ir"); // unused: its absence is no problem
        Path file = TorchSave.write(temp.resolve("bad.pth"), bad);
        Path out = temp.resolve("bad.hzf");

        assertThatThrownBy(() -> ReleasedWeightsImport.run(file, out, false, temp))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": not a checkpoint of the IASSF release's layout (6 problems)")
                .hasMessageContaining("dehaze_network_state_dict lacks 1 key: layer2.blocks.5.attn.QK.bias")
                .hasMessageContaining("fusion_network_state_dict lacks 1 key: final_conv.weight")
                .hasMessageContaining("fusion_network_state_dict has 1 unknown key: extra.weight")
                .hasMessageContaining("conv24_3.weight is [3, 24], expected [3, 24, 1, 1]")
                .hasMessageContaining("skip0.bias holds values that are not finite")
                .hasMessageContaining("layer1.blocks.7.attn.attn.relative_positions differs")
                .hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsGiven() throws IOException {
        Path file = TorchSave.write(temp.resolve("IASSF.pth"), seed11);
        Path out = Files.writeString(temp.resolve("mine.hzf"), "keep me");
        assertThatThrownBy(() -> ReleasedWeightsImport.run(file, out, false, temp))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists (use --overwrite");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        ReleasedWeightsImport.run(file, out, true, temp);
        assertThat(WeightsFile.readManifest(out).config()).isEqualTo(ReleasedCheckpointImporter.CONFIG);
        assertThatThrownBy(() -> ReleasedWeightsImport.run(file, temp.resolve("x.pth"), false, temp))
                .isInstanceOf(BadInputException.class).hasMessageContaining("must be a .hzf");
    }

    @Test
    void aHostileCheckpointIsRefusedBeforeAnythingRunsAndNothingIsWritten() throws IOException {
        Path file = TorchSave.writeCalling(temp.resolve("IASSF.pth"), "os", "system");
        Path out = temp.resolve("x.hzf");
        assertThatThrownBy(() -> ReleasedWeightsImport.run(file, out, false, temp))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("os.system").hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
        assertThat(temp.resolve("pwned")).doesNotExist();
        // In parts, the refusal names the part the user gave, not the temporary join.
        byte[] bytes = Files.readAllBytes(file);
        Path aa = Files.write(temp.resolve("IASSF_part_aa"), java.util.Arrays.copyOf(bytes, bytes.length / 2 + 1));
        Files.write(temp.resolve("IASSF_part_ab"), java.util.Arrays.copyOfRange(bytes, bytes.length / 2 + 1,
                bytes.length));
        assertThatThrownBy(() -> ReleasedWeightsImport.run(aa, out, false, temp))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(aa + ": joined with the parts after it: ")
                .hasMessageContaining("os.system").hasMessageNotContaining("hazefuse-joined");
        assertThat(out).doesNotExist();
    }

    private static Map<String, Map<String, TorchTensor>> copy(Map<String, Map<String, TorchTensor>> c) {
        Map<String, Map<String, TorchTensor>> out = new LinkedHashMap<>();
        c.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }

    /** Cuts a file as {@code split -n} would: n pieces, the last possibly shorter, suffixes _aa, _ab, … */
    private List<Path> split(Path whole, int n) throws IOException {
        long size = Files.size(whole);
        long piece = (size + n - 1) / n;
        List<Path> parts = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(whole)) {
            for (int i = 0; i < n; i++) {
                Path part = temp.resolve("IASSF_part_a" + (char) ('a' + i));
                try (OutputStream o = Files.newOutputStream(part)) {
                    o.write(in.readNBytes((int) piece));
                }
                parts.add(part);
            }
        }
        return parts;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
