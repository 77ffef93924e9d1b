package org.hazefuse.degradation;

import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Per-sample helpers shared by the task classes (docs/design/lure.md, "Degradations"). Plain Java on the planar
 * float array: these are single passes over a few hundred thousand samples, far cheaper than a round trip
 * through the engine.
 */
final class Pixels {
    private Pixels() {
    }

    static float clamp(double v) {
        return v > 1 ? 1f : (v >= 0 ? (float) v : 0f); // NaN becomes 0
    }

    /** A new image of the same shape holding {@code data}. */
    static FloatImage like(FloatImage image, float[] data) {
        return new FloatImage(image.width(), image.height(), image.channels(), data);
    }

    static double mean(float[] data) {
        double sum = 0;
        for (float v : data) {
            sum += v;
        }
        return sum / data.length;
    }

    /**
     * {@code clamp(f(x))} for every sample, as a new array. Samples that are exactly {@code j/255} (every sample of
     * an image read from an 8-bit file) look their result up in a 256-entry table filled on first use, so a
     * {@code Math.pow} per sample becomes one per value; the table holds {@code clamp(f(x))} itself, so both paths
     * give the same numbers.
     */
    static float[] map(float[] src, java.util.function.DoubleUnaryOperator f) {
        float[] table = new float[256];
        java.util.Arrays.fill(table, Float.NaN);
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            float x = src[i];
            int j = (int) (x * 255 + 0.5f);
            if (j >= 0 && j < 256 && j / 255f == x) {
                float v = table[j];
                if (Float.isNaN(v)) {
                    v = clamp(f.applyAsDouble(x));
                    table[j] = v;
                }
                out[i] = v;
            } else {
                out[i] = clamp(f.applyAsDouble(x));
            }
        }
        return out;
    }

    /** Adds zero-mean Gaussian noise of standard deviation {@code sigma} to every sample, in place, clamped. */
    static void addGaussian(float[] data, double sigma, SplittableRandom random) {
        for (int i = 0; i < data.length; i++) {
            data[i] = clamp(data[i] + sigma * random.nextGaussian());
        }
    }

    /** Uniform in [lo, hi]. */
    static double uniform(SplittableRandom random, double lo, double hi) {
        return hi > lo ? lo + (hi - lo) * random.nextDouble() : lo;
    }

    /** Log-uniform in [lo, hi]: even odds per decade, for scale parameters such as a photon count. */
    static double logUniform(SplittableRandom random, double lo, double hi) {
        return Math.exp(uniform(random, Math.log(lo), Math.log(hi)));
    }

    static void requireRange(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
