package org.hazefuse.metrics;

/**
 * MI: mutual information between the fused image and each source, summed: MI(F, A) + MI(F, B)
 * (Qu, Zhang and Yan, Electronics Letters 38(7), 2002).
 *
 * <p>Conventions: 8-bit luma planes ({@link EightBitPlane}) with no contrast stretching; 256×256-bin joint
 * histogram (one bin per level pair); log base 2, so bits. MI(X, Y) = H(X) + H(Y) − H(X, Y). Each term lies in
 * [0, 8], the sum in [0, 16]; higher is better. Note that common Python evaluators use scikit-learn (nats, i.e.
 * ln) and some MATLAB ones stretch each image to 0–255 first; this class does neither, so its values are those
 * evaluators' values ×1/ln 2 only when the images already span 0–255.
 */
public final class MutualInformation {
    private MutualInformation() {
    }

    /** MI(F, A) + MI(F, B) in bits. */
    public static double fusion(EightBitPlane fused, EightBitPlane a, EightBitPlane b) {
        return between(fused, a) + between(fused, b);
    }

    /** MI(X, Y) in bits. */
    public static double between(EightBitPlane x, EightBitPlane y) {
        x.requireSameSize(y, "mutual information");
        long n = x.size();
        double hx = GrayHistograms.entropyBits(GrayHistograms.histogram(x), n);
        double hy = GrayHistograms.entropyBits(GrayHistograms.histogram(y), n);
        double hxy = GrayHistograms.entropyBits(GrayHistograms.joint(x, y), n);
        return Math.max(0, hx + hy - hxy);
    }
}
