package org.hazefuse.inference;

import org.hazefuse.image.FloatImage;

/**
 * Puts a frame together from overlapping tiles, in the JVM's memory rather than on the engine, so the engine only
 * ever holds one tile. Each tile is weighted by linear ramps over the overlap on its sides towards its neighbours
 * (weight 1 at the frame's border and inside), and the sum is divided by the weights: seams fade from one tile into
 * the next.
 */
public final class TileBlender {
    private final int width;
    private final int height;
    private final int channels;
    private final int overlap;
    private final float[] sum;
    private final float[] weight;

    public TileBlender(int width, int height, int channels, int overlap) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.overlap = overlap;
        this.sum = new float[Math.multiplyExact(Math.multiplyExact(width, height), channels)];
        this.weight = new float[width * height];
    }

    /** Adds {@code image}, the outputs of {@code tile}; it must have the tile's size and this blender's channels. */
    public void add(TilePlan.Tile tile, FloatImage image) {
        if (image.width() != tile.width() || image.height() != tile.height() || image.channels() != channels) {
            throw new IllegalArgumentException("tile output " + image + " does not fit tile " + tile);
        }
        float[] rows = ramp(tile.height(), tile.top() > 0, tile.top() + tile.height() < height);
        float[] cols = ramp(tile.width(), tile.left() > 0, tile.left() + tile.width() < width);
        float[] data = image.data();
        int n = tile.width() * tile.height();
        for (int y = 0; y < tile.height(); y++) {
            int frameRow = (tile.top() + y) * width + tile.left();
            for (int x = 0; x < tile.width(); x++) {
                float w = rows[y] * cols[x];
                weight[frameRow + x] += w;
                for (int c = 0; c < channels; c++) {
                    sum[c * width * height + frameRow + x] += w * data[c * n + y * tile.width() + x];
                }
            }
        }
    }

    /** The blended frame; every pixel must have been covered by a tile. */
    public FloatImage result() {
        int n = width * height;
        float[] out = new float[sum.length];
        for (int i = 0; i < n; i++) {
            if (weight[i] <= 0) {
                throw new IllegalStateException("pixel " + i % width + ", " + i / width + " is in no tile");
            }
            for (int c = 0; c < channels; c++) {
                out[c * n + i] = sum[c * n + i] / weight[i];
            }
        }
        return new FloatImage(width, height, channels, out);
    }

    /** 1 inside; rising over the overlap from a side that has a neighbour. */
    private float[] ramp(int n, boolean neighbourBefore, boolean neighbourAfter) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            float v = 1f;
            if (neighbourBefore) {
                v = Math.min(v, (i + 1f) / (overlap + 1f));
            }
            if (neighbourAfter) {
                v = Math.min(v, (n - i) / (overlap + 1f));
            }
            r[i] = v;
        }
        return r;
    }
}
