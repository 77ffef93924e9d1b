package org.hazefuse.metrics;

import org.hazefuse.image.FloatImage;

/**
 * PSNR of a restored (dehazed) image against the clear reference: 10 log10(255² / MSE).
 *
 * <p>Conventions: both images are quantized to 8 bits per channel ({@link EightBitPlane#channel}); the MSE is
 * taken over all pixels of all three RGB channels together (no gray conversion, no border crop); the peak is
 * the fixed 8-bit maximum 255, never the image's own maximum. In dB; higher is better;
 * {@link Double#POSITIVE_INFINITY} for identical images.
 */
public final class Psnr {
    private Psnr() {
    }

    public static double of(FloatImage restored, FloatImage reference) {
        if (!restored.sameSize(reference) || restored.channels() != reference.channels()) {
            throw new IllegalArgumentException("PSNR: " + restored + " and reference " + reference + " differ");
        }
        double se = 0;
        for (int c = 0; c < restored.channels(); c++) {
            double[] a = EightBitPlane.channel(restored, c).values();
            double[] b = EightBitPlane.channel(reference, c).values();
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - b[i];
                se += d * d;
            }
        }
        double mse = se / ((double) restored.pixels() * restored.channels());
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
