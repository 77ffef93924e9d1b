package org.hazefuse.degradation;

import java.util.SplittableRandom;

/**
 * Random degradations over the full ranges of docs/design/lure.md, "Degradations", for training: one draw per
 * sample, deterministic from a seed (use {@link DegradationSeeds#parameters} for one image's task). Each task's
 * ranges are in its class's {@code sample} method and in docs/degradations.md; {@code blur} draws the
 * Gaussian or the motion kind with even odds.
 */
public final class DegradationSampler {
    private DegradationSampler() {
    }

    /** The degradation of {@code task} for {@code seed}; the same seed always gives the same degradation. */
    public static Degradation sample(Task task, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return switch (task) {
            case HAZE -> Haze.sample(random);
            case LOW_LIGHT -> LowLight.sample(random);
            case OVER_EXPOSURE -> OverExposure.sample(random);
            case NOISE -> SensorNoise.sample(random);
            case BLUR -> random.nextBoolean() ? GaussianBlur.sample(random) : MotionBlur.sample(random);
            case RAIN -> Rain.sample(random);
            case LOW_RESOLUTION -> LowResolution.sample(random);
            case IR_NOISE -> IrNoise.sample(random);
            case IR_STRIPES -> IrStripes.sample(random);
            case IR_LOW_CONTRAST -> IrLowContrast.sample(random);
            case NONE -> new Identity();
        };
    }
}
