package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code low-light} (docs/design/lure.md, "Degradations"): {@code y = gain·x^γ}, then the Poisson–Gaussian
 * sensor noise of a dark exposure ({@link PoissonGaussian}). The gamma darkens the shadows more than
 * the highlights, as an under-exposed camera response does; the gain sets the overall level; the noise comes
 * after the darkening because a dark exposure collects few photons, which is what makes night images grainy.
 *
 * <p>Ranges of the random draw: γ 1.5–3.5 and gain 0.1–0.5 (the spec's); photons at full white 50–1000
 * log-uniform and read noise σ 1–10 / 255 (the spec names the noise model, not its strength: <b>choice</b>,
 * in line with low-light synthesis in the literature, e.g. Lv et al., "Attention guided low-light image
 * enhancement", IJCV 2021, which also draws gamma and linear darkening before Poisson–Gaussian noise).
 *
 * @param gamma exponent γ ≥ 1
 * @param gain linear factor in (0, 1]
 * @param peak photon count of a full-white sample, > 0 ({@code Infinity} for no shot noise)
 * @param readSigma read-noise standard deviation, in [0, 1]
 */
public record LowLight(double gamma, double gain, double peak, double readSigma) implements Degradation {
    public static final double GAMMA_MIN = 1.5;
    public static final double GAMMA_MAX = 3.5;
    public static final double GAIN_MIN = 0.1;
    public static final double GAIN_MAX = 0.5;
    public static final double PEAK_MIN = 50;
    public static final double PEAK_MAX = 1000;
    public static final double READ_MIN = 1 / 255.0;
    public static final double READ_MAX = 10 / 255.0;

    public LowLight {
        Pixels.requireRange("gamma", gamma, 1, 10);
        Pixels.requireRange("gain", gain, 1e-6, 1);
        if (!(peak > 0)) {
            throw new IllegalArgumentException("peak must be > 0, got " + peak);
        }
        Pixels.requireRange("readSigma", readSigma, 0, 1);
    }

    /** Light: γ 1.8, gain 0.45, 500 photons, read σ 2/255; medium: 2.5, 0.3, 200, 4/255; heavy: 3.2, 0.15, 80, 8/255. */
    public static LowLight preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new LowLight(1.8, 0.45, 500, 2 / 255.0);
            case MEDIUM -> new LowLight(2.5, 0.3, 200, 4 / 255.0);
            case HEAVY -> new LowLight(3.2, 0.15, 80, 8 / 255.0);
        };
    }

    public static LowLight sample(SplittableRandom random) {
        return new LowLight(Pixels.uniform(random, GAMMA_MIN, GAMMA_MAX), Pixels.uniform(random, GAIN_MIN, GAIN_MAX),
                Pixels.logUniform(random, PEAK_MIN, PEAK_MAX), Pixels.uniform(random, READ_MIN, READ_MAX));
    }

    @Override
    public Task task() {
        return Task.LOW_LIGHT;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] out = PoissonGaussian.apply(image.data(), x -> gain * Math.pow(Math.max(0, x), gamma), peak, readSigma,
                new SplittableRandom(seed), true);
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gamma", gamma);
        p.put("gain", gain);
        p.put("peak", peak);
        p.put("readSigma", readSigma);
        return p;
    }
}
