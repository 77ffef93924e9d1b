package org.hazefuse.metrics;

/**
 * Halving as MATLAB's {@code imresize(I, 0.5)} does it (default method): the Keys bicubic kernel (a = −0.5)
 * widened by 2 for antialiasing, 8 taps per output sample, weights normalized, out-of-range indices mirrored
 * (symmetric, edge sample repeated). Separable: rows, then columns. Needed so NIQE's second scale matches the
 * reference implementation.
 */
final class MatlabResize {
    private MatlabResize() {
    }

    /** Halves an even-sized w×h plane to (w/2)×(h/2). */
    static double[] half(double[] in, int w, int h) {
        int ow = (w + 1) / 2;
        int oh = (h + 1) / 2;
        Taps tx = taps(w, ow);
        Taps ty = taps(h, oh);
        double[] tmp = new double[ow * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int k = 0; k < tx.count; k++) {
                    s += tx.weight[x][k] * in[y * w + tx.index[x][k]];
                }
                tmp[y * ow + x] = s;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int k = 0; k < ty.count; k++) {
                double wk = ty.weight[y][k];
                int src = ty.index[y][k] * ow;
                for (int x = 0; x < ow; x++) {
                    out[y * ow + x] += wk * tmp[src + x];
                }
            }
        }
        return out;
    }

    private record Taps(int count, int[][] index, double[][] weight) {
    }

    /**
     * Output i (0-based) sits at input coordinate u = 2i + 0.5; it reads inputs j = 2i − 3 .. 2i + 4 with weight
     * ½·cubic(½(u − j)), the weights normalized to sum to 1.
     */
    private static Taps taps(int n, int out) {
        int count = 8;
        int[][] index = new int[out][count];
        double[][] weight = new double[out][count];
        for (int i = 0; i < out; i++) {
            double u = 2 * i + 0.5;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                int j = 2 * i - 3 + k;
                double wgt = 0.5 * cubic(0.5 * (u - j));
                index[i][k] = mirror(j, n);
                weight[i][k] = wgt;
                sum += wgt;
            }
            for (int k = 0; k < count; k++) {
                weight[i][k] /= sum;
            }
        }
        return new Taps(count, index, weight);
    }

    private static int mirror(int j, int n) {
        int period = 2 * n;
        int m = Math.floorMod(j, period);
        return m < n ? m : period - 1 - m;
    }

    static double cubic(double x) {
        double a = Math.abs(x);
        double a2 = a * a;
        double a3 = a2 * a;
        if (a <= 1) {
            return 1.5 * a3 - 2.5 * a2 + 1;
        }
        if (a <= 2) {
            return -0.5 * a3 + 2.5 * a2 - 4 * a + 2;
        }
        return 0;
    }
}
