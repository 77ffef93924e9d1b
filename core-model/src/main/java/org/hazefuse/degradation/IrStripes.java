package org.hazefuse.degradation;

import java.util.Map;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;

/**
 * Task {@code ir-stripes} (docs/design/lure.md, "Degradations"): the fixed-pattern noise of an uncooled
 * infrared focal plane read out column by column, {@code y = clamp(x + o_c)} with one offset
 * {@code o_c ~ N(0, σ²)} per column c, the same down the whole column. Each column's read-out amplifier has its
 * own bias; that is why the pattern is stripes and why column-mean removal is its classical baseline.
 *
 * <p>Range of the random draw: σ 5–25 / 255 (the spec's).
 *
 * @param sigma standard deviation of the column offsets, in [0, 1]
 */
public record IrStripes(double sigma) implements Degradation {
    public static final double SIGMA_MIN = 5 / 255.0;
    public static final double SIGMA_MAX = 25 / 255.0;

    public IrStripes {
        Pixels.requireRange("sigma", sigma, 0, 1);
    }

    /** Light: σ 6/255; medium: 14/255; heavy: 24/255. */
    public static IrStripes preset(Severity severity) {
        return switch (severity) {
            case LIGHT -> new IrStripes(6 / 255.0);
            case MEDIUM -> new IrStripes(14 / 255.0);
            case HEAVY -> new IrStripes(24 / 255.0);
        };
    }

    public static IrStripes sample(SplittableRandom random) {
        return new IrStripes(Pixels.uniform(random, SIGMA_MIN, SIGMA_MAX));
    }

    @Override
    public Task task() {
        return Task.IR_STRIPES;
    }

    @Override
    public FloatImage apply(FloatImage image, long seed) {
        task().requireModality(Modality.of(image));
        int w = image.width();
        SplittableRandom random = new SplittableRandom(seed);
        double[] offsets = new double[w];
        for (int x = 0; x < w; x++) {
            offsets[x] = sigma * random.nextGaussian();
        }
        float[] src = image.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = Pixels.clamp(src[i] + offsets[i % w]);
        }
        return Pixels.like(image, out);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("sigma", sigma);
    }
}
