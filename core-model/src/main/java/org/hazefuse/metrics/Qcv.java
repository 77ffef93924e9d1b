package org.hazefuse.metrics;

/**
 * Q<sub>CV</sub>: the Chen–Varshney human-perception fusion metric (H. Chen and P. K. Varshney, Information
 * Fusion 8(2), 2007): a saliency-weighted, contrast-sensitivity-filtered squared difference between the fused
 * image and each source. <b>Lower is better</b>; 0 when F equals both sources.
 *
 * <p>Computed as in the reference implementation of Liu et al.'s metric survey (IEEE TPAMI 34(1), 2012), which
 * the VIFB benchmark and most infrared–visible fusion tables use, so the numbers are comparable to theirs:
 * <ol>
 *   <li>each plane (8-bit luma, {@link EightBitPlane}) is stretched to 0–255 by its own min and max and rounded
 *       (left as is when constant);</li>
 *   <li>edge strength: Sobel magnitude with zero padding; region saliency λ = Σ g^α over non-overlapping
 *       16×16 blocks with α = 5 (partial blocks at the right and bottom edges count as they are);</li>
 *   <li>differences S − F are filtered in the frequency domain (periodic) by the Mannos–Sakrison contrast
 *       sensitivity function S(r) = 2.6 (0.0192 + 0.144 r) e^{−(0.144 r)^{1.1}}, with r the radial frequency
 *       on MATLAB's {@code freqspace} grid scaled by (width/8, height/8) (0.144 as in that implementation;
 *       the Mannos–Sakrison paper writes 0.114);</li>
 *   <li>D = mean of the squared filtered difference in each block, the mean taken over 256 pixels (blocks
 *       zero-padded, as MATLAB's {@code blkproc} does);</li>
 *   <li>Q = Σ (λA DA + λB DB) / Σ (λA + λB).</li>
 * </ol>
 * The value is ≥ 0, in squared gray levels; NaN when neither source has an edge.
 */
public final class Qcv {
    static final int BLOCK = 16;
    static final int ALPHA = 5;

    private Qcv() {
    }

    /**
     * @param a the infrared source
     * @param b the visible source
     */
    public static double of(EightBitPlane fused, EightBitPlane a, EightBitPlane b) {
        fused.requireSameSize(a, "Qcv infrared");
        fused.requireSameSize(b, "Qcv visible");
        int w = fused.width();
        int h = fused.height();
        double[] f = stretch(fused.values());
        double[] av = stretch(a.values());
        double[] bv = stretch(b.values());
        double[] lambdaA = saliency(av, w, h);
        double[] lambdaB = saliency(bv, w, h);

        // Both differences in one complex transform: the CSF is real and even, so it filters the real and
        // imaginary parts independently.
        int n = w * h;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = av[i] - f[i];
            im[i] = bv[i] - f[i];
        }
        fft2(re, im, w, h, false);
        double[] csf = csf(w, h);
        for (int i = 0; i < n; i++) {
            re[i] *= csf[i];
            im[i] *= csf[i];
        }
        fft2(re, im, w, h, true);
        double[] dA = blockMeanSquare(re, w, h);
        double[] dB = blockMeanSquare(im, w, h);
        double num = 0;
        double den = 0;
        for (int i = 0; i < lambdaA.length; i++) {
            num += lambdaA[i] * dA[i] + lambdaB[i] * dB[i];
            den += lambdaA[i] + lambdaB[i];
        }
        return num / den;
    }

    static double[] stretch(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        if (hi == lo) {
            System.arraycopy(v, 0, out, 0, v.length);
            return out;
        }
        double range = hi - lo;
        for (int i = 0; i < v.length; i++) {
            // MATLAB's order of operations, so that exact .5 ties round the same way
            out[i] = Math.floor((v[i] - lo) / range * 255 + 0.5);
        }
        return out;
    }

    private static int blocksX(int w) {
        return (w + BLOCK - 1) / BLOCK;
    }

    private static int blocksY(int h) {
        return (h + BLOCK - 1) / BLOCK;
    }

    /** λ per 16×16 block: Σ g^5 of the Sobel magnitude. */
    static double[] saliency(double[] v, int w, int h) {
        int n = w * h;
        double[] gx = new double[n];
        double[] gy = new double[n];
        Filters.sobel(v, w, h, gx, gy);
        int bx = blocksX(w);
        double[] out = new double[bx * blocksY(h)];
        for (int y = 0; y < h; y++) {
            int brow = (y / BLOCK) * bx;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double g2 = gx[i] * gx[i] + gy[i] * gy[i];
                double g = Math.sqrt(g2);
                out[brow + x / BLOCK] += g2 * g2 * g; // g^5
            }
        }
        return out;
    }

    static double[] blockMeanSquare(double[] v, int w, int h) {
        int bx = blocksX(w);
        double[] out = new double[bx * blocksY(h)];
        for (int y = 0; y < h; y++) {
            int brow = (y / BLOCK) * bx;
            for (int x = 0; x < w; x++) {
                double d = v[y * w + x];
                out[brow + x / BLOCK] += d * d;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= BLOCK * BLOCK;
        }
        return out;
    }

    /**
     * The CSF at each unshifted DFT index: index m of a length-N axis has centred frequency
     * c = ((m + ⌊N/2⌋) mod N) − ⌊N/2⌋, scaled to c/4 (MATLAB freqspace × N/8).
     */
    static double[] csf(int w, int h) {
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            double v = centred(y, h) / 4.0;
            for (int x = 0; x < w; x++) {
                double u = centred(x, w) / 4.0;
                double r = Math.sqrt(u * u + v * v);
                out[y * w + x] = 2.6 * (0.0192 + 0.144 * r) * Math.exp(-Math.pow(0.144 * r, 1.1));
            }
        }
        return out;
    }

    private static int centred(int m, int n) {
        return ((m + n / 2) % n) - n / 2;
    }

    /** 2-D DFT in place over a row-major w×h complex plane. */
    static void fft2(double[] re, double[] im, int w, int h, boolean inverse) {
        Fft rows = new Fft(w);
        double[] tr = new double[w];
        double[] ti = new double[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(re, y * w, tr, 0, w);
            System.arraycopy(im, y * w, ti, 0, w);
            rows.transform(tr, ti, inverse);
            System.arraycopy(tr, 0, re, y * w, w);
            System.arraycopy(ti, 0, im, y * w, w);
        }
        Fft cols = new Fft(h);
        double[] cr = new double[h];
        double[] ci = new double[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                cr[y] = re[y * w + x];
                ci[y] = im[y * w + x];
            }
            cols.transform(cr, ci, inverse);
            for (int y = 0; y < h; y++) {
                re[y * w + x] = cr[y];
                im[y * w + x] = ci[y];
            }
        }
    }
}
