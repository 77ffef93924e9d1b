package org.hazefuse.model.iassf.encoder;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.layers.TransformerBlock;

/**
 * The feature encoder (docs/design/iassf.md, "Building blocks", feature encoder; used in "Forward pass" steps 1 and 6):
 * conv1x1 (in → C), then one transformer block with plain window attention (1 head, no depth-wise conv) and an
 * MLP of ratio 2.66, both RLN-wrapped. The same instance encodes both modalities, so its weights are shared.
 *
 * <p>Input (B, in, H, W); output (B, C, H, W).
 */
public final class FeatureEncoder extends NetworkBlock {
    /** The MLP expansion of the published encoder. */
    public static final double MLP_RATIO = 2.66;

    private final long out;
    private final ConvLayer embed;
    private final TransformerBlock block;

    public FeatureEncoder(long in, long out, int window, double gain) {
        super((byte) 1);
        this.out = out;
        embed = addMapChild("embed", ConvLayer.pointwise(in, out), in);
        var spec = new TransformerBlock.Spec(out, 1, (long) (out * MLP_RATIO), window, false, true, false, true, gain);
        block = addMapChild("block", new TransformerBlock(spec), out);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(block, store, apply(embed, store, inputs.singletonOrThrow(), training), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, out);
    }

    @Override
    public long macs(long height, long width) {
        return embed.macs(height, width) + block.macs(height, width);
    }
}
