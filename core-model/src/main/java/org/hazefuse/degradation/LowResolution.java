package org.hazefuse.degradation;

import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code low-resolution} (docs/design/lure.md, "Degradations"): bicubic down-sampling by {@code factor} and
 * bicubic up-sampling back to the original size ({@link Bicubic}: anti-aliased when shrinking, as
 * super-resolution benchmarks prepare their inputs). The result has the input's size, so it pairs with the clean
 * image and the infrared image pixel for pixel, but only the detail of a {@code 1/factor} image.
 *
 * <p>The small side is {@code round(side/factor)} (at least 1). Range of the random draw: factor 2, 3 or 4,
 * uniform (the spec's "×2/×4", read as the integer factors from 2 to 4).
 *
 * @param factor the down-sampling factor, in [2, 16]
 */
public record LowResolution(int factor) implements Degradation {
    public static final int FACTOR_MIN = 2;
    public static final int FACTOR_MAX = 4;

    public LowResolution {
        Pixels.requireRange("factor", factor, 2, 16);
    }

    /** Light: ×2; medium: ×3; heavy: ×4. */
    public static LowResolution preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new LowResolution(2);
            case MEDIUM -> new LowResolution(3);
            case HEAVY -> new LowResolution(4);
        };
    }

    public static LowResolution sample(SplittableRandom random) {
        return new LowResolution(FACTOR_MIN + random.nextInt(FACTOR_MAX - FACTOR_MIN + 1));
    }

    @Override
    public Task task() {
        return Task.LOW_RESOLUTION;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        int w = image.width();
        int h = image.height();
        int sw = Math.max(1, (int) Math.round((double) w / factor));
        int sh = Math.max(1, (int) Math.round((double) h / factor));
        int channels = image.channels();
        float[] small = new float[channels * sw * sh];
        float[] out = new float[image.data().length];
        for (int c = 0; c < channels; c++) {
            Bicubic.resize(image.data(), c * w * h, w, h, small, c * sw * sh, sw, sh);
            Bicubic.resize(small, c * sw * sh, sw, sh, out, c * w * h, w, h);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Pixels.clamp(out[i]); // the cubic's negative lobes overshoot at edges
        }
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("factor", factor);
    }
}
