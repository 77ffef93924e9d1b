package org.hazefuse.metrics;

/**
 * AG: average gradient, the mean over the (H−1)×(W−1) pixels that have a right and a lower neighbour of
 * sqrt((Δx² + Δy²) / 2), with Δx = F(y, x+1) − F(y, x) and Δy = F(y+1, x) − F(y, x)
 * (Cui et al., Optics Communications 341, 2015, the form used in fusion surveys).
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}), 0–255 scale, so AG lies in [0, 255]; higher is better
 * (sharper). A constant image has 0; a one-pixel 0/255 checkerboard has 255.
 */
public final class AverageGradient {
    private AverageGradient() {
    }

    public static double of(EightBitPlane f) {
        int w = f.width();
        int h = f.height();
        if (w < 2 || h < 2) {
            return 0;
        }
        double[] v = f.values();
        double sum = 0;
        for (int y = 0; y < h - 1; y++) {
            int row = y * w;
            for (int x = 0; x < w - 1; x++) {
                double c = v[row + x];
                double dx = v[row + x + 1] - c;
                double dy = v[row + w + x] - c;
                sum += Math.sqrt((dx * dx + dy * dy) * 0.5);
            }
        }
        return sum / ((double) (h - 1) * (w - 1));
    }
}
