package org.hazefuse.layers;

import org.hazefuse.statistics.FrameStatistics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

/**
 * RLN, rescaled layer norm (docs/design/iassf.md, "Building blocks"): per-sample normalisation over (C, H, W) with a
 * per-channel affine, which also returns a rescale and a rebias derived from the removed statistics so the
 * wrapped block can put the image's contrast and brightness back: y = f(x̂)·rescale + rebias.
 *
 * <p>Input x (B, C, H, W). Output list: x̂ (B, C, H, W), rescale (B, C, 1, 1), rebias (B, C, 1, 1), where
 * μ, σ = sqrt(var + 1e-5) are (B, 1, 1, 1), rescale = w₁·σ + b₁ and rebias = w₂·μ + b₂ (a 1 → C pointwise conv
 * written as a per-channel multiply-add; its weights are (1, C, 1, 1)).
 */
public final class RescaledLayerNorm extends NetworkBlock {
    private static final float EPS = 1e-5f;
    private final long channels;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter rescaleWeight;
    private final Parameter rescaleBias;
    private final Parameter rebiasWeight;
    private final Parameter rebiasBias;

    public RescaledLayerNorm(long channels) {
        super((byte) 1);
        this.channels = channels;
        Shape perChannel = new Shape(1, channels, 1, 1);
        weight = param("weight", perChannel, Initializer.ONES);
        bias = param("bias", perChannel, Initializer.ZEROS);
        rescaleWeight = param("rescaleWeight", perChannel, new TruncatedNormalInitializer(0.02f));
        rescaleBias = param("rescaleBias", perChannel, Initializer.ONES);
        rebiasWeight = param("rebiasWeight", perChannel, new TruncatedNormalInitializer(0.02f));
        rebiasBias = param("rebiasBias", perChannel, Initializer.ZEROS);
    }

    private Parameter param(String name, Shape shape, Initializer init) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(shape).optInitializer(init).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var device = x.getDevice();
        // The statistics are the frame's, also when x is one tile of it (FrameStatistics).
        NDArray mean = FrameStatistics.shared(x, () -> Reductions.sampleMean(x));
        NDArray centered = x.sub(mean);
        NDArray std = FrameStatistics.shared(x, () -> Reductions.sampleMean(centered.square()).add(EPS).sqrt());
        NDArray normalized = centered.div(std)
                .mul(store.getValue(weight, device, training))
                .add(store.getValue(bias, device, training));
        NDArray rescale = std.mul(store.getValue(rescaleWeight, device, training))
                .add(store.getValue(rescaleBias, device, training));
        NDArray rebias = mean.mul(store.getValue(rebiasWeight, device, training))
                .add(store.getValue(rebiasBias, device, training));
        return new NDList(normalized, rescale, rebias);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape stat = new Shape(s.get(0), channels, 1, 1);
        return new Shape[] {s, stat, stat};
    }

    @Override
    public long macs(long height, long width) {
        return 0;
    }
}
