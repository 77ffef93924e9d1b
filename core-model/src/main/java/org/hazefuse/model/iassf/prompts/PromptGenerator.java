package org.hazefuse.model.iassf.prompts;

import org.hazefuse.statistics.FrameStatistics;
import org.hazefuse.layers.Reductions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.Initializers;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.image.Resize;

/**
 * Prompt generation (docs/design/iassf.md, "Forward pass", step 2 PGM, and the fusion stage's generator in step 6): the
 * difference Δ between the modalities selects, by softmax weights over its global average, a mix of L learnable
 * prompts, which is resized to the image and refined by a conv3x3.
 *
 * <p>Restoration variant: Δ (B, C, H, W) → GAP → Linear(C → L). The released model has no conv before pooling,
 * and this one follows it. Fusion variant ({@code inputChannels != promptChannels}): Δ (B, 3, H, W) → conv1x1
 * (3 → C) → GAP → Linear(C → L), and a conv1x1 after the conv3x3.
 *
 * <p>Input Δ; pool P (L, C, S, S); output prompt (B, C, H, W).
 *
 * <p>The released code's conventions (docs/decisions/0004-released-code-variant.md) are options: its conv3x3 pads
 * with zeros, and its fusion generator resizes with aligned corners.
 */
public final class PromptGenerator extends NetworkBlock {
    private final long channels;
    private final int poolSize;
    private final int side;
    private final boolean alignCorners;
    private final ConvLayer inputConv;
    private final Linear selector;
    private final Parameter pool;
    private final ConvLayer refine;
    private final ConvLayer outputConv;

    /**
     * @param inputChannels channels of Δ; when it differs from {@code promptChannels} the fusion variant is built
     * @param poolSize L, number of prompts
     * @param side S, side of each learnable prompt
     */
    public PromptGenerator(long inputChannels, long promptChannels, int poolSize, int side) {
        this(inputChannels, promptChannels, poolSize, side, false, true);
    }

    /**
     * @param alignCorners PyTorch's flag for the bilinear resize of the prompt to the image
     * @param reflectPadding the conv3x3 pads by reflection (this project) or with zeros (the released code)
     */
    public PromptGenerator(long inputChannels, long promptChannels, int poolSize, int side, boolean alignCorners,
            boolean reflectPadding) {
        super((byte) 1);
        this.alignCorners = alignCorners;
        this.channels = promptChannels;
        this.poolSize = poolSize;
        this.side = side;
        boolean fusionVariant = inputChannels != promptChannels;
        inputConv = fusionVariant
                ? addMapChild("inputConv", ConvLayer.pointwise(inputChannels, promptChannels), inputChannels)
                : null;
        selector = addVectorChild("selector", Linear.builder().setUnits(poolSize).build(), promptChannels);
        pool = addParameter(Parameter.builder().setName("pool").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(poolSize, promptChannels, side, side))
                .optInitializer(Initializers.unitUniform()).build());
        refine = addMapChild("refine", ConvLayer.square(promptChannels, promptChannels, 3, reflectPadding),
                promptChannels);
        outputConv = fusionVariant
                ? addMapChild("outputConv", ConvLayer.pointwise(promptChannels, promptChannels), promptChannels)
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray delta = inputs.singletonOrThrow();
        Shape s = delta.getShape();
        long batch = s.get(0);
        if (inputConv != null) {
            delta = apply(inputConv, store, delta, training);
        }
        NDArray difference = delta;
        NDArray pooled = FrameStatistics.shared(delta,
                () -> Reductions.spatialMean(difference).reshape(batch, channels)); // (B, C), the frame's
        NDArray weights = apply(selector, store, pooled, training).softmax(1); // (B, L)
        NDArray prompts = store.getValue(pool, delta.getDevice(), training).reshape(poolSize, -1);
        prompts.attach(delta.getManager()); // a view of the parameter: free it with this pass's arrays
        NDArray mixed = weights.matMul(prompts).reshape(batch, channels, side, side);
        NDArray prompt = apply(refine, store, toImageSize(mixed, s.get(2), s.get(3)), training);
        return new NDList(outputConv == null ? prompt : apply(outputConv, store, prompt, training));
    }

    /** The prompt resized to the frame, or, in a tile, the tile's window of it (the resize is not local). */
    private NDArray toImageSize(NDArray mixed, long height, long width) {
        return FrameStatistics.region()
                .map(r -> r.window(height, width))
                .map(r -> Resize.bilinearWindow(mixed, r.frameHeight(), r.frameWidth(), r.top(), r.left(), height,
                        width, alignCorners))
                .orElseGet(() -> Resize.bilinear(mixed, height, width, alignCorners));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, channels);
    }

    @Override
    public long macs(long height, long width) {
        long total = channels * poolSize + (long) poolSize * channels * side * side + refine.macs(height, width);
        if (inputConv != null) {
            total += inputConv.macs(height, width) + outputConv.macs(height, width);
        }
        return total;
    }
}
