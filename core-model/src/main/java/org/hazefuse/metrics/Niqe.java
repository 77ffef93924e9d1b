package org.hazefuse.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * NIQE, the Natural Image Quality Evaluator (Mittal, Soundararajan and Bovik, IEEE Signal Processing Letters
 * 20(3), 2013): the distance between a multivariate Gaussian fitted to the image's natural-scene-statistics
 * features and the pristine model ({@link NiqeModel}). No reference; <b>lower is better</b>; ≥ 0, typically
 * 2–10 for photographs.
 *
 * <p>Follows the authors' MATLAB release: the image is cropped to whole 96×96 blocks (top-left kept); at each of
 * two scales, MSCN coefficients (I − μ) / (σ + 1) with μ, σ from the 7×7 Gaussian window (σ = 7/6) under
 * replicate padding; per block (96×96, then 48×48 at the half scale) 18 features: the asymmetric generalized
 * Gaussian fit (moment matching over the shape grid 0.2:0.001:10) of the coefficients (shape, mean of left and
 * right scale) and of their products with the four neighbours (0,1), (1,0), (1,1), (−1,1) taken circularly within
 * the block (shape, mean, left and right scale each). The half scale comes from MATLAB's {@code imresize(I, 0.5)}
 * (bicubic with antialiasing, symmetric edges). Quality = sqrt((μp − μd)ᵀ pinv((Σp + Σd)/2) (μp − μd)) with the
 * blocks' mean and covariance (N − 1; zero for a single block, as in MATLAB). Blocks with an undefined feature
 * (e.g. perfectly flat) are left out of both, as MATLAB's {@code nancov} does.
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}) on the 0–255 scale. Images smaller than 96×96, or without a
 * usable block, give NaN.
 */
public final class Niqe {
    static final int BLOCK = 96;
    private static final double[] SHAPES;
    private static final double[] SHAPE_RATIOS;

    static {
        int count = 9801; // 0.2 : 0.001 : 10
        SHAPES = new double[count];
        SHAPE_RATIOS = new double[count];
        for (int i = 0; i < count; i++) {
            double a = 0.2 + 0.001 * i;
            SHAPES[i] = a;
            double g2 = GammaFunction.gamma(2 / a);
            SHAPE_RATIOS[i] = g2 * g2 / (GammaFunction.gamma(1 / a) * GammaFunction.gamma(3 / a));
        }
    }

    private Niqe() {
    }

    public static double of(EightBitPlane image) {
        return of(image, NiqeModel.pristine());
    }

