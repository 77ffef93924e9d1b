package org.hazefuse.gui.haze;

import java.util.Objects;
import org.hazefuse.haze.DepthMode;

/**
 * The haze-synthesis controls' values: I = J·t + A·(1 − t), t = exp(−β·d), d from the depth mode (core
 * {@code org.hazefuse.haze}, docs/design/iassf.md "Haze synthesis"), gray airlight, no random relief.
 *
 * @param beta scattering coefficient β in [0, 5] (3 gives t ≈ 0.05 at the far end)
 * @param airlight gray atmospheric light A in [0, 1]
 * @param depthMode UNIFORM, VERTICAL or RADIAL
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
        if (depthMode == DepthMode.DEPTH_IMAGE) {
            throw new IllegalArgumentException("a depth image cannot be chosen in the viewer");
        }
    }
}
