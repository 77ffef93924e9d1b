package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage: {@code depth} transformer blocks at one resolution (docs/design/iassf.md, "Building blocks", stage). Only the last
 * ⌈attentionShare·depth⌉ blocks use window attention (plus the depth-wise conv); the others are depth-wise-conv
 * only. Every second block shifts its windows by w/2. Input and output (B, C, H, W).
 */
public final class TransformerStage extends NetworkBlock {
    private final List<TransformerBlock> blocks = new ArrayList<>();

    public TransformerStage(long channels, int depth, int heads, double mlpRatio, double attentionShare,
            int window, double gain) {
        super((byte) 1);
        int attentionBlocks = (int) Math.ceil(attentionShare * depth - 1e-9);
        long hidden = (long) (channels * mlpRatio);
        for (int i = 0; i < depth; i++) {
            boolean attention = i >= depth - attentionBlocks;
            var spec = new TransformerBlock.Spec(channels, heads, hidden, window, i % 2 == 1, attention, true,
                    false, gain);
            blocks.add(addMapChild("block" + i, new TransformerBlock(spec), channels));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (TransformerBlock block : blocks) {
            x = apply(block, store, x, training);
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public long macs(long height, long width) {
        return blocks.stream().mapToLong(b -> b.macs(height, width)).sum();
    }
}
