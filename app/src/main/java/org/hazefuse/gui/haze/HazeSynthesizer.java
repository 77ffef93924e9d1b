package org.hazefuse.gui.haze;

import org.hazefuse.image.FloatImage;

/**
 * Makes a hazy version of a clear visible image, so users can test a model on their own clean data and get
 * reference metrics. Production: {@link org.hazefuse.gui.core.CoreHazeSynthesizer}.
 */
@FunctionalInterface
public interface HazeSynthesizer {
    /** @return an RGB image of the same size as {@code clear} */
    FloatImage apply(FloatImage clear, HazeSettings settings);
}
