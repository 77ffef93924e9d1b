package org.hazefuse.metrics;

/**
 * SF: spatial frequency, SF = sqrt(RF² + CF²) (Eskicioglu and Fisher, IEEE Trans. Commun. 43(12), 1995).
 *
 * <p>RF² is the mean of the squared differences of horizontally adjacent pixels, over the H×(W−1) pairs;
 * CF² the same for vertically adjacent pixels, over the (H−1)×W pairs. Conventions: 8-bit luma
 * ({@link EightBitPlane}), 0–255 scale, so SF lies in [0, 255·√2]; higher is better. A constant image has 0;
 * a one-pixel 0/255 checkerboard has 255·√2.
 */
public final class SpatialFrequency {
    private SpatialFrequency() {
    }

    public static double of(EightBitPlane f) {
        int w = f.width();
        int h = f.height();
        double[] v = f.values();
        double rf = 0;
        double cf = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 1; x < w; x++) {
                double d = v[row + x] - v[row + x - 1];
                rf += d * d;
            }
            if (y > 0) {
                for (int x = 0; x < w; x++) {
                    double d = v[row + x] - v[row - w + x];
                    cf += d * d;
                }
            }
        }
        double rf2 = w > 1 ? rf / ((double) h * (w - 1)) : 0;
        double cf2 = h > 1 ? cf / ((double) (h - 1) * w) : 0;
        return Math.sqrt(rf2 + cf2);
    }
}
