package org.hazefuse.model.iassf.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.image.Resize;
import org.hazefuse.model.iassf.prompts.PromptGenerator;

/**
 * MsPE-FM, the multi-stage prompt-embedding fusion network (docs/design/iassf.md, "Forward pass", step 6): a small U-Net on
 * concat(V̂, I_ir) with five fusion blocks, each steered by a prompt generated from Δ = I_ir − V̂.
 *
 * <pre>
 * p  = prompts(I_ir − V̂)                       (P, H, W), P = w1
 * e1 = block1(concat(V̂, I_ir))                 (w1, H, W)
 * e2 = block2(maxpool(e1))                     (w2, H/2, W/2)
 * e3 = block3(maxpool(e2))                     (w3, H/4, W/4)
 * d2 = block4(up(e3)) + skip2(e2)              (w2, H/2, W/2)
 * d1 = block5(up(d2)) + skip1(e1)              (w1, H, W)
 * F  = exit1x1(d1)                             (3, H, W)
 * </pre>
 * Inputs V̂ and I_ir (B, 3, H, W), H and W multiples of 4; output F (B, 3, H, W).
 *
 * <p>The released code resizes everything here (prompt, prompt per level, up-sampling) with aligned corners and
 * pads the prompt modules' conv3x3 with zeros; both are options (docs/decisions/0004-released-code-variant.md).
 */
public final class FusionNetwork extends NetworkBlock {
    private final boolean alignCorners;
    private final PromptGenerator prompts;
    private final FusionBlock block1;
    private final FusionBlock block2;
    private final FusionBlock block3;
    private final FusionBlock block4;
    private final FusionBlock block5;
    private final ConvLayer skip2;
    private final ConvLayer skip1;
    private final ConvLayer exit;

    /**
     * @param w1 base width (6 in the paper); the deeper levels are 2·w1 and 4·w1
     * @param residualExit the output is a residual added by the caller: its exit conv starts at zero
     */
    public FusionNetwork(int w1, int promptPool, int promptSide, int heads, int window, double gain,
            boolean residualExit) {
        this(w1, promptPool, promptSide, heads, window, gain, residualExit, false, true);
    }

    /**
     * @param alignCorners PyTorch's flag for every bilinear resize of this network (prompts and up-sampling)
     * @param reflectPadding the prompt modules' conv3x3 pad by reflection (this project) or with zeros
     */
    public FusionNetwork(int w1, int promptPool, int promptSide, int heads, int window, double gain,
            boolean residualExit, boolean alignCorners, boolean reflectPadding) {
        super((byte) 1);
        this.alignCorners = alignCorners;
        int w2 = 2 * w1;
        int w3 = 4 * w1;
        prompts = addMapChild("prompts", new PromptGenerator(3, w1, promptPool, promptSide, alignCorners,
                reflectPadding), 3);
        block1 = addMapChild("block1",
                new FusionBlock(6, w1, w1, heads, window, gain, alignCorners, reflectPadding), 6);
        block2 = addMapChild("block2",
                new FusionBlock(w1, w2, w1, heads, window, gain, alignCorners, reflectPadding), w1);
        block3 = addMapChild("block3",
                new FusionBlock(w2, w3, w1, heads, window, gain, alignCorners, reflectPadding), w2);
        block4 = addMapChild("block4",
                new FusionBlock(w3, w2, w1, heads, window, gain, alignCorners, reflectPadding), w3);
        block5 = addMapChild("block5",
                new FusionBlock(w2, w1, w1, heads, window, gain, alignCorners, reflectPadding), w2);
        skip2 = addMapChild("skip2", ConvLayer.pointwise(w2, w2), w2);
        skip1 = addMapChild("skip1", ConvLayer.pointwise(w1, w1), w1);
        ConvLayer exitConv = ConvLayer.pointwise(w1, 3);
        exit = addMapChild("exit", residualExit ? exitConv.startAtZero() : exitConv, w1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray restored = inputs.get(0);
        NDArray infrared = inputs.get(1);
        NDArray p = apply(prompts, store, infrared.sub(restored), training);
        NDArray e1 = block(block1, store, restored.concat(infrared, 1), p, training);
        NDArray e2 = block(block2, store, maxPool(e1), p, training);
        NDArray e3 = block(block3, store, maxPool(e2), p, training);
        NDArray d2 = block(block4, store, upsample(e3), p, training).add(apply(skip2, store, e2, training));
        NDArray d1 = block(block5, store, upsample(d2), p, training).add(apply(skip1, store, e1, training));
        return new NDList(apply(exit, store, d1, training));
    }

    private static NDArray block(FusionBlock block, ParameterStore store, NDArray x, NDArray prompt,
            boolean training) {
        return block.forward(store, new NDList(x, prompt), training).singletonOrThrow();
    }

    private static NDArray maxPool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    private NDArray upsample(NDArray x) {
        return Resize.bilinear(x, 2 * x.getShape().get(2), 2 * x.getShape().get(3), alignCorners);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, 3);
    }

    @Override
    public long macs(long h, long w) {
        return prompts.macs(h, w) + block1.macs(h, w) + block2.macs(h / 2, w / 2) + block3.macs(h / 4, w / 4)
                + block4.macs(h / 2, w / 2) + block5.macs(h, w) + skip2.macs(h / 2, w / 2) + skip1.macs(h, w)
                + exit.macs(h, w);
    }
}
