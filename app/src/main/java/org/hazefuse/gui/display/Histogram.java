package org.hazefuse.gui.display;

import org.hazefuse.image.FloatImage;

/**
 * A panel's histogram: 256 bins over [0, 1] of the one channel, or of the luma of a colour image, as the Display
 * section draws it under the min/max sliders. Values outside [0, 1] fall into the end bins.
 */
public record Histogram(int[] counts, long total) {
    public static final int BINS = 256;

    public static Histogram of(FloatImage image) {
        FloatImage gray = image.channels() == 1 ? image : image.luma();
        int[] counts = new int[BINS];
        for (float v : gray.data()) {
            int b = v > 0 ? (v >= 1 ? BINS - 1 : (int) (v * BINS)) : 0;
            counts[b]++;
        }
        return new Histogram(counts, gray.pixels());
    }

    /** The value below which {@code fraction} of the pixels lie (bin resolution), for an automatic range. */
    public double percentile(double fraction) {
        long target = Math.round(fraction * total);
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += counts[b];
            if (seen >= target) {
                return (b + 1.0) / BINS;
            }
        }
        return 1;
    }

    public int max() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
