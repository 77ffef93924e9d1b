package org.hazefuse.metrics;

/**
 * SD: standard deviation of the fused image's gray levels, a global contrast measure (Rao, 1997, as used in
 * fusion surveys).
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}), population form (divides by N, not N − 1), on the
 * 0–255 scale, so it lies in [0, 127.5]; higher is better. A constant image has 0.
 */
public final class StandardDeviation {
    private StandardDeviation() {
    }

    public static double of(EightBitPlane f) {
        double[] v = f.values();
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            double d = x - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / v.length);
    }
}
