package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A transformer block (docs/design/iassf.md, "Building blocks"): x = x + unit(x), then x = x + MLP(x).
 *
 * <p>The unit is RLN-wrapped (unit(x̂)·rescale + rebias) when it uses attention, applied directly when it is only a
 * depth-wise conv. The MLP is wrapped the same way only in the feature encoder ({@code normalizeMlp}).
 * Input and output (B, C, H, W).
 */
public final class TransformerBlock extends NetworkBlock {
    private final RescaledLayerNorm unitNorm;
    private final AttentionUnit unit;
    private final RescaledLayerNorm mlpNorm;
    private final PointwiseMlp mlp;

    /** Settings of one block; {@code gain} is the initialisation gain of its convolutions. */
    public record Spec(long channels, int heads, long mlpHidden, int window, boolean shifted,
            boolean useAttention, boolean useDepthwise, boolean normalizeMlp, double gain) {}

    public TransformerBlock(Spec spec) {
        super((byte) 1);
        long c = spec.channels();
        unitNorm = spec.useAttention() ? addMapChild("unitNorm", new RescaledLayerNorm(c), c) : null;
        unit = addMapChild("unit", new AttentionUnit(c, spec.heads(), spec.window(), spec.shifted(),
                spec.useAttention(), spec.useDepthwise(), spec.gain()), c);
        mlpNorm = spec.normalizeMlp() ? addMapChild("mlpNorm", new RescaledLayerNorm(c), c) : null;
        mlp = addMapChild("mlp", new PointwiseMlp(c, spec.mlpHidden(), spec.gain()), c);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = x.add(wrapped(unitNorm, unit, store, x, training));
        x = x.add(wrapped(mlpNorm, mlp, store, x, training));
        return new NDList(x);
    }

    private static NDArray wrapped(RescaledLayerNorm norm, NetworkBlock body, ParameterStore store, NDArray x,
            boolean training) {
        if (norm == null) {
            return apply(body, store, x, training);
        }
        NDList n = norm.forward(store, new NDList(x), training);
        return apply(body, store, n.get(0), training).mul(n.get(1)).add(n.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public long macs(long height, long width) {
        return unit.macs(height, width) + mlp.macs(height, width);
    }
}
