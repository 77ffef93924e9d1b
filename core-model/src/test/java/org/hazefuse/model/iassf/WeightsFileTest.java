package org.hazefuse.model.iassf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hazefuse.runtime.Engines;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hazefuse.weights.WeightsFormatException;

class WeightsFileTest {
    @TempDir
    Path temp;
    private Path file;

    @BeforeEach
    void save() throws IOException {
        file = saveTiny(temp.resolve("tiny.hzf"));
    }

    /** Random {@code tiny} weights, provenance "3 steps", saved to {@code file}. */
    static Path saveTiny(Path file) throws IOException {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.TINY);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(net, file, Map.of("steps", "3"));
        }
        return file;
    }

    @Test
    void savedWeightsGiveIdenticalOutputs() throws IOException {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork a = WeightsFile.load(file, manager, IassfConfigs.TINY).network();
            Path again = temp.resolve("again.hzf");
            WeightsFile.save(a, again, Map.of());
            IassfNetwork b = WeightsFile.load(again, manager, null).network();
            NDArray x = manager.randomUniform(-1, 1, new Shape(1, 3, 21, 30));
            NDArray ir = manager.randomUniform(-1, 1, new Shape(1, 3, 21, 30));
            NDList outA = a.forward(new ParameterStore(manager, false), new NDList(x, ir), false);
            NDList outB = b.forward(new ParameterStore(manager, false), new NDList(x, ir), false);
            for (int i = 0; i < 3; i++) {
                assertThat(outA.get(i).toFloatArray()).containsExactly(outB.get(i).toFloatArray());
            }
        }
        assertThat(WeightsFile.readManifest(file).provenance()).containsEntry("steps", "3");
        assertThat(temp.toFile().list()).allMatch(n -> n.endsWith(".hzf"));
    }

    @Test
    void wrongConfigurationIsNamed() {
        try (NDManager manager = Engines.cpuManager()) {
            assertThatThrownBy(() -> WeightsFile.load(file, manager, IassfConfigs.LITE))
                    .isInstanceOf(WeightsFormatException.class)
                    .hasMessageContaining("tiny.hzf")
                    .hasMessageContaining("'tiny', not 'lite'");
        }
    }

    @Test
    void corruptedParametersFailTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // Rewrite the archive with one flipped byte inside the stored parameters.
        Path corrupted = temp.resolve("corrupted.hzf");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(corrupted))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("parameters.bin")) {
                    content[content.length / 2] ^= 0x40;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        try (NDManager manager = Engines.cpuManager()) {
            assertThatThrownBy(() -> WeightsFile.load(corrupted, manager, null))
                    .isInstanceOf(WeightsFormatException.class).hasMessageContaining("corrupted");
        }
    }

    @Test
    void truncatedOrForeignFilesAreRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(temp.resolve("truncated.hzf"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path text = Files.writeString(temp.resolve("notes.hzf"), "hello");
        try (NDManager manager = Engines.cpuManager()) {
            assertThatThrownBy(() -> WeightsFile.load(truncated, manager, null))
                    .isInstanceOf(WeightsFormatException.class).hasMessageContaining("truncated.hzf");
            assertThatThrownBy(() -> WeightsFile.load(text, manager, null))
                    .isInstanceOf(WeightsFormatException.class).hasMessageContaining("not a HazeFuse weights file");
            assertThatThrownBy(() -> WeightsFile.load(temp.resolve("missing.hzf"), manager, null))
                    .isInstanceOf(WeightsFormatException.class).hasMessageContaining("not found");
        }
    }
}
