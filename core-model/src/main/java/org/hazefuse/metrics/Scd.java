package org.hazefuse.metrics;

/**
 * SCD: sum of the correlations of differences, SCD = r(F − B, A) + r(F − A, B)
 * (Aslantas and Bendes, AEU Int. J. Electron. Commun. 69(12), 2015): how much of each source's information
 * the fused image carries that the other source does not explain.
 *
 * <p>r is Pearson's correlation over all pixels. Conventions: 8-bit luma ({@link EightBitPlane}); the value
 * lies in [−2, 2]; higher is better. Undefined (NaN) when a difference image or a source is constant.
 */
public final class Scd {
    private Scd() {
    }

    /**
     * @param a the infrared source
     * @param b the visible source
     */
    public static double of(EightBitPlane fused, EightBitPlane a, EightBitPlane b) {
        fused.requireSameSize(a, "SCD infrared");
        fused.requireSameSize(b, "SCD visible");
        double[] f = fused.values();
        double[] av = a.values();
        double[] bv = b.values();
        int n = f.length;
        double[] dfb = new double[n];
        double[] dfa = new double[n];
        for (int i = 0; i < n; i++) {
            dfb[i] = f[i] - bv[i];
            dfa[i] = f[i] - av[i];
        }
        return correlation(dfb, av) + correlation(dfa, bv);
    }

    /** Pearson correlation; NaN when either input is constant. */
    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
