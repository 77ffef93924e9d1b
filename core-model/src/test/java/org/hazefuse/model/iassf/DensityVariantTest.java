package org.hazefuse.model.iassf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.WeightsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code density} field of {@link IassfConfig}: recorded in manifests, absent from older ones (spec). */
class DensityVariantTest {
    @TempDir
    Path temp;

    @Test
    void theShippedLiteWeightsWrittenBeforeTheFieldLoadAsSpec() throws IOException {
        Path lite = repositoryFile("assets/weights/lite.hzf");
        assertThat(manifestJson(lite)).doesNotContain("density");
        try (NDManager manager = Engines.cpuManager()) {
            WeightsFile.Loaded loaded = WeightsFile.load(lite, manager, IassfConfigs.LITE);
            assertThat(loaded.manifest().config().density()).isEqualTo(DensityVariant.SPEC);
            assertThat(loaded.network().countParameters()).isEqualTo(368_426L);
        }
    }

    @Test
    void theReleasedVariantIsRecordedInTheManifestAndLoadsBack() throws IOException {
        Path file = temp.resolve("released.hzf");
        IassfConfig released = IassfConfigs.TINY.withDensity(DensityVariant.RELEASED);
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(released);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(net, file, Map.of());
            assertThat(manifestJson(file)).contains("\"density\" : \"released\"");
            assertThat(WeightsFile.load(file, manager, null).manifest().config()).isEqualTo(released);
            assertThatThrownBy(() -> WeightsFile.load(file, manager, IassfConfigs.TINY))
                    .isInstanceOf(WeightsFormatException.class);
        }
    }

    @Test
    void bothVariantsOfPaperHaveThePublishedParameterCount() {
        try (NDManager manager = Engines.cpuManager()) {
            for (DensityVariant v : DensityVariant.values()) {
                IassfNetwork net = new IassfNetwork(IassfConfigs.PAPER.withDensity(v));
                net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
                assertThat(net.countParameters()).as(v.id()).isEqualTo(11_197_692L);
            }
        }
    }

    @Test
    void anUnknownVariantInAManifestIsRefused() throws IOException {
        Path file = temp.resolve("spec.hzf");
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork net = new IassfNetwork(IassfConfigs.TINY);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            WeightsFile.save(net, file, Map.of());
        }
        Path bogus = temp.resolve("bogus.hzf");
        rewriteManifest(file, bogus, manifestJson(file).replace("\"density\" : \"spec\"", "\"density\" : \"x\""));
        assertThatThrownBy(() -> WeightsFile.readManifest(bogus)).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("unknown density variant 'x'");
    }

    static String manifestJson(Path hzf) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(hzf))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no manifest in " + hzf);
    }

    private static void rewriteManifest(Path from, Path to, String manifest) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                OutputStream raw = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(raw)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("manifest.json") ? manifest.getBytes(StandardCharsets.UTF_8)
                        : in.readAllBytes());
                out.closeEntry();
            }
        }
    }

    /** A file of the repository, found by walking up from the module's working directory. */
    static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
