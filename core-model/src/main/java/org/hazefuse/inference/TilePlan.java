package org.hazefuse.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an image into overlapping tiles of at most a pixel budget, for inputs too large to run at once.
 * Tiles overlap by {@code overlap} pixels so the seams can be blended; the last tile of a row or column is moved
 * back to end at the border instead of being smaller.
 */
public final class TilePlan {
    /** One tile: rows [top, top + height), columns [left, left + width). */
    public record Tile(int top, int left, int height, int width) {}

    private TilePlan() {}

    /**
     * @param maxPixels budget per tile; an image within it is one tile
     * @param overlap pixels shared by neighbouring tiles
     */
    public static List<Tile> plan(int height, int width, long maxPixels, int overlap) {
        if ((long) height * width <= maxPixels) {
            return List.of(new Tile(0, 0, height, width));
        }
        int side = (int) Math.max(2L * overlap + 16, (long) Math.floor(Math.sqrt(maxPixels)));
        int tileH = Math.min(height, side);
        int tileW = Math.min(width, (int) Math.min(side * (long) side / tileH, width));
        List<Tile> tiles = new ArrayList<>();
        for (int top : starts(height, tileH, overlap)) {
            for (int left : starts(width, tileW, overlap)) {
                tiles.add(new Tile(top, left, tileH, tileW));
            }
        }
        return tiles;
    }

    private static List<Integer> starts(int size, int tile, int overlap) {
        List<Integer> starts = new ArrayList<>();
        if (tile >= size) {
            starts.add(0);
            return starts;
        }
        int step = Math.max(1, tile - overlap);
        for (int s = 0; ; s += step) {
            if (s + tile >= size) {
                starts.add(size - tile);
                break;
            }
            starts.add(s);
        }
        return starts;
    }
}
