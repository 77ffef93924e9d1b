package org.hazefuse.degradation;

import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code ir-low-contrast} (docs/design/lure.md, "Degradations"): a flat thermal image,
 * {@code y = μ + factor·(x − μ)} with μ the image's mean. Scaling around the mean keeps the overall level (what
 * the sensor's automatic gain would hold) and multiplies the standard deviation by exactly {@code factor}: the
 * look of a scene whose objects are all near the same temperature. The result stays inside the input's range,
 * so nothing is clipped.
 *
 * <p>Range of the random draw: factor 0.2–0.6 (the spec's; smaller is flatter).
 *
 * @param factor contrast factor, in (0, 1]
 */
public record IrLowContrast(double factor) implements Degradation {
    public static final double FACTOR_MIN = 0.2;
    public static final double FACTOR_MAX = 0.6;

    public IrLowContrast {
        Pixels.requireRange("factor", factor, 1e-6, 1);
    }

    /** Light: × 0.55; medium: × 0.4; heavy: × 0.25. */
    public static IrLowContrast preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new IrLowContrast(0.55);
            case MEDIUM -> new IrLowContrast(0.4);
            case HEAVY -> new IrLowContrast(0.25);
        };
    }

    public static IrLowContrast sample(SplittableRandom random) {
        return new IrLowContrast(Pixels.uniform(random, FACTOR_MIN, FACTOR_MAX));
    }

    @Override
    public Task task() {
        return Task.IR_LOW_CONTRAST;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        float[] src = image.data();
        double mean = Pixels.mean(src);
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = Pixels.clamp(mean + factor * (src[i] - mean));
        }
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("factor", factor);
    }
}
