package org.hazefuse.degradation;

import java.util.Arrays;
import org.hazefuse.image.FloatImage;

/** Small synthetic images and measurements for the degradation tests. */
final class TestImages {
    private TestImages() {
    }

    static FloatImage flat(int w, int h, int channels, float v) {
        float[] d = new float[w * h * channels];
        Arrays.fill(d, v);
        return new FloatImage(w, h, channels, d);
    }

    /**
     * A textured image with values in about [0.1, 0.9]: a smooth gradient plus sinusoids from fine (periods 3 to
     * 7 px) to coarse (16 and 40 px), different per channel, so blur and resampling of every strength have detail
     * to lose and nothing starts clipped.
     */
    static FloatImage textured(int w, int h, int channels) {
        float[] d = new float[w * h * channels];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0.5 + 0.15 * ((double) x / w - 0.5) + 0.1 * ((double) y / h - 0.5)
                            + 0.12 * Math.sin(2 * Math.PI * x / (3 + c)) * Math.cos(2 * Math.PI * y / (5 + c))
                            + 0.06 * Math.sin(2 * Math.PI * (x + y) / 7.0)
                            + 0.06 * Math.sin(2 * Math.PI * x / 16.0) + 0.06 * Math.cos(2 * Math.PI * y / 40.0);
                    d[(c * h + y) * w + x] = (float) v;
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }

    static double mean(FloatImage image) {
        return Pixels.mean(image.data());
    }

    static double std(FloatImage image) {
        double m = mean(image);
        double s = 0;
        for (float v : image.data()) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / image.data().length);
    }

    static double max(FloatImage image) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : image.data()) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double rmse(FloatImage a, FloatImage b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            double d = a.data()[i] - b.data()[i];
            s += d * d;
        }
        return Math.sqrt(s / a.data().length);
    }

    /** Mean squared difference of horizontally and vertically adjacent samples: the high-frequency energy. */
    static double highFrequency(FloatImage image) {
        int w = image.width();
        int h = image.height();
        double s = 0;
        long n = 0;
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h - 1; y++) {
                for (int x = 0; x < w - 1; x++) {
                    double v = image.get(c, y, x);
                    double dx = image.get(c, y, x + 1) - v;
                    double dy = image.get(c, y + 1, x) - v;
                    s += dx * dx + dy * dy;
                    n++;
                }
            }
        }
        return s / n;
    }
}
