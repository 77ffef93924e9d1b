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

    /** Adds zero-mean Gaussian noise of standard deviation {@code sigma} to every sample, in place, clamped. */
    static void addGaussian(float[] data, double sigma, SplittableRandom random) {
        for (int i = 0; i < data.length; i++) {
            data[i] = clamp(data[i] + sigma * random.nextGaussian());
        }
    }

    /**
     * The Poisson–Gaussian sensor model, in place: each sample v becomes {@code k/peak + σ·n}, clamped, with
     * {@code k ~ Poisson(v·peak)} (photon shot noise; {@code peak} is the photon count of a full-white sample)
     * and {@code n} standard normal (read noise). The variance is therefore {@code v/peak + σ²}: signal-dependent,
     * the part that makes dark regions grainier than bright ones. {@code peak = +∞} gives Gaussian noise only.
     */
    static void addPoissonGaussian(float[] data, double peak, double sigma, SplittableRandom random) {
        boolean shot = peak < Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (shot) {
                v = poisson(Math.max(0, v) * peak, random) / peak;
            }
            data[i] = clamp(v + sigma * random.nextGaussian());
        }
    }

    /** Below this mean a Poisson draw is exact; at and above it, normal. */
    static final double POISSON_EXACT_BELOW = 30;

    /** 1/k for the inversion's recurrence: a multiplication per step instead of a division (half the time). */
    private static final double[] RECIPROCALS = new double[201];

    static {
        for (int k = 1; k < RECIPROCALS.length; k++) {
            RECIPROCALS[k] = 1.0 / k;
        }
    }

    /**
     * A Poisson draw of mean {@code lambda}: exact by inversion (sequential search from 0) below
     * {@value #POISSON_EXACT_BELOW}, where it costs about λ steps; above, the normal approximation N(λ, λ), which
     * at λ ≥ 30 is indistinguishable after quantisation to 8 bits and keeps the cost per sample constant.
     */
    static double poisson(double lambda, SplittableRandom random) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda >= POISSON_EXACT_BELOW) {
            return Math.max(0, lambda + Math.sqrt(lambda) * random.nextGaussian());
        }
        double u = random.nextDouble();
        double p = Math.exp(-lambda);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < RECIPROCALS.length - 1) {
            k++;
            p *= lambda * RECIPROCALS[k];
            cumulative += p;
        }
        return k;
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
