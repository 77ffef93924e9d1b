package org.hazefuse.model.iassf.density;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.hazefuse.layers.Padding;

/**
 * OpenCV's normalised {@code boxFilter} with its defaults, on NCHW tensors: a k×k mean whose window, for even k,
 * covers offsets [−k/2, k/2 − 1] (default anchor k/2), and whose border is {@code BORDER_REFLECT_101} (mirrored
 * without repeating the edge sample, PyTorch's "reflect"). Every output is a mean of exactly k² samples, unlike
 * {@link org.hazefuse.darkchannel.BoxFilter}, which cuts the window at the border.
 *
 * <p>The released IASSF code's guided filter uses it with k = 60 (docs/design/iassf.md, "The released code's
 * density"). Pass float64 maps: the running sums lose float32 precision on large images.
 */
final class OpenCvBoxFilter {
    private OpenCvBoxFilter() {}

    /** Mean over a {@code size}×{@code size} window; input and output (B, C, H, W). */
    static NDArray mean(NDArray x, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("box size must be positive, got " + size);
        }
        long before = size / 2;
        long after = size - 1 - before;
        NDArray padded = Padding.reflect(x, before, after, before, after);
        return windowSum(windowSum(padded, 2, size), 3, size).div((double) size * size);
    }

    /** out[i] = Σ x[i .. i + size − 1] along {@code axis}: the axis shrinks by size − 1. */
    private static NDArray windowSum(NDArray x, int axis, int size) {
        long n = x.getShape().get(axis);
        NDArray cumulative = x.cumSum(axis);
        NDArray withZero = slice(cumulative, axis, 0, 1).zerosLike().concat(cumulative, axis); // n + 1 entries
        return slice(withZero, axis, size, n + 1).sub(slice(withZero, axis, 0, n + 1 - size));
    }

    private static NDArray slice(NDArray x, int axis, long from, long to) {
        return axis == 2
                ? x.get(new NDIndex(":, :, {}:{}", from, to))
                : x.get(new NDIndex(":, :, :, {}:{}", from, to));
    }
}
