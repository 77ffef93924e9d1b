package org.hazefuse.darkchannel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Mean over a (2r+1)×(2r+1) window of NCHW maps, counting only the pixels inside the image at borders (as He et
 * al.'s guided filter does with its N = box(1) normaliser).
 *
 * <p>Separable running sums (cumulative sums along H, then W) make the cost independent of r, so the spec's large
 * guided-filter window (≈60) costs as much as a 3×3 one. Callers should pass float64 maps: the running sums of a
 * 640×480 image lose float32 precision.
 */
public final class BoxFilter {
    private BoxFilter() {}

    public static NDArray mean(NDArray x, int radius) {
        NDArray ones = x.onesLike().get(new NDIndex("0:1, 0:1"));
        NDArray sums = sumAxis(sumAxis(x, 2, radius), 3, radius);
        NDArray counts = sumAxis(sumAxis(ones, 2, radius), 3, radius);
        return sums.div(counts);
    }

    /** Windowed sum along one axis: out[i] = Σ x[j] for |j − i| ≤ r, j inside the axis. */
    private static NDArray sumAxis(NDArray x, int axis, int radius) {
        long n = x.getShape().get(axis);
        NDArray cumulative = x.cumSum(axis);
        // S has n + 1 + 2r entries: r zeros, 0, the n running sums, then r copies of the total,
        // so that out[i] = S[i + 2r + 1] − S[i] for every i, borders included.
        NDArray zeros = slice(cumulative, axis, 0, 1).zerosLike();
        NDArray last = slice(cumulative, axis, n - 1, n);
        NDArray padded = zeros.repeat(axis, radius + 1L).concat(cumulative, axis);
        if (radius > 0) {
            padded = padded.concat(last.repeat(axis, radius), axis);
        }
        return slice(padded, axis, 2L * radius + 1, 2L * radius + 1 + n).sub(slice(padded, axis, 0, n));
    }

    private static NDArray slice(NDArray x, int axis, long from, long to) {
        return axis == 2
                ? x.get(new NDIndex(":, :, {}:{}", from, to))
                : x.get(new NDIndex(":, :, :, {}:{}", from, to));
    }
}
