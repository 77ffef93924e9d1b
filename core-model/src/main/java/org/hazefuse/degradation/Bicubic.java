package org.hazefuse.degradation;

/**
 * Bicubic resampling of image planes (docs/design/lure.md, "Degradations": low-resolution), as super-resolution
 * benchmarks make their low-resolution inputs: Keys' cubic kernel with a = −0.5, pixel centres aligned
 * ({@code u = (i + ½)/s − ½}), borders replicated, and when shrinking the kernel widened by 1/s so that it
 * averages over the pixels it drops (anti-aliasing, as MATLAB's {@code imresize} does).
 *
 * <p>Separable: rows, then columns, each output sample a weighted sum of its precomputed contributors.
 */
final class Bicubic {
    private Bicubic() {
    }

    /** Keys' cubic convolution kernel, a = −0.5: interpolating, continuous first derivative, support [−2, 2]. */
    static double cubic(double x) {
        double ax = Math.abs(x);
        if (ax <= 1) {
            return (1.5 * ax - 2.5) * ax * ax + 1;
        }
        if (ax < 2) {
            return ((-0.5 * ax + 2.5) * ax - 4) * ax + 2;
        }
        return 0;
    }

    /** The contributors of each output index: first input index and normalised weights (indices replicated). */
    private record Contributions(int[][] index, float[][] weight) {
    }

    private static Contributions contributions(int in, int out) {
        double scale = (double) out / in;
        double kernelScale = Math.min(1, scale); // < 1 when shrinking: widen the kernel
        double support = 2 / kernelScale;
        int[][] index = new int[out][];
        float[][] weight = new float[out][];
        for (int i = 0; i < out; i++) {
            double u = (i + 0.5) / scale - 0.5;
            int first = (int) Math.floor(u - support) + 1;
            int count = (int) Math.ceil(2 * support) + 1;
            int[] idx = new int[count];
            double[] w = new double[count];
            double sum = 0;
            for (int j = 0; j < count; j++) {
                int src = first + j;
                w[j] = cubic((u - src) * kernelScale);
                idx[j] = Math.min(in - 1, Math.max(0, src));
                sum += w[j];
            }
            float[] wf = new float[count];
            for (int j = 0; j < count; j++) {
                wf[j] = (float) (w[j] / sum);
            }
            index[i] = idx;
            weight[i] = wf;
        }
        return new Contributions(index, weight);
    }

    /**
     * One plane of {@code w × h} samples at {@code srcOffset} in {@code src}, resized to {@code ow × oh} into
     * {@code dst} at {@code dstOffset}. Values may overshoot [0, 1] slightly (the kernel has negative lobes);
     * callers clamp.
     */
    static void resize(float[] src, int srcOffset, int w, int h, float[] dst, int dstOffset, int ow, int oh) {
        Contributions cx = contributions(w, ow);
        Contributions cy = contributions(h, oh);
        float[] tmp = new float[ow * h];
        for (int y = 0; y < h; y++) {
            int base = srcOffset + y * w;
            for (int x = 0; x < ow; x++) {
                int[] idx = cx.index()[x];
                float[] wt = cx.weight()[x];
                float acc = 0;
                for (int j = 0; j < idx.length; j++) {
                    acc += wt[j] * src[base + idx[j]];
                }
                tmp[y * ow + x] = acc;
            }
        }
        float[] acc = new float[ow];
        for (int y = 0; y < oh; y++) {
            java.util.Arrays.fill(acc, 0f);
            int[] idx = cy.index()[y];
            float[] wt = cy.weight()[y];
            for (int j = 0; j < idx.length; j++) {
                int base = idx[j] * ow;
                float wj = wt[j];
                for (int x = 0; x < ow; x++) {
                    acc[x] += wj * tmp[base + x];
                }
            }
            System.arraycopy(acc, 0, dst, dstOffset + y * ow, ow);
        }
    }
}
