package org.hazefuse.metrics;

/**
 * EN: Shannon entropy of the fused image's gray-level histogram (Roberts, van Aardt and Ahmed, J. Appl. Remote
 * Sens. 2008, the form used in fusion surveys).
 *
 * <p>Conventions: 8-bit luma ({@link EightBitPlane}), 256 bins (one per level), log base 2, so the value is in
 * bits and lies in [0, 8]; higher is better (more information). A constant image has 0.
 */
public final class Entropy {
    private Entropy() {
    }

    public static double of(EightBitPlane f) {
        return GrayHistograms.entropyBits(GrayHistograms.histogram(f), f.size());
    }
}
