package org.hazefuse.model.iassf.prompts;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hazefuse.layers.AttentionUnit;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.NetworkBlock;

/**
 * Prompt embedding (docs/design/iassf.md, "Forward pass", step 3 PEB, and the prompt-embedding half of each fusion block in
 * step 6): concat(features, prompt) (2C) → window attention unit (no depth-wise conv, no norm) → conv1x1
 * (2C → C) → conv3x3. Inputs features and prompt (B, C, H, W); output (B, C, H, W). The conv3x3 pads by
 * reflection, or with zeros as the released code does (docs/decisions/0004-released-code-variant.md).
 */
public final class PromptEmbedding extends NetworkBlock {
    private final long channels;
    private final AttentionUnit attention;
    private final ConvLayer reduce;
    private final ConvLayer refine;

    public PromptEmbedding(long channels, int heads, int window, double gain) {
        this(channels, heads, window, gain, true);
    }

    /** @param reflectPadding the conv3x3 pads by reflection (this project) or with zeros (the released code) */
    public PromptEmbedding(long channels, int heads, int window, double gain, boolean reflectPadding) {
        super((byte) 1);
        this.channels = channels;
        attention = addMapChild("attention",
                new AttentionUnit(2 * channels, heads, window, false, true, false, gain), 2 * channels);
        reduce = addMapChild("reduce", ConvLayer.pointwise(2 * channels, channels), 2 * channels);
        refine = addMapChild("refine", ConvLayer.square(channels, channels, 3, reflectPadding),
                channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        var joined = inputs.get(0).concat(inputs.get(1), 1);
        var mixed = apply(reduce, store, apply(attention, store, joined, training), training);
        return new NDList(apply(refine, store, mixed, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, channels);
    }

    @Override
    public long macs(long height, long width) {
        return attention.macs(height, width) + reduce.macs(height, width) + refine.macs(height, width);
    }
}
