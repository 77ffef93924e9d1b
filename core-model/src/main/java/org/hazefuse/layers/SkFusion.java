package org.hazefuse.layers;

import org.hazefuse.statistics.FrameStatistics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Selective-kernel fusion of two same-shaped maps (docs/design/iassf.md, "Building blocks", SK fusion): channel attention
 * from the global average of a + b picks, per channel, a softmax mix of the two branches.
 *
 * <p>Inputs a, b (B, C, H, W); output w_a·a + w_b·b, (B, C, H, W). The two pointwise convs have no bias.
 */
public final class SkFusion extends NetworkBlock {
    private final long channels;
    private final ConvLayer squeeze;
    private final ConvLayer excite;

    public SkFusion(long channels) {
        super((byte) 1);
        this.channels = channels;
        long reduced = Math.max(channels / 8, 4);
        squeeze = addMapChild("squeeze", ConvLayer.pointwise(channels, reduced, false, 1.0), channels);
        excite = addMapChild("excite", ConvLayer.pointwise(reduced, 2 * channels, false, 1.0), reduced);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray a = inputs.get(0);
        NDArray b = inputs.get(1);
        long batch = a.getShape().get(0);
        NDArray pooled = FrameStatistics.shared(a, () -> Reductions.spatialMean(a.add(b)));
        NDArray logits = apply(excite, store, Activation.relu(apply(squeeze, store, pooled, training)), training);
        NDArray weights = logits.reshape(batch, 2, channels, 1, 1).softmax(1);
        return new NDList(a.mul(weights.get(":, 0")).add(b.mul(weights.get(":, 1"))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public long macs(long height, long width) {
        return squeeze.macs(1, 1) + excite.macs(1, 1);
    }
}
