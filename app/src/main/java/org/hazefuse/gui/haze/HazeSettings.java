package org.hazefuse.gui.haze;

import java.util.Objects;

/**
 * Parameters of synthesized haze: I = J·t + A·(1 − t), t = exp(−β·d), d in [0, 1] from the depth mode.
 *
 * @param beta scattering coefficient β ≥ 0 (0: no haze; 3: t down to 0.05 at the far end)
 * @param airlight atmospheric light A in [0, 1]
 * @param depthMode how d varies over the image
 */
public record HazeSettings(double beta, double airlight, DepthMode depthMode) {
    public static final HazeSettings DEFAULT = new HazeSettings(1.5, 0.85, DepthMode.VERTICAL);

    public HazeSettings {
        if (!(beta >= 0 && beta <= 5)) {
            throw new IllegalArgumentException("beta must be in [0, 5], got " + beta);
        }
        if (!(airlight >= 0 && airlight <= 1)) {
            throw new IllegalArgumentException("airlight must be in [0, 1], got " + airlight);
        }
        Objects.requireNonNull(depthMode, "depthMode");
    }
}
