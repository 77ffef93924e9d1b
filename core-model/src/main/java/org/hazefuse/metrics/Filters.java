package org.hazefuse.metrics;

/**
 * Small separable filters on row-major double planes, for window statistics of the metrics (SSIM, VIF, NIQE).
 * Kernels here are symmetric, so correlation and convolution coincide.
 */
final class Filters {
    private Filters() {
    }

    /**
     * A normalized 1-D Gaussian of odd length {@code n}: the separable factor of MATLAB's
     * {@code fspecial('gaussian', n, sigma)}, whose 2-D window is the outer product of this with itself.
     */
    static double[] gaussian(int n, double sigma) {
        double[] k = new double[n];
        int r = n / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - r;
            k[i] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < n; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * Separable correlation keeping only windows that fit inside ("valid"): output is (w − n + 1) × (h − n + 1),
     * empty when the kernel does not fit.
     */
    static double[] valid(double[] in, int w, int h, double[] k) {
        int n = k.length;
        int ow = w - n + 1;
        int oh = h - n + 1;
        if (ow <= 0 || oh <= 0) {
            return new double[0];
        }
        double[] tmp = new double[ow * h];
        for (int y = 0; y < h; y++) {
            int ir = y * w;
            int or = y * ow;
            for (int x = 0; x < ow; x++) {
                double s = 0;
                int base = ir + x;
                for (int j = 0; j < n; j++) {
                    s += k[j] * in[base + j];
                }
                tmp[or + x] = s;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            int or = y * ow;
            for (int j = 0; j < n; j++) {
                double kj = k[j];
                int tr = (y + j) * ow;
                for (int x = 0; x < ow; x++) {
                    out[or + x] += kj * tmp[tr + x];
                }
            }
        }
        return out;
    }

    /** Separable correlation of the same size, edges extended by replication (MATLAB {@code 'replicate'}). */
    static double[] replicate(double[] in, int w, int h, double[] k) {
        int n = k.length;
        int r = n / 2;
        double[] tmp = new double[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    int xx = clamp(x + j - r, w);
                    s += k[j] * in[row + xx];
                }
                tmp[row + x] = s;
            }
        }
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int j = 0; j < n; j++) {
                double kj = k[j];
                int src = clamp(y + j - r, h) * w;
                for (int x = 0; x < w; x++) {
                    out[row + x] += kj * tmp[src + x];
                }
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    /**
     * Sobel responses with zero padding outside the image (MATLAB {@code conv2(..., 'same')}).
     * {@code gx} responds to a left-to-right increase, {@code gy} to a top-to-bottom increase.
     */
    static void sobel(double[] in, int w, int h, double[] gx, double[] gy) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = at(in, w, h, x - 1, y - 1);
                double b = at(in, w, h, x, y - 1);
                double c = at(in, w, h, x + 1, y - 1);
                double d = at(in, w, h, x - 1, y);
                double f = at(in, w, h, x + 1, y);
                double g = at(in, w, h, x - 1, y + 1);
                double hh = at(in, w, h, x, y + 1);
                double i = at(in, w, h, x + 1, y + 1);
                gx[y * w + x] = (c + 2 * f + i) - (a + 2 * d + g);
                gy[y * w + x] = (g + 2 * hh + i) - (a + 2 * b + c);
            }
        }
    }

    private static double at(double[] in, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : in[y * w + x];
    }
}
