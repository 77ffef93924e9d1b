package org.hazefuse.haze;

/**
 * The shape of the depth proxy s(x, y) in [0, 1] (1 = farthest). The depth used is
 * {@code d = near + (1 − near)·s}, plus the settings' smooth random relief.
 */
public enum DepthMode {
    /** s = 1 everywhere: one transmission {@code exp(−β)} for the whole image (when relief is 0). */
    UNIFORM,
    /** Farthest at a point (a vanishing point or the image centre), falling linearly to 0 at the farthest corner. */
    RADIAL,
    /** Farthest at the top row (the horizon side), 0 at the bottom row, linear in between. */
    VERTICAL,
    /** s taken from a depth image (one channel, [0, 1], 1 = far) the size of the clear image. */
    DEPTH_IMAGE
}
