package org.hazefuse.statistics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.PriorityQueue;

/**
 * The k pixels of a frame with the largest key (the dark channel) and the mean of their values (the image's
 * channels), gathered tile by tile: the atmospheric light of the whole frame, exact although no tile sees it all
 * (docs/design/tiling.md).
 */
final class BrightestPixels {
    private final int k;
    private final int channels;
    /** Per sample: the best k so far as (key, value₀ … value_C−1), the smallest key on top. */
    private final PriorityQueue<float[]>[] best;

    @SuppressWarnings("unchecked")
    BrightestPixels(int batch, int channels, long k) {
        this.k = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, k));
        this.channels = channels;
        this.best = new PriorityQueue[batch];
        for (int b = 0; b < batch; b++) {
            best[b] = new PriorityQueue<>((x, y) -> Float.compare(x[0], y[0]));
        }
    }

    /** Adds a tile's pixels: {@code image} (B, C, H, W) and {@code key} (B, 1, H, W). */
    void add(NDArray image, NDArray key) {
        float[] values = image.toType(DataType.FLOAT32, false).toFloatArray();
        float[] keys = key.toType(DataType.FLOAT32, false).toFloatArray();
        int n = keys.length / best.length;
        for (int b = 0; b < best.length; b++) {
            PriorityQueue<float[]> q = best[b];
            for (int i = 0; i < n; i++) {
                float v = keys[b * n + i];
                if (q.size() == k && v <= q.peek()[0]) {
                    continue;
                }
                float[] entry = new float[channels + 1];
                entry[0] = v;
                for (int c = 0; c < channels; c++) {
                    entry[c + 1] = values[(b * channels + c) * n + i];
                }
                q.add(entry);
                if (q.size() > k) {
                    q.poll();
                }
            }
        }
    }

    /** The mean of the values of the k best pixels, (B, C, 1, 1), as {@code like}'s type. */
    NDArray mean(NDManager manager, DataType type) {
        float[] out = new float[best.length * channels];
        for (int b = 0; b < best.length; b++) {
            for (float[] entry : best[b]) {
                for (int c = 0; c < channels; c++) {
                    out[b * channels + c] += entry[c + 1] / best[b].size();
                }
            }
        }
        return manager.create(out, new Shape(best.length, channels, 1, 1)).toType(type, false);
    }
}
