package org.hazefuse.weights.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IASSF parity fixture ({@code ../shared/fixtures/iassf-parity/}, beside the repository): a checkpoint in the
 * exact layout of the IASSF authors' release, read and checked against its {@code fixture.json}.
 */
class TorchFixtureTest {
    private Path folder;

    /** Fails when CI is set and the fixture is missing, skips elsewhere (reported as a skipped test). */
    @BeforeEach
    void findFixture() {
        folder = ParityFixture.require();
    }

    @Test
    void readsBothStateDictsWithEveryKeyAndShapeOfTheFixture() throws IOException {
        JsonNode fixture = new ObjectMapper().readTree(folder.resolve("fixture.json").toFile());
        Path file = folder.resolve(ParityFixture.CHECKPOINT);

        long start = System.nanoTime();
        TorchCheckpoint checkpoint = TorchCheckpoint.read(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("TorchFixtureTest: read " + file.getFileName() + " (" + Files.size(file) / 1_000_000
                + " MB) in " + millis + " ms");

        assertThat(checkpoint.entries().keySet())
                .containsExactly("dehaze_network_state_dict", "fusion_network_state_dict");
        JsonNode keys = fixture.get("state_dict_keys");
        Map<String, String> parameterCounts = Map.of("dehaze_network_state_dict", "restoration",
                "fusion_network_state_dict", "fusion");
        for (String entry : List.of("dehaze_network_state_dict", "fusion_network_state_dict")) {
            Map<String, TorchTensor> stateDict = checkpoint.stateDict(entry);
            List<String> expectedKeys = new ArrayList<>();
            keys.get(entry).fieldNames().forEachRemaining(expectedKeys::add);
            assertThat(stateDict.keySet()).as(entry).containsExactlyElementsOf(expectedKeys);

            long parameters = 0;
            for (Map.Entry<String, TorchTensor> e : stateDict.entrySet()) {
                long[] shape = new long[keys.get(entry).get(e.getKey()).size()];
                Iterator<JsonNode> sizes = keys.get(entry).get(e.getKey()).elements();
                for (int i = 0; sizes.hasNext(); i++) {
                    shape[i] = sizes.next().asLong();
                }
                assertThat(e.getValue().shape()).as(entry + " " + e.getKey()).containsExactly(shape);
                for (float v : e.getValue().data()) {
                    if (!Float.isFinite(v)) {
                        fail(entry + " " + e.getKey() + " holds " + v);
                    }
                }
                // fixture.json counts parameters: the attention windows' relative_positions are buffers.
                if (!e.getKey().endsWith(".relative_positions")) {
                    parameters += e.getValue().numel();
                }
            }
            assertThat(parameters).as(entry + " parameters")
                    .isEqualTo(fixture.get("parameters").get(parameterCounts.get(entry)).asLong());
        }
        assertThat(fixture.get("parameters").get("restoration").asLong()).isEqualTo(9_184_895L);
        assertThat(fixture.get("parameters").get("fusion").asLong()).isEqualTo(2_013_681L);

        // The README: the prompt pools were rounded down to multiples of 1/256 (so their decoding is checked too).
        for (String pool : List.of("dehaze_network_state_dict/PromptGenerationAndEmbeddingBlock.prompt_param",
                "fusion_network_state_dict/prompt_gen_block.prompt_param")) {
            String[] parts = pool.split("/");
            float[] data = checkpoint.stateDict(parts[0]).get(parts[1]).data();
            assertThat(data.length).isGreaterThan(1_000_000);
            for (float v : data) {
                if (v * 256 != Math.floor(v * 256)) {
                    fail(pool + " holds " + v + ", not a multiple of 1/256");
                }
            }
        }
        assertThat(checkpoint.stateDict("dehaze_network_state_dict").get("w_ir").data()).containsExactly(1f);
        assertThat(millis).as("read time, ms").isLessThan(10_000);
    }
}
