package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Scaled dot-product attention inside non-overlapping w×w windows with a learned relative-position bias
 * (docs/design/iassf.md, "Building blocks", window attention). The bias comes from an MLP (2 → 256 → ReLU → heads) applied to
 * log-scaled relative offsets sign(d)·log(1+|d|), so it generalises smoothly across offsets.
 *
 * <p>Symbols: B' = windows·batch, N = w², C = channels, h = heads, d = C/h.
 * Input qkv (B', N, 3C) with Q, K, V stacked in that order; output (B', N, C).
 */
public final class WindowAttention extends NetworkBlock {
    static final int META_HIDDEN = 256;
    private final long channels;
    private final int heads;
    private final int window;
    private final Linear metaIn;
    private final Linear metaOut;

    public WindowAttention(long channels, int window, int heads) {
        super((byte) 1);
        if (channels % heads != 0) {
            throw new IllegalArgumentException(channels + " channels cannot split into " + heads + " heads");
        }
        this.channels = channels;
        this.heads = heads;
        this.window = window;
        metaIn = addVectorChild("metaIn", Linear.builder().setUnits(META_HIDDEN).build(), 2);
        metaOut = addVectorChild("metaOut", Linear.builder().setUnits(heads).build(), META_HIDDEN);
    }

    /**
     * Log-scaled relative offsets between all positions of a window, (N, N, 2), float32: entry (i, j) is
     * position i − position j as (row, column), positions in row-major order (the released IASSF code's
     * {@code relative_positions} buffer, which the checkpoint importer compares with this).
     */
    public static NDArray relativePositions(NDManager manager, int window) {
        NDArray coords = manager.arange(window);
        NDArray rows = coords.reshape(window, 1).repeat(1, window).reshape(-1);
        NDArray cols = coords.reshape(1, window).repeat(0, window).reshape(-1);
        NDArray grid = rows.stack(cols, 1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false); // (N, 2)
        NDArray rel = grid.expandDims(1).sub(grid.expandDims(0)); // (N, N, 2)
        return rel.sign().mul(rel.abs().add(1).log());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray qkv = inputs.singletonOrThrow();
        long windows = qkv.getShape().get(0);
        long n = qkv.getShape().get(1);
        long headDim = channels / heads;
        // (B', N, 3C) -> (3, B', h, N, d)
        NDArray split = qkv.reshape(windows, n, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = Scalars.mul(split.get(0), 1.0 / Math.sqrt(headDim));
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        NDArray attn = q.matMul(k.transpose(0, 1, 3, 2)); // (B', h, N, N)
        NDArray rel = relativePositions(qkv.getManager(), window).toDevice(qkv.getDevice(), false);
        NDArray bias = apply(metaOut, store, Activation.relu(apply(metaIn, store, rel, training)), training)
                .transpose(2, 0, 1) // (h, N, N)
                .expandDims(0);
        attn = attn.add(bias).softmax(-1);
        // (B', h, N, d) -> (B', N, C)
        return new NDList(attn.matMul(v).transpose(0, 2, 1, 3).reshape(windows, n, channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), channels)};
    }

    /** MACs of Q·Kᵀ and A·V over all windows of a padded height × width map (the bias MLP is size-independent). */
    @Override
    public long macs(long height, long width) {
        long n = (long) window * window;
        long windowsCount = (height / window) * (width / window);
        long mlp = n * n * (2L * META_HIDDEN + (long) META_HIDDEN * heads);
        return windowsCount * 2 * n * n * channels + mlp;
    }
}
