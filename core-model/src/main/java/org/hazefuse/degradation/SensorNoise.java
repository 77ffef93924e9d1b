package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code noise} (docs/design/lure.md, "Degradations"): visible sensor noise, Gaussian plus Poisson, i.e.
 * the Poisson–Gaussian model ({@link PoissonGaussian}): variance {@code x/peak + σ²} per sample,
 * independent per channel. The Gaussian part alone is the classic denoising benchmark's noise; the Poisson part
 * makes it signal-dependent as real sensors are (Foi et al., "Practical Poissonian-Gaussian noise modeling and
 * fitting for single-image raw-data", IEEE TIP 2008).
 *
 * <p>Ranges of the random draw: σ 5–50 / 255 (the spec's); photons at full white 50–1000 log-uniform (the spec
 * gives no strength for the Poisson part: <b>choice</b>; at mid-gray it adds 5.7–25 / 255 of standard deviation).
 *
 * @param sigma Gaussian standard deviation, in [0, 1]
 * @param peak photon count of a full-white sample, > 0 ({@code Infinity} for Gaussian noise only)
 */
public record SensorNoise(double sigma, double peak) implements Degradation {
    public static final double SIGMA_MIN = 5 / 255.0;
    public static final double SIGMA_MAX = 50 / 255.0;
    public static final double PEAK_MIN = 50;
    public static final double PEAK_MAX = 1000;

    public SensorNoise {
        Pixels.requireRange("sigma", sigma, 0, 1);
        if (!(peak > 0)) {
            throw new IllegalArgumentException("peak must be > 0, got " + peak);
        }
    }

    /** Light: σ 10/255, 1000 photons; medium: 25/255, 300; heavy: 45/255, 80. */
    public static SensorNoise preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new SensorNoise(10 / 255.0, 1000);
            case MEDIUM -> new SensorNoise(25 / 255.0, 300);
            case HEAVY -> new SensorNoise(45 / 255.0, 80);
        };
    }

    public static SensorNoise sample(SplittableRandom random) {
        return new SensorNoise(Pixels.uniform(random, SIGMA_MIN, SIGMA_MAX), Pixels.logUniform(random, PEAK_MIN, PEAK_MAX));
    }

    @Override
    public Task task() {
        return Task.NOISE;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] out = PoissonGaussian.apply(image.data(), x -> x, peak, sigma, new SplittableRandom(seed), true);
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sigma", sigma);
        p.put("peak", peak);
        return p;
    }
}
