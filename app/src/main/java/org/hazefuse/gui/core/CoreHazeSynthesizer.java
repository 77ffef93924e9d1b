package org.hazefuse.gui.core;

import org.hazefuse.gui.haze.HazeSettings;
import org.hazefuse.gui.haze.HazeSynthesizer;
import org.hazefuse.haze.DepthMode;
import org.hazefuse.image.FloatImage;

/**
 * {@link HazeSynthesizer} over core {@code org.hazefuse.haze.HazeSynthesizer} (tensor ops). Depth runs from 0 at
 * the nearest point (near = 0) so β alone sets how thick the far haze is; radial haze is farthest at the centre.
 */
public final class CoreHazeSynthesizer implements HazeSynthesizer {

    @Override
    public FloatImage apply(FloatImage clear, HazeSettings s) {
        double near = s.depthMode() == DepthMode.UNIFORM ? 1 : 0;
        var core = new org.hazefuse.haze.HazeSettings(s.beta(),
                org.hazefuse.haze.HazeSettings.Airlight.gray(s.airlight()), s.depthMode(), near, 0.5, 0.5, 0, 0);
        return org.hazefuse.haze.HazeSynthesizer.apply(clear, core).hazy();
    }
}
