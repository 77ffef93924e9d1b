package org.hazefuse.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Small fixed filters on single-channel NCHW maps (1, 1, H, W) for the classical fusion rules, all as engine
 * convolutions with edges extended by replication, so outputs keep the input's size.
 */
final class ImageFilters {
    private ImageFilters() {
    }

    /** Separable filtering by the symmetric 1-D kernel {@code k} along both axes (replicate edges). */
    static NDArray separable(NDArray x, float[] k) {
        int r = k.length / 2;
        NDArray kernel = x.getManager().create(k).toType(x.getDataType(), false);
        NDArray rows = Conv2d.conv2d(replicate(x, 0, r), kernel.reshape(1, 1, 1, k.length)).singletonOrThrow();
        return Conv2d.conv2d(replicate(rows, r, 0), kernel.reshape(1, 1, k.length, 1)).singletonOrThrow();
    }

    /** 2-D filtering by a square kernel {@code k} (row-major, odd side), replicate edges. */
    static NDArray filter(NDArray x, float[] k, int side) {
        int r = side / 2;
        NDArray kernel = x.getManager().create(k, new Shape(1, 1, side, side)).toType(x.getDataType(), false);
        return Conv2d.conv2d(replicate(x, r, r), kernel).singletonOrThrow();
    }

    /** A normalized Gaussian of side 2r+1. */
    static float[] gaussian(int radius, double sigma) {
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        return k;
    }

    /** Pads axis 2 by {@code rows} and axis 3 by {@code cols} on both sides, repeating the edge samples. */
    static NDArray replicate(NDArray x, int rows, int cols) {
        NDArray y = x;
        if (rows > 0) {
            long h = y.getShape().get(2);
            NDArray top = y.get(new NDIndex(":, :, 0:1")).repeat(2, rows);
            NDArray bottom = y.get(new NDIndex(":, :, {}:{}", h - 1, h)).repeat(2, rows);
            y = top.concat(y, 2).concat(bottom, 2);
        }
        if (cols > 0) {
            long w = y.getShape().get(3);
            NDArray left = y.get(new NDIndex(":, :, :, 0:1")).repeat(3, cols);
            NDArray right = y.get(new NDIndex(":, :, :, {}:{}", w - 1, w)).repeat(3, cols);
            y = left.concat(y, 3).concat(right, 3);
        }
        return y;
    }
}
