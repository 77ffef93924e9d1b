package org.hazefuse.layers;

import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;

/** Named weight initialisations of the spec (docs/design/iassf.md, "Building blocks", transformer block). */
public final class Initializers {
    private Initializers() {}

    /**
     * Truncated normal with std = gain·sqrt(2/(fan_in+fan_out)), fans as PyTorch counts them for a conv weight
     * (in/groups·k² and out·k²).
     */
    public static Initializer scaledTruncatedNormal(double gain, long in, long out, long groups, long kernel) {
        double fanIn = (double) in / groups * kernel * kernel;
        double fanOut = (double) out * kernel * kernel;
        return new TruncatedNormalInitializer((float) (gain * Math.sqrt(2.0 / (fanIn + fanOut))));
    }

    /** The residual-branch gain (8·total_depth)^(−1/4) that keeps deep stacks stable at initialisation. */
    public static double depthGain(int totalDepth) {
        return Math.pow(8.0 * totalDepth, -0.25);
    }

    /** Uniform in [0, 1): the starting point of learnable prompt pools. */
    public static Initializer unitUniform() {
        return (manager, shape, dataType) -> manager.randomUniform(0f, 1f, shape, dataType);
    }
}
