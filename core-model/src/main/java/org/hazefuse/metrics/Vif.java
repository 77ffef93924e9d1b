package org.hazefuse.metrics;

/**
 * VIF for fusion: VIF(A, F) + VIF(B, F), the sum of the pixel-domain visual information fidelity of the fused
 * image F taken as a "distorted" version of each source (Sheikh and Bovik, IEEE TIP 15(2), 2006, pixel-domain
 * multi-scale form, "VIFp"). This is the definition used by the common infrared–visible evaluators; it is
 * <em>not</em> Han et al.'s VIFF (Information Fusion 14(2), 2013).
 *
 * <p>VIFp of reference R and distorted D: over 4 scales s = 1..4 with Gaussian windows of side N = 2^{5−s} + 1
 * (17, 9, 5, 3) and σ = N/5; before scales 2–4 both images are low-pass filtered with that scale's window
 * ("valid") and subsampled by 2. Local means and (co)variances use the window over "valid" positions; with
 * g = σRD / σR², σV² = σD² − g σRD and the HVS noise σN² = 2, numerator Σ log10(1 + g² σR² / (σV² + σN²)) and
 * denominator Σ log10(1 + σR² / σN²) are summed over all scales and VIFp = num / den. Degenerate windows follow
 * the published rules (σR² &lt; 1e-10 → g = 0, σV² = σD²; σD² &lt; 1e-10 → g = 0, σV² = 0; g &lt; 0 → σV² = σD²,
 * g = 0; σV² floored at 1e-10).
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}) on the 0–255 scale (σN² = 2 is in those units). Each term is
 * 1 for F equal to the source, so the sum is 2 for F = A = B; it can exceed that for contrast-enhanced F. Higher
 * is better. NaN when a source is constant (the denominator is 0).
 */
public final class Vif {
    static final double NOISE_VARIANCE = 2.0;
    private static final double EPS = 1e-10;

    private Vif() {
    }

    /**
     * @param a the infrared source
     * @param b the visible source
     */
    public static double fusion(EightBitPlane fused, EightBitPlane a, EightBitPlane b) {
        return pixelDomain(a, fused) + pixelDomain(b, fused);
    }

    /** VIFp(reference, distorted). */
    public static double pixelDomain(EightBitPlane reference, EightBitPlane distorted) {
        reference.requireSameSize(distorted, "VIF");
        int w = reference.width();
        int h = reference.height();
        double[] ref = reference.values();
        double[] dist = distorted.values();
        double num = 0;
        double den = 0;
        for (int scale = 1; scale <= 4; scale++) {
            int n = (1 << (4 - scale + 1)) + 1;
            double[] win = Filters.gaussian(n, n / 5.0);
            if (scale > 1) {
                int ow = w - n + 1;
                int oh = h - n + 1;
                if (ow <= 0 || oh <= 0) {
                    break;
                }
                ref = subsample(Filters.valid(ref, w, h, win), ow, oh);
                dist = subsample(Filters.valid(dist, w, h, win), ow, oh);
                w = (ow + 1) / 2;
                h = (oh + 1) / 2;
            }
            int ow = w - n + 1;
            int oh = h - n + 1;
            if (ow <= 0 || oh <= 0) {
                break;
            }
            double[] mu1 = Filters.valid(ref, w, h, win);
            double[] mu2 = Filters.valid(dist, w, h, win);
            double[] s11 = Filters.valid(Filters.multiply(ref, ref), w, h, win);
            double[] s22 = Filters.valid(Filters.multiply(dist, dist), w, h, win);
            double[] s12 = Filters.valid(Filters.multiply(ref, dist), w, h, win);
            for (int i = 0; i < mu1.length; i++) {
                double sigma1 = Math.max(0, s11[i] - mu1[i] * mu1[i]);
                double sigma2 = Math.max(0, s22[i] - mu2[i] * mu2[i]);
                double sigma12 = s12[i] - mu1[i] * mu2[i];
                double g = sigma12 / (sigma1 + EPS);
                double sv = sigma2 - g * sigma12;
                if (sigma1 < EPS) {
                    g = 0;
                    sv = sigma2;
                    sigma1 = 0;
                }
                if (sigma2 < EPS) {
                    g = 0;
                    sv = 0;
                }
                if (g < 0) {
                    sv = sigma2;
                    g = 0;
                }
                if (sv <= EPS) {
                    sv = EPS;
                }
                num += Math.log10(1 + g * g * sigma1 / (sv + NOISE_VARIANCE));
                den += Math.log10(1 + sigma1 / NOISE_VARIANCE);
            }
        }
        return num / den;
    }

    /** Keeps every second row and column, starting with the first (MATLAB {@code x(1:2:end, 1:2:end)}). */
    private static double[] subsample(double[] v, int w, int h) {
        int ow = (w + 1) / 2;
        int oh = (h + 1) / 2;
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                out[y * ow + x] = v[2 * y * w + 2 * x];
            }
        }
        return out;
    }
}
