package org.hazefuse.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The transformer's feed-forward part (docs/design/iassf.md, "Building blocks"): conv1x1 (C → hidden) → ReLU → conv1x1
 * (hidden → C). Input and output (B, C, H, W).
 */
public final class PointwiseMlp extends NetworkBlock {
    private final ConvLayer expand;
    private final ConvLayer reduce;

    public PointwiseMlp(long channels, long hidden, double gain) {
        super((byte) 1);
        expand = addMapChild("expand", ConvLayer.pointwise(channels, hidden, true, gain), channels);
        reduce = addMapChild("reduce", ConvLayer.pointwise(hidden, channels, true, gain), hidden);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(reduce, store,
                Activation.relu(apply(expand, store, inputs.singletonOrThrow(), training)), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public long macs(long height, long width) {
        return expand.macs(height, width) + reduce.macs(height, width);
    }
}
