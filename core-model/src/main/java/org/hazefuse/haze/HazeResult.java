package org.hazefuse.haze;

import org.hazefuse.image.FloatImage;

/**
 * A synthesized haze.
 *
 * @param hazy the hazy image {@code J·t + A·(1 − t)}, RGB, same size as the clear image
 * @param transmission t, one channel, in (0, 1]
 */
public record HazeResult(FloatImage hazy, FloatImage transmission) {
}
