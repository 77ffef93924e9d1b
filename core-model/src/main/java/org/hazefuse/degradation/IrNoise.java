package org.hazefuse.degradation;

import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code ir-noise} (docs/design/lure.md, "Degradations"): thermal (temporal) noise of an infrared sensor,
 * {@code y = clamp(x + σ·n)}, n standard normal per pixel. Gaussian rather than Poisson because a thermal
 * detector's noise is dominated by read-out and thermal agitation, not photon counting, at the signal levels
 * of a scene near room temperature.
 *
 * <p>Range of the random draw: σ 5–30 / 255 (the spec's).
 *
 * @param sigma standard deviation, in [0, 1]
 */
public record IrNoise(double sigma) implements Degradation {
    public static final double SIGMA_MIN = 5 / 255.0;
    public static final double SIGMA_MAX = 30 / 255.0;

    public IrNoise {
        Pixels.requireRange("sigma", sigma, 0, 1);
    }

    /** Light: σ 8/255; medium: 16/255; heavy: 28/255. */
    public static IrNoise preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new IrNoise(8 / 255.0);
            case MEDIUM -> new IrNoise(16 / 255.0);
            case HEAVY -> new IrNoise(28 / 255.0);
        };
    }

    public static IrNoise sample(SplittableRandom random) {
        return new IrNoise(Pixels.uniform(random, SIGMA_MIN, SIGMA_MAX));
    }

    @Override
    public Task task() {
        return Task.IR_NOISE;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] out = image.data().clone();
        Pixels.addGaussian(out, sigma, new SplittableRandom(seed));
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("sigma", sigma);
    }
}
