package org.hazefuse.gui.haze;

import java.util.Optional;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.method.ImagePair;

/**
 * Makes a hazy version of a clear pair, so users can test a model on their own clean data and get reference
 * metrics. Production: {@link org.hazefuse.gui.adapters.CoreViewerHaze}, core's one way to build a hazy pair.
 */
@FunctionalInterface
public interface ViewerHaze {
    /** @return the pair with a hazy visible image of the same size, the clear one kept as its reference */
    ImagePair apply(ImagePair clear, HazeSettings settings);

    /** The pair the model runs on: {@code source} hazed when the switch is on, else as read. */
    default ImagePair applyIf(ImagePair source, Optional<HazeSettings> settings) {
        return settings.isPresent() ? apply(source, settings.get()) : source;
    }
}
