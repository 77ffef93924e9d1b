package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2× up-sampling (docs/design/iassf.md, "Building blocks"): conv1x1 to 4·C', then pixel shuffle.
 * Input (B, C, H, W); output (B, C', 2H, 2W).
 */
public final class PixelShuffleUp extends NetworkBlock {
    private final long out;
    private final ConvLayer conv;

    public PixelShuffleUp(long in, long out) {
        super((byte) 1);
        this.out = out;
        conv = addMapChild("conv", ConvLayer.pointwise(in, 4 * out), in);
    }

    /** Rearranges (B, 4C, H, W) into (B, C, 2H, 2W), as PyTorch's PixelShuffle(2). */
    public static NDArray pixelShuffle(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        // (B, C, 2, 2, H, W) -> (B, C, H, 2, W, 2)
        return x.reshape(b, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, 2 * h, 2 * w);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(pixelShuffle(apply(conv, store, inputs.singletonOrThrow(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), out, 2 * s.get(2), 2 * s.get(3))};
    }

    @Override
    public long macs(long height, long width) {
        return conv.macs(height, width);
    }
}
