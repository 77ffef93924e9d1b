package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A 2-D convolution with square kernel, optional stride, groups and bias, and reflect padding of k/2 on every side
 * for odd kernels (the spec pads convolutions by reflection, never with zeros). {@link #squareZeroPadded} is the
 * one exception, for the released IASSF code's prompt convs (docs/decisions/0004-released-code-variant.md).
 *
 * <p>Input (B, in, H, W); weight (out, in/groups, k, k); output (B, out, H', W') with H' = H for odd k at stride 1
 * and H' = ⌊(H − k)/s⌋ + 1 for unpadded strided kernels (the 2×2 down-sampling).
 */
public final class ConvLayer extends NetworkBlock {
    private final long in;
    private final long out;
    private final int kernel;
    private final int stride;
    private final int groups;
    private final boolean reflect;
    private final Conv2d conv;

    private ConvLayer(long in, long out, int kernel, int stride, int groups, boolean bias, double gain) {
        this(in, out, kernel, stride, groups, bias, gain, true);
    }

    private ConvLayer(long in, long out, int kernel, int stride, int groups, boolean bias, double gain,
            boolean reflect) {
        super((byte) 1);
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.groups = groups;
        this.reflect = reflect;
        int zeroPad = !reflect && kernel % 2 == 1 ? kernel / 2 : 0;
        this.conv = addMapChild("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(zeroPad, zeroPad))
                .setFilters((int) out)
                .optGroups(groups)
                .optBias(bias)
                .build(), in);
        conv.setInitializer(Initializers.scaledTruncatedNormal(gain, in, out, groups, kernel), Parameter.Type.WEIGHT);
        conv.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }

    /** Pointwise conv with bias. */
    public static ConvLayer pointwise(long in, long out) {
        return new ConvLayer(in, out, 1, 1, 1, true, 1.0);
    }

    public static ConvLayer pointwise(long in, long out, boolean bias, double gain) {
        return new ConvLayer(in, out, 1, 1, 1, bias, gain);
    }

    /** k×k conv, stride 1, reflect padding k/2, bias. */
    public static ConvLayer square(long in, long out, int kernel) {
        return new ConvLayer(in, out, kernel, 1, 1, true, 1.0);
    }

    /**
     * k×k conv, stride 1, bias, padded with k/2 zeros (PyTorch's default padding) instead of reflection: the same
     * parameters as {@link #square}, for reproducing code that pads this way.
     */
    public static ConvLayer squareZeroPadded(long in, long out, int kernel) {
        return new ConvLayer(in, out, kernel, 1, 1, true, 1.0, false);
    }

    /** k×k conv, {@link #square} when {@code reflect}, else {@link #squareZeroPadded}. */
    public static ConvLayer square(long in, long out, int kernel, boolean reflect) {
        return reflect ? square(in, out, kernel) : squareZeroPadded(in, out, kernel);
    }

    /** Depth-wise k×k conv (one filter per channel), reflect padding, bias. */
    public static ConvLayer depthwise(long channels, int kernel, double gain) {
        return new ConvLayer(channels, channels, kernel, 1, (int) channels, true, gain);
    }

    /** The spec's down-sampling: k = 2, stride 2, no padding. */
    public static ConvLayer downsample(long in, long out) {
        return new ConvLayer(in, out, 2, 2, 1, true, 1.0);
    }

    /**
     * Starts this layer's weights at zero, so a residual branch it ends begins as the identity (timm's
     * "zero_init_last"); call before initialisation.
     */
    public ConvLayer startAtZero() {
        conv.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (reflect && kernel > 1 && kernel % 2 == 1) {
            int p = kernel / 2;
            x = Padding.reflect(x, p, p, p, p);
        }
        return conv.forward(store, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = outSize(s.get(2));
        long w = outSize(s.get(3));
        return new Shape[] {new Shape(s.get(0), out, h, w)};
    }

    private long outSize(long size) {
        return kernel % 2 == 1 ? (size - 1) / stride + 1 : (size - kernel) / stride + 1;
    }

    @Override
    public long macs(long height, long width) {
        return outSize(height) * outSize(width) * out * (in / groups) * kernel * kernel;
    }
}
