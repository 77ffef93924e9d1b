package org.hazefuse.degradation;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The Poisson–Gaussian sensor model (docs/design/lure.md, "Degradations": low-light and noise): each sample x
 * becomes {@code k/peak + σ·n}, clamped, with {@code k ~ Poisson(v·peak)}, {@code v = tone(x)} (photon shot noise
 * on the exposed level; {@code peak} is the photon count of a full-white sample) and n standard normal (read
 * noise). The variance is {@code v/peak + σ²}: signal-dependent, which makes dark regions grainier than bright
 * ones. {@code peak = +∞} gives the Gaussian part only.
 *
 * <p>Poisson draws are exact by inversion (sequential search from 0) for a mean below
 * {@value #EXACT_BELOW}; above, the normal approximation N(λ, λ), indistinguishable there after 8-bit
 * quantisation and constant in cost.
 *
 * <p>Why tables: an exact draw costs about 55 ns per sample in the sequential search (its loop length varies
 * from sample to sample), half of a 640×480 low-light image's time. Images read from 8-bit files hold at most 256
 * values, so for samples that are exactly {@code j/255} the tone, the mean and the cumulative probabilities are
 * computed once per value, and the search starts from a guide table. The tables hold the very numbers the
 * sequential search computes and the same uniform is compared against them, so both paths give the same draw, bit
 * for bit; other samples (e.g. after a blur) take the sequential search.
 */
final class PoissonGaussian {
    /** Below this mean a Poisson draw is exact; at and above it, normal. */
    static final double EXACT_BELOW = 30;

    /** Largest count the search goes to (far beyond any mean below {@value #EXACT_BELOW}). */
    private static final int MAX_COUNT = 200;
    private static final int LEVELS = 256;
    private static final int GUIDE = 64;

    private PoissonGaussian() {
    }

    /**
     * {@code tone(src)} with Poisson–Gaussian noise, as a new array.
     *
     * @param tone the exposure applied before the noise (identity for plain sensor noise)
     * @param useTables false forces the sequential search everywhere (for tests: both paths agree)
     */
    static float[] apply(float[] src, DoubleUnaryOperator tone, double peak, double sigma, SplittableRandom random,
            boolean useTables) {
        boolean shot = peak < Double.POSITIVE_INFINITY;
        Level[] levels = new Level[LEVELS];
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            float x = src[i];
            int j = (int) (x * 255 + 0.5f);
            double v;
            if (useTables && j >= 0 && j < LEVELS && j / 255f == x) {
                Level level = levels[j];
                if (level == null) {
                    level = new Level((float) tone.applyAsDouble(x), peak);
                    levels[j] = level;
                }
                v = shot ? level.draw(random) / peak : level.value;
            } else {
                v = (float) tone.applyAsDouble(x);
                if (shot) {
                    v = poisson(Math.max(0, v) * peak, random) / peak;
                }
            }
            out[i] = Pixels.clamp(v + sigma * random.nextGaussian());
        }
        return out;
    }

    /** A Poisson draw of mean {@code lambda}: the sequential search below {@value #EXACT_BELOW}, else normal. */
    static double poisson(double lambda, SplittableRandom random) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda >= EXACT_BELOW) {
            return Math.max(0, lambda + Math.sqrt(lambda) * random.nextGaussian());
        }
        double u = random.nextDouble();
        double p = Math.exp(-lambda);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < MAX_COUNT) {
            k++;
            p *= lambda / k;
            cumulative += p;
        }
        return k;
    }

    /** One input value's tone, mean and, below {@value #EXACT_BELOW}, cumulative probabilities with a guide. */
    private static final class Level {
        final float value;
        final double lambda;
        final double root;
        final double[] cumulative;
        final int[] guide;

        Level(float value, double peak) {
            this.value = value;
            this.lambda = Math.max(0, value) * peak;
            this.root = Math.sqrt(lambda);
            if (lambda > 0 && lambda < EXACT_BELOW) {
                // The sequential search's own recurrence, so the comparisons below are the same ones.
                cumulative = new double[MAX_COUNT + 1];
                double p = Math.exp(-lambda);
                cumulative[0] = p;
                for (int k = 1; k <= MAX_COUNT; k++) {
                    p *= lambda / k;
                    cumulative[k] = cumulative[k - 1] + p;
                }
                // guide[g] = the smallest k with cumulative[k] >= g/GUIDE: a draw u >= g/GUIDE cannot stop before it.
                guide = new int[GUIDE];
                int k = 0;
                for (int g = 0; g < GUIDE; g++) {
                    double threshold = (double) g / GUIDE;
                    while (k < MAX_COUNT && cumulative[k] < threshold) {
                        k++;
                    }
                    guide[g] = k;
                }
            } else {
                cumulative = null;
                guide = null;
            }
        }

        double draw(SplittableRandom random) {
            if (lambda <= 0) {
                return 0;
            }
            if (cumulative == null) {
                return Math.max(0, lambda + root * random.nextGaussian());
            }
            double u = random.nextDouble();
            int k = guide[(int) (u * GUIDE)];
            while (u > cumulative[k] && k < MAX_COUNT) {
                k++;
            }
            return k;
        }
    }
}
