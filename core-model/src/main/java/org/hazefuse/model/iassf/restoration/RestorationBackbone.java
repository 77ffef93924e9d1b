package org.hazefuse.model.iassf.restoration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.layers.PixelShuffleUp;
import org.hazefuse.layers.SkFusion;
import org.hazefuse.layers.TransformerStage;

/**
 * The restoration backbone of IA-FRM (docs/design/iassf.md, "Forward pass", step 5): a 5-stage transformer U-Net.
 *
 * <pre>
 * e0 = entry3x3(X)                         (C1, H, W)
 * s1 = stage1(e0)                          (C1, H, W)
 * s2 = stage2(down(s1))                    (C2, H/2, W/2)
 * x  = up(stage3(down(s2)))                (C2, H/2, W/2)
 * x  = stage4(SK(x, skip2(s2)) + x)
 * x  = up(x)                               (C1, H, W)
 * x  = stage5(SK(x, skip1(s1)) + x)
 * x  = SK(x, skip0(e0)) + x                "and at the end": the third SK fusion joins the entry features
 * V̂  = exit3x3(x)                          (3, H, W)
 * </pre>
 * H and W must be multiples of 4 (the network pads to that). Input X (B, C1, H, W); output (B, out, H, W).
 */
public final class RestorationBackbone extends NetworkBlock {
    private final ConvLayer entry;
    private final TransformerStage stage1;
    private final ConvLayer down1;
    private final TransformerStage stage2;
    private final ConvLayer down2;
    private final TransformerStage stage3;
    private final PixelShuffleUp up1;
    private final ConvLayer skip2;
    private final SkFusion fuse2;
    private final TransformerStage stage4;
    private final PixelShuffleUp up2;
    private final ConvLayer skip1;
    private final SkFusion fuse1;
    private final TransformerStage stage5;
    private final ConvLayer skip0;
    private final SkFusion fuse0;
    private final ConvLayer exit;
    private final int outChannels;

    /**
     * @param outChannels 3 for the published model (V̂), 4 with the physical prior (transmission correction and an
     *     RGB residual), whose exit starts at zero
     */
    public RestorationBackbone(List<StageConfig> stages, int window, double gain, int outChannels) {
        super((byte) 1);
        if (stages.size() != 5) {
            throw new IllegalArgumentException("the restoration U-Net has 5 stages, got " + stages.size());
        }
        int c1 = stages.get(0).channels();
        int c2 = stages.get(1).channels();
        int c3 = stages.get(2).channels();
        if (stages.get(3).channels() != c2 || stages.get(4).channels() != c1) {
            throw new IllegalArgumentException("stages 4 and 5 must mirror the widths of stages 2 and 1: " + stages);
        }
        entry = addMapChild("entry", ConvLayer.square(c1, c1, 3), c1);
        stage1 = addMapChild("stage1", stage(stages.get(0), window, gain), c1);
        down1 = addMapChild("down1", ConvLayer.downsample(c1, c2), c1);
        stage2 = addMapChild("stage2", stage(stages.get(1), window, gain), c2);
        down2 = addMapChild("down2", ConvLayer.downsample(c2, c3), c2);
        stage3 = addMapChild("stage3", stage(stages.get(2), window, gain), c3);
        up1 = addMapChild("up1", new PixelShuffleUp(c3, c2), c3);
        skip2 = addMapChild("skip2", ConvLayer.pointwise(c2, c2), c2);
        fuse2 = addMapChild("fuse2", new SkFusion(c2), c2);
        stage4 = addMapChild("stage4", stage(stages.get(3), window, gain), c2);
        up2 = addMapChild("up2", new PixelShuffleUp(c2, c1), c2);
        skip1 = addMapChild("skip1", ConvLayer.pointwise(c1, c1), c1);
        fuse1 = addMapChild("fuse1", new SkFusion(c1), c1);
        stage5 = addMapChild("stage5", stage(stages.get(4), window, gain), c1);
        skip0 = addMapChild("skip0", ConvLayer.pointwise(c1, c1), c1);
        fuse0 = addMapChild("fuse0", new SkFusion(c1), c1);
        this.outChannels = outChannels;
        ConvLayer exitConv = ConvLayer.square(c1, outChannels, 3);
        exit = addMapChild("exit", outChannels == 3 ? exitConv : exitConv.startAtZero(), c1);
    }

    private static TransformerStage stage(StageConfig s, int window, double gain) {
        return new TransformerStage(s.channels(), s.depth(), s.heads(), s.mlpRatio(), s.attentionShare(), window,
                gain);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray e0 = apply(entry, store, inputs.singletonOrThrow(), training);
        NDArray s1 = apply(stage1, store, e0, training);
        NDArray s2 = apply(stage2, store, apply(down1, store, s1, training), training);
        NDArray x = apply(stage3, store, apply(down2, store, s2, training), training);
        x = apply(up1, store, x, training);
        x = skFuse(fuse2, skip2, store, x, s2, training);
        x = apply(up2, store, apply(stage4, store, x, training), training);
        x = skFuse(fuse1, skip1, store, x, s1, training);
        x = apply(stage5, store, x, training);
        x = skFuse(fuse0, skip0, store, x, e0, training);
        return new NDList(apply(exit, store, x, training));
    }

    /** x = SK(x, conv1x1(skip)) + x. */
    private static NDArray skFuse(SkFusion fusion, ConvLayer skipConv, ParameterStore store, NDArray x,
            NDArray skip, boolean training) {
        NDArray s = apply(skipConv, store, skip, training);
        return fusion.forward(store, new NDList(x, s), training).singletonOrThrow().add(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return withChannels(inputShapes, outChannels);
    }

    @Override
    public long macs(long h, long w) {
        long h2 = h / 2;
        long w2 = w / 2;
        long h4 = h / 4;
        long w4 = w / 4;
        return entry.macs(h, w) + stage1.macs(h, w) + down1.macs(h, w) + stage2.macs(h2, w2) + down2.macs(h2, w2)
                + stage3.macs(h4, w4) + up1.macs(h4, w4) + skip2.macs(h2, w2) + fuse2.macs(h2, w2)
                + stage4.macs(h2, w2) + up2.macs(h2, w2) + skip1.macs(h, w) + fuse1.macs(h, w) + stage5.macs(h, w)
                + skip0.macs(h, w) + fuse0.macs(h, w) + exit.macs(h, w);
    }
}
