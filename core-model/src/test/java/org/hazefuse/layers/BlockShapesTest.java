package org.hazefuse.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.hazefuse.runtime.Engines;
import org.hazefuse.model.iassf.encoder.FeatureEncoder;
import org.hazefuse.model.iassf.fusion.FusionBlock;
import org.hazefuse.model.iassf.fusion.FusionNetwork;
import org.hazefuse.model.iassf.prompts.PromptEmbedding;
import org.hazefuse.model.iassf.prompts.PromptGenerator;
import org.hazefuse.model.iassf.restoration.RestorationBackbone;
import org.hazefuse.model.iassf.restoration.StageConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every block keeps odd spatial sizes (37×53) and returns finite values of the documented shape. */
class BlockShapesTest {
    private static final int H = 37;
    private static final int W = 53;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Engines.cpuManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static Stream<Arguments> sameSizeBlocks() {
        return Stream.of(
                Arguments.of("conv 3x3", ConvLayer.square(4, 6, 3), 4, 6),
                Arguments.of("depth-wise 5x5", ConvLayer.depthwise(4, 5, 1.0), 4, 4),
                Arguments.of("attention unit", new AttentionUnit(4, 2, 8, false, true, true, 1.0), 4, 4),
                Arguments.of("shifted attention unit", new AttentionUnit(4, 2, 8, true, true, false, 1.0), 4, 4),
                Arguments.of("depth-wise only unit", new AttentionUnit(4, 1, 8, false, false, true, 1.0), 4, 4),
                Arguments.of("MLP", new PointwiseMlp(4, 8, 1.0), 4, 4),
                Arguments.of("transformer stage", new TransformerStage(4, 2, 2, 2, 0.5, 8, 1.0), 4, 4),
                Arguments.of("feature encoder", new FeatureEncoder(3, 8, 8, 1.0), 3, 8),
                Arguments.of("prompt generator", new PromptGenerator(8, 8, 3, 16), 8, 8),
                Arguments.of("fusion prompt generator", new PromptGenerator(3, 6, 3, 16), 3, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameSizeBlocks")
    void keepsOddSizes(String name, Block block, int in, int out) {
        NDArray y = run(block, List.of(new Shape(2, in, H, W)));
        assertThat(y.getShape()).isEqualTo(new Shape(2, out, H, W));
    }

    @Test
    void twoInputBlocksKeepOddSizes() {
        assertThat(run(new SkFusion(8), List.of(new Shape(2, 8, H, W), new Shape(2, 8, H, W))).getShape())
                .isEqualTo(new Shape(2, 8, H, W));
        assertThat(run(new PromptEmbedding(8, 2, 8, 1.0), List.of(new Shape(2, 8, H, W), new Shape(2, 8, H, W)))
                .getShape()).isEqualTo(new Shape(2, 8, H, W));
        assertThat(run(new FusionBlock(6, 12, 6, 1, 8, 1.0), List.of(new Shape(2, 6, H, W), new Shape(2, 6, 9, 11)))
                .getShape()).isEqualTo(new Shape(2, 12, H, W));
    }

    @Test
    void resamplingHalvesAndDoubles() {
        assertThat(run(ConvLayer.downsample(4, 8), List.of(new Shape(1, 4, 36, 52))).getShape())
                .isEqualTo(new Shape(1, 8, 18, 26));
        assertThat(run(new PixelShuffleUp(8, 4), List.of(new Shape(1, 8, 9, 13))).getShape())
                .isEqualTo(new Shape(1, 4, 18, 26));
    }

    @Test
    void uNetsKeepMultiplesOfFour() {
        List<StageConfig> stages = List.of(new StageConfig(8, 1, 1, 1, 1), new StageConfig(16, 1, 2, 1, 1),
                new StageConfig(32, 1, 2, 1, 1), new StageConfig(16, 1, 1, 1, 0), new StageConfig(8, 1, 1, 1, 0));
        assertThat(run(new RestorationBackbone(stages, 8, 1.0, 3), List.of(new Shape(1, 8, 36, 52))).getShape())
                .isEqualTo(new Shape(1, 3, 36, 52));
        assertThat(run(new FusionNetwork(4, 2, 8, 1, 8, 1.0, false),
                List.of(new Shape(1, 3, 36, 52), new Shape(1, 3, 36, 52))).getShape())
                .isEqualTo(new Shape(1, 3, 36, 52));
    }

    @Test
    void pixelShuffleMatchesPyTorchLayout() {
        // (1, 4, 1, 1) with values 0..3 becomes the 2x2 map [[0, 1], [2, 3]].
        NDArray x = manager.arange(4f).reshape(1, 4, 1, 1);
        assertThat(PixelShuffleUp.pixelShuffle(x).toFloatArray()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void reflectPaddingExcludesTheEdge() {
        NDArray x = manager.create(new float[] {1, 2, 3}).reshape(1, 1, 1, 3);
        assertThat(Padding.reflect(x, 0, 0, 2, 4).toFloatArray()).containsExactly(3, 2, 1, 2, 3, 2, 1, 2, 3);
    }

    private NDArray run(Block block, List<Shape> inputs) {
        Shape[] probe = inputs.stream().map(s -> new Shape(1, s.get(1), 8, 8)).toArray(Shape[]::new);
        block.initialize(manager, DataType.FLOAT32, probe);
        NDList in = new NDList();
        for (Shape s : inputs) {
            in.add(manager.randomUniform(-1, 1, s));
        }
        NDArray y = block.forward(new ParameterStore(manager, false), in, false).get(0);
        assertThat(y.isNaN().any().getBoolean()).isFalse();
        return y;
    }
}
