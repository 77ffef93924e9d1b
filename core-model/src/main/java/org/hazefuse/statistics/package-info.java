/**
 * Whole-frame statistics that the tiles of one frame share ({@link org.hazefuse.statistics.FrameStatistics}):
 * the layers with a global reduction read and write them here, so a tiled run computes what an untiled one does
 * (docs/design/tiling.md). Depends on DJL only, so that layers, the dark channel and the networks can all use it.
 */
package org.hazefuse.statistics;
