package org.hazefuse.model.iassf.release;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.runtime.Engines;
import org.hazefuse.weights.pytorch.ParityFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The released key table accounts for every parameter of {@code paper} and every key of the release. */
class ReleasedKeyTableTest {
    private static ReleasedKeyTable.Plan plan;
    private static long parameters;

    @BeforeAll
    static void planPaper() {
        try (NDManager manager = Engines.cpuManager()) {
            IassfNetwork network = new IassfNetwork(ReleasedCheckpointImporter.CONFIG);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8), new Shape(1, 3, 8, 8));
            plan = ReleasedKeyTable.plan(network);
            parameters = network.countParameters();
        }
    }

    @Test
    void everyParameterHasOneSourceAndTheReleaseLacksExactly270BiasValues() {
        assertThat(parameters).isEqualTo(11_197_692L);
        Set<String> keys = new LinkedHashSet<>();
        plan.sources().stream().filter(s -> !s.zero()).forEach(s -> assertThat(keys.add(s.stateDict() + "/"
                + s.releasedKey())).as("mapped twice: " + s.releasedKey()).isTrue());
        Map<String, Long> zeroed = new LinkedHashMap<>();
        plan.sources().stream().filter(ReleasedKeyTable.Source::zero).forEach(s -> {
            assertThat(s.path()).endsWith(".conv.bias");
            zeroed.merge(s.stateDict(), s.parameter().getShape().size(), Long::sum);
        });
        // docs/design/iassf.md, "Loss and training": +72 in restoration, +198 in fusion.
        assertThat(zeroed).containsEntry(ReleasedKeyTable.RESTORATION, 72L).containsEntry(ReleasedKeyTable.FUSION,
                198L);
        assertThat(plan.zeroedValues()).isEqualTo(270);
        long mapped = plan.sources().stream().filter(s -> !s.zero()).mapToLong(s -> s.parameter().getShape().size())
                .sum();
        // The release's 11,198,576 parameters minus the 1,154 unused ones.
        assertThat(mapped).isEqualTo(11_198_576L - 1_154L);
    }

    @Test
    void namesReadAsDottedPathsWithoutDjlsChildIndices() {
        assertThat(ReleasedKeyTable.path("05restoration_02stage1_01block0_01unit_01value_01conv_weight"))
                .isEqualTo("restoration.stage1.block0.unit.value.conv.weight");
        assertThat(plan.sources()).anySatisfy(s -> {
            assertThat(s.path()).isEqualTo("restoration.stage3.block7.unitNorm.rescaleWeight");
            assertThat(s.releasedKey()).isEqualTo("layer3.blocks.7.norm1.meta1.weight");
            assertThat(s.releasedShape()).containsExactly(96, 1, 1, 1);
        });
        assertThat(plan.sources()).anySatisfy(s -> {
            assertThat(s.path()).isEqualTo("fusion.block4.embedding.attention.attention.metaOut.weight");
            assertThat(s.releasedKey()).isEqualTo("prompt_in_blocks_dec.0.attention.attn.meta.2.weight");
        });
        assertThat(plan.derived()).contains(new ReleasedKeyTable.Derived(ReleasedKeyTable.RESTORATION,
                "restormer_encoder.attn.attn.relative_positions"));
    }

    /** Against the layout the fixture records of the authors' checkpoint: the same keys, the same shapes. */
    @Test
    void theTableAccountsForEveryKeyAndShapeOfTheReleasedLayout() throws IOException {
        Path fixture = ParityFixture.require();
        Map<String, Map<String, long[]>> released = SyntheticRelease.layout(fixture);
        Map<String, Map<String, long[]>> table = SyntheticRelease.tableLayout();
        assertThat(table.keySet()).containsExactlyElementsOf(released.keySet());
        released.forEach((dict, shapes) -> {
            assertThat(table.get(dict).keySet()).as(dict).containsExactlyInAnyOrderElementsOf(shapes.keySet());
            shapes.forEach((key, shape) -> assertThat(table.get(dict).get(key)).as(dict + " " + key)
                    .containsExactly(shape));
        });
    }
}
