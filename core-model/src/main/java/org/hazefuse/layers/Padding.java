package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Reflect padding and cropping of NCHW maps built from slices, flips and concatenation: DJL exposes no reflect
 * pad op (docs/design/stack.md). Reflection excludes the edge sample, as PyTorch's "reflect" mode does; pads larger than the
 * map are applied in several reflections, so tiny maps work too.
 */
public final class Padding {
    private Padding() {}

    /** Pads axis 2 (height) by {@code top}/{@code bottom} and axis 3 (width) by {@code left}/{@code right}. */
    public static NDArray reflect(NDArray x, long top, long bottom, long left, long right) {
        NDArray y = reflectAxis(x, 2, top, bottom);
        return reflectAxis(y, 3, left, right);
    }

    /** Pads bottom and right up to the next multiple of {@code multiple}. */
    public static NDArray reflectToMultiple(NDArray x, long multiple) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        return reflect(x, 0, padTo(h, multiple), 0, padTo(w, multiple));
    }

    /** Padding that brings {@code size} up to a multiple of {@code multiple}. */
    public static long padTo(long size, long multiple) {
        return (multiple - size % multiple) % multiple;
    }

    /** Crops an NCHW map to rows [top, top+height) and columns [left, left+width). */
    public static NDArray crop(NDArray x, long top, long left, long height, long width) {
        if (top == 0 && left == 0 && x.getShape().get(2) == height && x.getShape().get(3) == width) {
            return x;
        }
        return x.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + height, left, left + width));
    }

    private static NDArray reflectAxis(NDArray x, int axis, long before, long after) {
        NDArray y = x;
        while (before > 0 || after > 0) {
            long size = y.getShape().get(axis);
            if (size < 2) {
                throw new IllegalArgumentException("cannot reflect-pad an axis of size " + size);
            }
            long b = Math.min(before, size - 1);
            long a = Math.min(after, size - 1);
            NDArray result = y;
            if (b > 0) {
                result = slice(y, axis, 1, b + 1).flip(axis).concat(result, axis);
            }
            if (a > 0) {
                result = result.concat(slice(y, axis, size - 1 - a, size - 1).flip(axis), axis);
            }
            y = result;
            before -= b;
            after -= a;
        }
        return y;
    }

    private static NDArray slice(NDArray x, int axis, long from, long to) {
        return axis == 2
                ? x.get(new NDIndex(":, :, {}:{}", from, to))
                : x.get(new NDIndex(":, :, :, {}:{}", from, to));
    }
}
