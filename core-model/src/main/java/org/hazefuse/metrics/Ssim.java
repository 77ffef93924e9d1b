package org.hazefuse.metrics;

import org.hazefuse.image.FloatImage;

/**
 * SSIM of a restored (dehazed) image against the clear reference (Wang, Bovik, Sheikh and Simoncelli, IEEE TIP
 * 13(4), 2004), with the paper's settings: 11×11 Gaussian window, σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255,
 * statistics weighted by the window (no sample-covariance correction), mean of the SSIM map over the "valid"
 * window positions only (no padding: the map is (H−10)×(W−10)).
 *
 * <p>Conventions: 8 bits per channel ({@link EightBitPlane#channel}); computed on each RGB channel and averaged
 * over the three (as dehazing benchmarks do), never summed. Range [−1, 1], 1 for identical images; higher is
 * better. Images smaller than 11×11 give NaN.
 */
public final class Ssim {
    static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    static final double C1 = (0.01 * 255) * (0.01 * 255);
    static final double C2 = (0.03 * 255) * (0.03 * 255);

    private Ssim() {
    }

    public static double of(FloatImage restored, FloatImage reference) {
        if (!restored.sameSize(reference) || restored.channels() != reference.channels()) {
            throw new IllegalArgumentException("SSIM: " + restored + " and reference " + reference + " differ");
        }
        double sum = 0;
        for (int c = 0; c < restored.channels(); c++) {
            sum += plane(EightBitPlane.channel(restored, c), EightBitPlane.channel(reference, c));
        }
        return sum / restored.channels();
    }

    /** Mean SSIM of two 8-bit planes. */
    public static double plane(EightBitPlane x, EightBitPlane y) {
        x.requireSameSize(y, "SSIM");
        int w = x.width();
        int h = x.height();
        if (w < WINDOW || h < WINDOW) {
            return Double.NaN;
        }
        double[] k = Filters.gaussian(WINDOW, SIGMA);
        double[] a = x.values();
        double[] b = y.values();
        double[] mx = Filters.valid(a, w, h, k);
        double[] my = Filters.valid(b, w, h, k);
        double[] sxx = Filters.valid(Filters.multiply(a, a), w, h, k);
        double[] syy = Filters.valid(Filters.multiply(b, b), w, h, k);
        double[] sxy = Filters.valid(Filters.multiply(a, b), w, h, k);
        double sum = 0;
        for (int i = 0; i < mx.length; i++) {
            double mxy = mx[i] * my[i];
            double mx2 = mx[i] * mx[i];
            double my2 = my[i] * my[i];
            double vx = sxx[i] - mx2;
            double vy = syy[i] - my2;
            double cxy = sxy[i] - mxy;
            sum += ((2 * mxy + C1) * (2 * cxy + C2)) / ((mx2 + my2 + C1) * (vx + vy + C2));
        }
        return sum / mx.length;
    }
}
