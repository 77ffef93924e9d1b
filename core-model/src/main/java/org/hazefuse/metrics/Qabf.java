package org.hazefuse.metrics;

/**
 * Q<sup>AB/F</sup>: edge-information preservation (Xydeas and Petrović, Electronics Letters 36(4), 2000).
 *
 * <p>Per pixel, Sobel edge strength g = sqrt(sx² + sy²) and orientation α = atan(sy / sx) (π/2 where sx = 0),
 * with zero padding at the borders. For a source S and the fused F: relative strength G = min(gS, gF) / max(gS, gF)
 * (1 when both are equal, including both zero), relative orientation A = 1 − |αS − αF| / (π/2), and the
 * preservation Q = Γg / (1 + e^{κg (G − σg)}) · Γα / (1 + e^{κα (A − σα)}) with the paper's constants
 * Γg = 0.9994, κg = −15, σg = 0.5, Γα = 0.9879, κα = −22, σα = 0.8. The score is
 * Σ (Q_AF gA + Q_BF gB) / Σ (gA + gB) (weights w = g^L with L = 1).
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}); the value lies in [0, 1) and higher is better. With these
 * constants even F = A = B scores Γg/(1+e^{−7.5}) · Γα/(1+e^{−4.4}) ≈ 0.9756, not 1. The widely copied MATLAB
 * code sets G = gF (not 1) where gS = gF; the difference is below 1e-3 of Q at those pixels. NaN when neither
 * source has an edge anywhere.
 */
public final class Qabf {
    static final double GAMMA_G = 0.9994;
    static final double KAPPA_G = -15;
    static final double SIGMA_G = 0.5;
    static final double GAMMA_A = 0.9879;
    static final double KAPPA_A = -22;
    static final double SIGMA_A = 0.8;

    private Qabf() {
    }

    /**
     * @param a the infrared source
     * @param b the visible source
     */
    public static double of(EightBitPlane fused, EightBitPlane a, EightBitPlane b) {
        fused.requireSameSize(a, "Qabf infrared");
        fused.requireSameSize(b, "Qabf visible");
        int w = fused.width();
        int h = fused.height();
        int n = w * h;
        Edges ef = Edges.of(fused.values(), w, h);
        Edges ea = Edges.of(a.values(), w, h);
        Edges eb = Edges.of(b.values(), w, h);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double ga = ea.strength[i];
            double gb = eb.strength[i];
            if (ga > 0) {
                num += preservation(ga, ea.angle[i], ef.strength[i], ef.angle[i]) * ga;
            }
            if (gb > 0) {
                num += preservation(gb, eb.angle[i], ef.strength[i], ef.angle[i]) * gb;
            }
            den += ga + gb;
        }
        return num / den;
    }

    static double preservation(double gs, double as, double gf, double af) {
        double g = gs == gf ? 1 : Math.min(gs, gf) / Math.max(gs, gf);
        double o = 1 - Math.abs(as - af) / (Math.PI / 2);
        double qg = GAMMA_G / (1 + Math.exp(KAPPA_G * (g - SIGMA_G)));
        double qa = GAMMA_A / (1 + Math.exp(KAPPA_A * (o - SIGMA_A)));
        return qg * qa;
    }

    /** Sobel strength and orientation maps. */
    private record Edges(double[] strength, double[] angle) {
        static Edges of(double[] v, int w, int h) {
            int n = w * h;
            double[] gx = new double[n];
            double[] gy = new double[n];
            Filters.sobel(v, w, h, gx, gy);
            double[] s = new double[n];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
                a[i] = gx[i] == 0 ? Math.PI / 2 : Math.atan(gy[i] / gx[i]);
            }
            return new Edges(s, a);
        }
    }
}
