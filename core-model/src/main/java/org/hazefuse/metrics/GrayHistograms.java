package org.hazefuse.metrics;

/** 256-bin histograms and entropies (base 2) of 8-bit planes; shared by {@link Entropy} and {@link MutualInformation}. */
final class GrayHistograms {
    private GrayHistograms() {
    }

    static int[] histogram(EightBitPlane p) {
        int[] h = new int[256];
        for (double v : p.values()) {
            h[level(v)]++;
        }
        return h;
    }

    /** Joint histogram, index {@code a * 256 + b}. */
    static int[] joint(EightBitPlane a, EightBitPlane b) {
        int[] h = new int[256 * 256];
        double[] av = a.values();
        double[] bv = b.values();
        for (int i = 0; i < av.length; i++) {
            h[level(av[i]) * 256 + level(bv[i])]++;
        }
        return h;
    }

    /** Shannon entropy in bits of a histogram with {@code total} counts. */
    static double entropyBits(int[] h, long total) {
        double e = 0;
        double inv = 1.0 / total;
        for (int c : h) {
            if (c > 0) {
                double p = c * inv;
                e -= p * Math.log(p);
            }
        }
        return e / Math.log(2);
    }

    private static int level(double v) {
        int l = (int) v;
        if (l < 0 || l > 255 || l != v) {
            throw new IllegalArgumentException("not an 8-bit level: " + v);
        }
        return l;
    }
}
