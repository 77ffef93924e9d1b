package org.hazefuse.method;

import java.util.Objects;
import java.util.Optional;
import org.hazefuse.image.FloatImage;

/**
 * One registered input pair: a (possibly hazy) visible image, the infrared image of the same scene and,
 * when known (synthesized haze, triplet folders), the clear visible image for reference metrics.
 *
 * @param name a short label, usually the file stem
 * @param visible RGB, 3 channels
 * @param infrared 1 channel
 * @param clearVisible RGB reference, or empty
 */
public record ImagePair(String name, FloatImage visible, FloatImage infrared, Optional<FloatImage> clearVisible) {
    public ImagePair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visible, "visible");
        Objects.requireNonNull(infrared, "infrared");
        Objects.requireNonNull(clearVisible, "clearVisible");
        if (visible.channels() != 3) {
            throw new IllegalArgumentException("visible image must have 3 channels, got " + visible.channels());
        }
        if (infrared.channels() != 1) {
            throw new IllegalArgumentException("infrared image must have 1 channel, got " + infrared.channels());
        }
        if (!visible.sameSize(infrared)) {
            throw new IllegalArgumentException("visible " + visible.width() + "x" + visible.height()
                    + " and infrared " + infrared.width() + "x" + infrared.height() + " differ in size");
        }
        clearVisible.ifPresent(c -> {
            if (c.channels() != 3 || !c.sameSize(visible)) {
                throw new IllegalArgumentException("clear visible reference must be RGB and the size of the input");
            }
        });
    }

    public ImagePair(String name, FloatImage visible, FloatImage infrared) {
        this(name, visible, infrared, Optional.empty());
    }

    public int width() {
        return visible.width();
    }

    public int height() {
        return visible.height();
    }
}
