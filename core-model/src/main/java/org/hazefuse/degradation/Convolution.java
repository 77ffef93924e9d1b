package org.hazefuse.degradation;

/**
 * Convolutions of one image plane with replicated borders, in plain Java (docs/design/lure.md, "Degradations":
 * blur). Why not the engine: measured on a 640×480 RGB image on the shared 2-core machine, the engine's separable
 * depthwise conv2d, with the copies in and out, took 16–25 ms for σ = 2 and 21–45 ms for σ = 3, this class
 * 13–24 ms and 20–37 ms; no gain to pay the engine's start-up and a dependency for. The motion kernel (about
 * 2·length taps, 21 px at most) is a sparse loop of the same cost.
 *
 * <p>Loops run along rows in the innermost position, so every pass streams through memory.
 */
final class Convolution {
    private Convolution() {
    }

    /** The normalised 1-D Gaussian of standard deviation {@code sigma}, radius ⌈3σ⌉ (99.7 % of the mass). */
    static float[] gaussianKernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] / sum);
        }
        return k;
    }

    /**
     * {@code plane} (width × height, row-major, at {@code offset} in {@code src}) convolved with the symmetric
     * kernel {@code k} along rows and then along columns, written to {@code dst} at the same offset.
     */
    static void separable(float[] src, float[] dst, int offset, int width, int height, float[] k) {
        int r = k.length / 2;
        float[] tmp = new float[width * height];
        float[] row = new float[width + 2 * r];
        for (int y = 0; y < height; y++) {
            int base = offset + y * width;
            System.arraycopy(src, base, row, r, width);
            java.util.Arrays.fill(row, 0, r, src[base]);
            java.util.Arrays.fill(row, r + width, row.length, src[base + width - 1]);
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int j = 0; j < k.length; j++) {
                    acc += k[j] * row[x + j];
                }
                tmp[y * width + x] = acc;
            }
        }
        float[] acc = new float[width];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int j = 0; j < k.length; j++) {
                int sy = Math.min(height - 1, Math.max(0, y + j - r));
                float w = k[j];
                int sbase = sy * width;
                for (int x = 0; x < width; x++) {
                    acc[x] += w * tmp[sbase + x];
                }
            }
            System.arraycopy(acc, 0, dst, offset + y * width, width);
        }
    }

    /** A sparse 2-D kernel: its non-zero taps at offsets (dx, dy) with weights summing to 1. */
    record Taps(int[] dx, int[] dy, float[] weight, int radius) {
    }

    /** {@code plane} convolved with sparse {@code taps} (a correlation; the kernels used are point-symmetric). */
    static void sparse(float[] src, float[] dst, int offset, int width, int height, Taps taps) {
        int r = taps.radius();
        int pw = width + 2 * r;
        int ph = height + 2 * r;
        float[] padded = new float[pw * ph];
        for (int py = 0; py < ph; py++) {
            int sy = Math.min(height - 1, Math.max(0, py - r));
            int sbase = offset + sy * width;
            int pbase = py * pw;
            System.arraycopy(src, sbase, padded, pbase + r, width);
            java.util.Arrays.fill(padded, pbase, pbase + r, src[sbase]);
            java.util.Arrays.fill(padded, pbase + r + width, pbase + pw, src[sbase + width - 1]);
        }
        float[] acc = new float[width];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < taps.weight().length; t++) {
                float w = taps.weight()[t];
                int pbase = (y + r + taps.dy()[t]) * pw + r + taps.dx()[t];
                for (int x = 0; x < width; x++) {
                    acc[x] += w * padded[pbase + x];
                }
            }
            System.arraycopy(acc, 0, dst, offset + y * width, width);
        }
    }
}
