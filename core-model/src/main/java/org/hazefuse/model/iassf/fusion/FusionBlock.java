package org.hazefuse.model.iassf.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hazefuse.model.iassf.encoder.FeatureEncoder;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.image.Resize;
import org.hazefuse.model.iassf.prompts.PromptEmbedding;

/**
 * One fusion block of MsPE-FM (docs/design/iassf.md, "Forward pass", step 6): a feature encoder (in → out), then a prompt
 * embedding of the fusion prompt (adjusted to this width by a conv1x1 and resized bilinearly to this
 * resolution), added residually.
 *
 * <p>Inputs x (B, in, h, w) and prompt (B, P, H, W); output (B, out, h, w).
 */
public final class FusionBlock extends NetworkBlock {
    private final long out;
    private final boolean alignCorners;
    private final FeatureEncoder encoder;
    private final ConvLayer promptAdjust;
    private final PromptEmbedding embedding;

    public FusionBlock(long in, long out, long promptChannels, int heads, int window, double gain) {
        this(in, out, promptChannels, heads, window, gain, false, true);
    }

    /**
     * @param alignCorners PyTorch's flag for the bilinear resize of the prompt to this block's resolution
     * @param reflectPadding the embedding's conv3x3 pads by reflection (this project) or with zeros (released code)
     */
    public FusionBlock(long in, long out, long promptChannels, int heads, int window, double gain,
            boolean alignCorners, boolean reflectPadding) {
        super((byte) 1);
        this.out = out;
        this.alignCorners = alignCorners;
        encoder = addMapChild("encoder", new FeatureEncoder(in, out, window, gain), in);
        promptAdjust = addMapChild("promptAdjust", ConvLayer.pointwise(promptChannels, out), promptChannels);
        embedding = addMapChild("embedding", new PromptEmbedding(out, heads, window, gain, reflectPadding), out);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = apply(encoder, store, inputs.get(0), training);
        Shape s = x.getShape();
        // Resizing before the conv1x1 is the same map (both are linear per pixel, and bilinear weights sum to 1 so
        // the bias passes through) and far cheaper at low resolution.
        NDArray prompt = apply(promptAdjust, store,
                Resize.bilinear(inputs.get(1), s.get(2), s.get(3), alignCorners), training);
        return new NDList(x.add(embedding.forward(store, new NDList(x, prompt), training).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, out);
    }

    @Override
    public long macs(long height, long width) {
        return encoder.macs(height, width) + promptAdjust.macs(height, width) + embedding.macs(height, width);
    }
}