    public static double of(EightBitPlane image, NiqeModel model) {
        int bx = image.width() / BLOCK;
        int by = image.height() / BLOCK;
        if (bx == 0 || by == 0) {
            return Double.NaN;
        }
        int w = bx * BLOCK;
        int h = by * BLOCK;
        double[] im = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image.values(), y * image.width(), im, y * w, w);
        }
        double[] window = model.window()[3].clone(); // the separable factor: the centre row, renormalized
        double s = 0;
        for (double v : window) {
            s += v;
        }
        for (int i = 0; i < window.length; i++) {
            window[i] /= s;
        }
        double[][] features = new double[bx * by][36];
        for (int scale = 1; scale <= 2; scale++) {
            double[] mscn = mscn(im, w, h, window);
            int block = BLOCK / scale;
            int offset = (scale - 1) * 18;
            for (int j = 0; j < by; j++) {
                for (int i = 0; i < bx; i++) {
                    double[] patch = new double[block * block];
                    for (int y = 0; y < block; y++) {
                        System.arraycopy(mscn, (j * block + y) * w + i * block, patch, y * block, block);
                    }
                    blockFeatures(patch, block, features[j * bx + i], offset);
                }
            }
            if (scale == 1) {
                im = MatlabResize.half(im, w, h);
                w /= 2;
                h /= 2;
            }
        }
        List<double[]> usable = new ArrayList<>();
        for (double[] f : features) {
            boolean ok = true;
            for (double v : f) {
                ok &= Double.isFinite(v);
            }
            if (ok) {
                usable.add(f);
            }
        }
        if (usable.isEmpty()) {
            return Double.NaN;
        }
        return distance(usable, model);
    }

    /** Mean-subtracted contrast-normalized coefficients. */
    static double[] mscn(double[] im, int w, int h, double[] window) {
        double[] mu = Filters.replicate(im, w, h, window);
        double[] mu2 = Filters.replicate(Filters.multiply(im, im), w, h, window);
        double[] out = new double[im.length];
        for (int i = 0; i < im.length; i++) {
            double sigma = Math.sqrt(Math.abs(mu2[i] - mu[i] * mu[i]));
            out[i] = (im[i] - mu[i]) / (sigma + 1);
        }
        return out;
    }

    private static final int[][] SHIFTS = {{0, 1}, {1, 0}, {1, 1}, {-1, 1}};

    /** The 18 features of one block, written to {@code out[offset..offset+17]}. */
    static void blockFeatures(double[] p, int n, double[] out, int offset) {
        double[] fit = aggd(p);
        out[offset] = fit[0];
        out[offset + 1] = (fit[1] + fit[2]) / 2;
        double[] prod = new double[p.length];
        for (int k = 0; k < 4; k++) {
            int dy = SHIFTS[k][0];
            int dx = SHIFTS[k][1];
            // MATLAB circshift(A, [dy dx]): B(y, x) = A(y - dy, x - dx), indices wrapping around
            for (int y = 0; y < n; y++) {
                int sy = Math.floorMod(y - dy, n);
                for (int x = 0; x < n; x++) {
                    int sx = Math.floorMod(x - dx, n);
                    prod[y * n + x] = p[y * n + x] * p[sy * n + sx];
                }
            }
            double[] f = aggd(prod);
            double alpha = f[0];
            double mean = (f[2] - f[1]) * (GammaFunction.gamma(2 / alpha) / GammaFunction.gamma(1 / alpha));
            out[offset + 2 + 4 * k] = alpha;
            out[offset + 3 + 4 * k] = mean;
            out[offset + 4 + 4 * k] = f[1];
            out[offset + 5 + 4 * k] = f[2];
        }
    }

    /** Asymmetric generalized Gaussian fit by moment matching: {shape α, left scale βl, right scale βr}. */
    static double[] aggd(double[] v) {
        double leftSq = 0;
        double rightSq = 0;
        int left = 0;
        int right = 0;
        double abs = 0;
        double sq = 0;
        for (double x : v) {
            if (x < 0) {
                leftSq += x * x;
                left++;
            } else if (x > 0) {
                rightSq += x * x;
                right++;
            }
            abs += Math.abs(x);
            sq += x * x;
        }
        double leftStd = Math.sqrt(leftSq / left);
        double rightStd = Math.sqrt(rightSq / right);
        double gammaHat = leftStd / rightStd;
        double meanAbs = abs / v.length;
        double rHat = meanAbs * meanAbs / (sq / v.length);
        double rHatNorm = rHat * (gammaHat * gammaHat * gammaHat + 1) * (gammaHat + 1)
                / ((gammaHat * gammaHat + 1) * (gammaHat * gammaHat + 1));
        if (!Double.isFinite(rHatNorm)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        int best = 0;
        double bestDiff = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SHAPES.length; i++) {
            double d = SHAPE_RATIOS[i] - rHatNorm;
            d *= d;
            if (d < bestDiff) {
                bestDiff = d;
                best = i;
            }
        }
        double alpha = SHAPES[best];
        double k = Math.sqrt(GammaFunction.gamma(1 / alpha) / GammaFunction.gamma(3 / alpha));
        return new double[] {alpha, leftStd * k, rightStd * k};
    }

    private static double distance(List<double[]> feats, NiqeModel model) {
        int n = feats.size();
        double[] mu = new double[36];
        for (double[] f : feats) {
            for (int i = 0; i < 36; i++) {
                mu[i] += f[i];
            }
        }
        for (int i = 0; i < 36; i++) {
            mu[i] /= n;
        }
        double[][] cov = new double[36][36];
        for (double[] f : feats) {
            for (int i = 0; i < 36; i++) {
                double di = f[i] - mu[i];
                for (int j = 0; j < 36; j++) {
                    cov[i][j] += di * (f[j] - mu[j]);
                }
            }
        }
        double[][] pooled = new double[36][36];
        for (int i = 0; i < 36; i++) {
            for (int j = 0; j < 36; j++) {
                // N − 1, or 1 for a single block (MATLAB's cov/nancov of one observation is zero)
                pooled[i][j] = (model.covariance()[i][j] + cov[i][j] / Math.max(1, n - 1)) / 2;
            }
        }
        double[][] inv = SymmetricMatrices.pseudoInverse(pooled);
        double[] d = new double[36];
        for (int i = 0; i < 36; i++) {
            d[i] = model.mean()[i] - mu[i];
        }
        double q = 0;
        for (int i = 0; i < 36; i++) {
            double row = 0;
            for (int j = 0; j < 36; j++) {
                row += inv[i][j] * d[j];
            }
            q += d[i] * row;
        }
        return Math.sqrt(Math.max(0, q));
    }
}
