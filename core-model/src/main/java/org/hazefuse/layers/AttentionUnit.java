package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The token mixer of a transformer block (docs/design/iassf.md, "Building blocks", window attention and attention unit with
 * depth-wise conv). V = conv1x1(x); with attention, Q,K = conv1x1(x) (C → 2C) and window attention runs on
 * reflect-padded windows, shifted by w/2 in shifted blocks (shift by padding, not by masking); with the depth-wise
 * branch, dwconv5×5(V) is added; the sum goes through the output projection conv1x1.
 *
 * <p>Input (B, C, H, W), any H, W ≥ 2; output (B, C, H, W).
 */
public final class AttentionUnit extends NetworkBlock {
    private final long channels;
    private final int window;
    private final boolean shifted;
    private final ConvLayer value;
    private final ConvLayer queryKey;
    private final WindowAttention attention;
    private final ConvLayer depthwise;
    private final ConvLayer projection;

    /**
     * @param useAttention window attention branch
     * @param useDepthwise depth-wise 5×5 conv branch ("DWConv" type)
     * @param gain initialisation gain of the convolutions (see {@link Initializers#depthGain})
     */
    public AttentionUnit(long channels, int heads, int window, boolean shifted, boolean useAttention,
            boolean useDepthwise, double gain) {
        super((byte) 1);
        if (!useAttention && !useDepthwise) {
            throw new IllegalArgumentException("an attention unit needs attention, a depth-wise conv, or both");
        }
        this.channels = channels;
        this.window = window;
        this.shifted = shifted;
        value = addMapChild("value", ConvLayer.pointwise(channels, channels, true, gain), channels);
        if (useAttention) {
            // Q and K keep the plain Xavier-like scale: the depth gain would flatten the attention logits.
            queryKey = addMapChild("queryKey", ConvLayer.pointwise(channels, 2 * channels, true, 1.0), channels);
            attention = addMapChild("attention", new WindowAttention(channels, window, heads), 3 * channels);
        } else {
            queryKey = null;
            attention = null;
        }
        depthwise = useDepthwise
                ? addMapChild("depthwise", ConvLayer.depthwise(channels, 5, gain), channels)
                : null;
        projection = addMapChild("projection", ConvLayer.pointwise(channels, channels, true, gain), channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray v = apply(value, store, x, training);
        NDArray mixed = null;
        if (attention != null) {
            NDArray qkv = apply(queryKey, store, x, training).concat(v, 1);
            mixed = windowAttention(store, qkv, training);
        }
        if (depthwise != null) {
            NDArray conv = apply(depthwise, store, v, training);
            mixed = mixed == null ? conv : mixed.add(conv);
        }
        return new NDList(apply(projection, store, mixed, training));
    }

    private NDArray windowAttention(ParameterStore store, NDArray qkv, boolean training) {
        Shape s = qkv.getShape();
        long b = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        long shift = shifted ? window / 2 : 0;
        long padH = (window - shift + Padding.padTo(h, window)) % window;
        long padW = (window - shift + Padding.padTo(w, window)) % window;
        NDArray padded = Padding.reflect(qkv, shift, padH, shift, padW);
        long ph = h + shift + padH;
        long pw = w + shift + padW;
        long gh = ph / window;
        long gw = pw / window;
        long c3 = 3 * channels;
        // (B, 3C, Ht, Wt) -> (B·gh·gw, w², 3C)
        NDArray windows = padded.reshape(b, c3, gh, window, gw, window)
                .transpose(0, 2, 4, 3, 5, 1)
                .reshape(b * gh * gw, (long) window * window, c3);
        NDArray out = apply(attention, store, windows, training);
        // (B·gh·gw, w², C) -> (B, C, Ht, Wt)
        NDArray map = out.reshape(b, gh, gw, window, window, channels)
                .transpose(0, 5, 1, 3, 2, 4)
                .reshape(b, channels, ph, pw);
        return Padding.crop(map, shift, shift, h, w);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public long macs(long height, long width) {
        long total = value.macs(height, width) + projection.macs(height, width);
        if (attention != null) {
            long ph = height + Padding.padTo(height, window) + (shifted ? window : 0);
            long pw = width + Padding.padTo(width, window) + (shifted ? window : 0);
            total += queryKey.macs(height, width) + attention.macs(ph, pw);
        }
        if (depthwise != null) {
            total += depthwise.macs(height, width);
        }
        return total;
    }
}
