package org.hazefuse.degradation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code over-exposure} (docs/design/lure.md, "Degradations"): {@code y = min(1, gain·x^(1/γ))}. The inverse
 * gamma lifts the shadows and compresses the highlights, the gain pushes the bright part past white, and the
 * clipping loses it for good: the washed-out, glare-burnt look the task is about.
 *
 * <p>Ranges of the random draw: gain 1.5–3 (the spec's); γ 1.0–1.8 (the spec says "inverse gamma" without a
 * range: <b>choice</b>). Everything above {@code gain^(−γ)} is clipped to white, so the range stops at 1.8: at
 * gain 3 and γ 1.8 all above 0.14 is lost already, and a white image has nothing left to restore.
 *
 * @param gamma γ ≥ 1; the image is raised to 1/γ
 * @param gain factor ≥ 1 before clipping
 */
public record OverExposure(double gamma, double gain) implements Degradation {
    public static final double GAMMA_MIN = 1.0;
    public static final double GAMMA_MAX = 1.8;
    public static final double GAIN_MIN = 1.5;
    public static final double GAIN_MAX = 3.0;

    public OverExposure {
        Pixels.requireRange("gamma", gamma, 1, 10);
        Pixels.requireRange("gain", gain, 1, 100);
    }

    /** Light: γ 1.1, gain 1.6 (white above 0.60); medium: 1.3, 2.0 (above 0.41); heavy: 1.6, 2.6 (above 0.22). */
    public static OverExposure preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new OverExposure(1.1, 1.6);
            case MEDIUM -> new OverExposure(1.3, 2.0);
            case HEAVY -> new OverExposure(1.6, 2.6);
        };
    }

    public static OverExposure sample(SplittableRandom random) {
        return new OverExposure(Pixels.uniform(random, GAMMA_MIN, GAMMA_MAX), Pixels.uniform(random, GAIN_MIN, GAIN_MAX));
    }

    @Override
    public Task task() {
        return Task.OVER_EXPOSURE;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        double inverse = 1 / gamma;
        float[] out = Pixels.map(image.data(), x -> gain * Math.pow(Math.max(0, x), inverse));
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gamma", gamma);
        p.put("gain", gain);
        return p;
    }
}
