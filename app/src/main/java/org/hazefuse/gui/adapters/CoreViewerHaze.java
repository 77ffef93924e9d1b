package org.hazefuse.gui.adapters;

import org.hazefuse.gui.haze.ViewerHaze;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.method.ImagePair;

/** {@link ViewerHaze} over core {@link HazeSynthesizer#hazePair}, the one place a hazy pair is built. */
public final class CoreViewerHaze implements ViewerHaze {
    @Override
    public ImagePair apply(ImagePair clear, HazeSettings settings) {
        return HazeSynthesizer.hazePair(clear, settings);
    }
}
