package org.hazefuse.model.iassf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.WeightsFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 5 and 6: weights whose content contradicts their manifest, or whose manifest was edited, are
 * refused before they are used, in one line naming the first problem; the shipped version 1 weights still load.
 */
class WeightsValidationTest {
    private static final Path SHIPPED_LITE = Path.of("../assets/weights/lite.hzf");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path tiny;

    @BeforeEach
    void save() throws IOException {
        tiny = WeightsFileTest.saveTiny(temp.resolve("tiny.hzf"));
    }

    /** The entries of a weights file. */
    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /**
     * A copy of {@code source} with its manifest edited and its parameters replaced; with {@code fixChecksums} the
     * parameter and manifest checksums are recomputed, as someone editing the file on purpose would.
     */
    private Path variant(Path source, String name, Consumer<ObjectNode> manifest, UnaryOperator<byte[]> parameters,
            boolean fixChecksums) throws Exception {
        Map<String, byte[]> entries = entries(source);
        byte[] params = parameters.apply(entries.get("parameters.bin"));
        ObjectNode json = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        manifest.accept(json);
        if (fixChecksums) {
            json.put("sha256", sha256(params));
        }
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        Path file = temp.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                byte[] content = switch (e.getKey()) {
                    case "manifest.json" -> manifestBytes;
                    case "parameters.bin" -> params;
                    case "manifest.sha256" -> fixChecksums
                            ? sha256(manifestBytes).getBytes(StandardCharsets.US_ASCII) : e.getValue();
                    default -> e.getValue();
                };
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertRefused(Path file, String... parts) {
        long start = System.nanoTime();
        try (NDManager manager = Engines.cpuManager()) {
            var refused = assertThatThrownBy(() -> WeightsFile.load(file, manager, null))
                    .isInstanceOf(WeightsFormatException.class).hasMessageStartingWith(file.toString())
                    .hasMessageNotContaining("\n").hasMessageNotContaining("null");
            for (String part : parts) {
                refused.hasMessageContaining(part);
            }
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse").isLessThan(5);
    }

    @Test
    void theShippedVersionOneLiteWeightsStillLoad() {
        try (NDManager manager = Engines.cpuManager()) {
            WeightsFile.Loaded loaded = WeightsFile.load(SHIPPED_LITE, manager, IassfConfigs.LITE);
            assertThat(loaded.manifest().formatVersion()).isEqualTo(1);
            assertThat(loaded.manifest().parameters()).isEqualTo(loaded.network().countParameters());
        }
    }

    @Test
    void newFilesAreVersionTwoWithAManifestChecksum() throws IOException {
        assertThat(WeightsFile.readManifest(tiny).formatVersion()).isEqualTo(2);
        assertThat(entries(tiny).keySet()).containsExactly("manifest.json", "manifest.sha256", "parameters.bin");
    }

    @Test
    void aVersionOneManifestWithAnEditedWindowIsRefused() throws Exception {
        Path file = variant(SHIPPED_LITE, "window.hzf", m -> ((ObjectNode) m.get("config")).put("window", 5),
                p -> p, false);
        assertRefused(file, "configuration 'lite' is not the registered one: window 5, not 4");
    }

    @Test
    void liteWeightsRenamedPaperAreRefused() throws Exception {
        Path file = variant(SHIPPED_LITE, "renamed.hzf", m -> ((ObjectNode) m.get("config")).put("name", "paper"),
                p -> p, false);
        assertRefused(file, "configuration 'paper' is not the registered one: channels 12, not 24");
    }

    @Test
    void channelsTimesSixtyFourWithValidChecksumsAreRefusedAtOnce() throws Exception {
        Path file = variant(tiny, "wide.hzf", m -> {
            ObjectNode config = (ObjectNode) m.get("config");
            config.put("channels", 8 * 64);
            ((ObjectNode) config.get("stages").get(0)).put("channels", 8 * 64);
        }, p -> p, true);
        assertRefused(file, "configuration 'tiny' is not the registered one: channels 512, not 8");
    }

    @Test
    void aVersionTwoManifestEditedAfterWritingIsRefused() throws Exception {
        Path file = variant(tiny, "edited.hzf", m -> ((ObjectNode) m.get("provenance")).put("steps", "30000"),
                p -> p, false);
        assertRefused(file, "the manifest was changed after it was written");
    }

    @Test
    void parametersOfAnotherConfigurationAreRefusedNamingTheFirstMismatch() throws Exception {
        Path liteParams = variant(SHIPPED_LITE, "lite-params.hzf", m -> { }, p -> p, false);
        byte[] lite = entries(liteParams).get("parameters.bin");
        Path file = variant(tiny, "swapped.hzf", m -> { }, p -> lite, true);
        assertRefused(file, "parameters do not match configuration 'tiny'");
    }

    @Test
    void theShapeCheckNamesTheFirstParameterThatDiffers() {
        ExpectedParameters expected = ExpectedParameters.of(IassfConfigs.TINY);
        Map<String, Shape> actual = new LinkedHashMap<>(expected.shapes());
        String second = actual.keySet().stream().skip(1).findFirst().orElseThrow();
        actual.put(second, new Shape(2, 2304));
        assertThat(expected.firstMismatch(expected.shapes(), "tiny")).isNull();
        assertThat(expected.firstMismatch(actual, "tiny")).isEqualTo("parameter '" + second + "' has shape (2, 2304),"
                + " configuration 'tiny' needs " + expected.shapes().get(second));
    }

    @Test
    void truncatedParametersSayWhatIsWrong() throws Exception {
        Path file = variant(tiny, "short.hzf", m -> { }, p -> java.util.Arrays.copyOf(p, p.length / 2), true);
        assertRefused(file, "parameters do not match configuration 'tiny'", "truncated");
    }

    @Test
    void anOversizedParametersEntryStopsAtTheConfigurationsLimit() throws Exception {
        Path file = variant(tiny, "bomb.hzf", m -> { }, p -> new byte[64 << 20], true);
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertRefused(file, "entry parameters.bin is larger than its configuration allows");
    }

    @Test
    void aConfigurationErrorIsOneLine() throws Exception {
        Path file = variant(tiny, "stages.hzf", m -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                ((ObjectNode) m.get("config")).get("stages")).remove(4), p -> p, true);
        assertRefused(file, "unreadable manifest: invalid configuration: five restoration stages expected, got 4");
    }
}
