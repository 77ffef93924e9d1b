package org.hazefuse.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a frame into overlapping tiles of at most a pixel budget, for frames too large to run at once
 * (docs/design/tiling.md). Tile sides and starts are multiples of {@code alignment}, so every tile sees the
 * network's windows and downsampling grids where the whole frame has them; the last tile of a row or column ends
 * at the border and may be shorter (it is still longer than the overlap).
 */
public final class TilePlan {
    /** One tile: rows [top, top + height), columns [left, left + width). */
    public record Tile(int top, int left, int height, int width) {
        public long pixels() {
            return (long) height * width;
        }
    }

    private TilePlan() {}

    /**
     * @param maxPixels budget per tile; a frame within it is one tile
     * @param overlap pixels shared by neighbouring tiles, a multiple of {@code alignment}
     * @param alignment tile sides and starts are multiples of it
     * @throws IllegalArgumentException if the budget cannot hold a tile twice the overlap wide
     */
    public static List<Tile> plan(int height, int width, long maxPixels, int overlap, int alignment) {
        if ((long) height * width <= maxPixels) {
            return List.of(new Tile(0, 0, height, width));
        }
        if (overlap % alignment != 0) {
            throw new IllegalArgumentException("overlap " + overlap + " is not a multiple of " + alignment);
        }
        long side = (long) Math.floor(Math.sqrt(maxPixels)) / alignment * alignment;
        if (side <= 2L * overlap) {
            throw new IllegalArgumentException("a tile of " + maxPixels + " pixels cannot be wider than twice the "
                    + overlap + "-pixel overlap");
        }
        // A frame narrower (or shorter) than a square tile gets full-width (full-height) tiles as long as the
        // budget allows.
        int tileW;
        int tileH;
        if (width <= height) {
            tileW = (int) Math.min(width, side);
            tileH = (int) Math.min(height, maxPixels / tileW / alignment * alignment);
        } else {
            tileH = (int) Math.min(height, side);
            tileW = (int) Math.min(width, maxPixels / tileH / alignment * alignment);
        }
        if (tileW == width && tileH == height) {
            return List.of(new Tile(0, 0, height, width));
        }
        List<Tile> tiles = new ArrayList<>();
        for (int[] rows : spans(height, tileH, overlap)) {
            for (int[] cols : spans(width, tileW, overlap)) {
                tiles.add(new Tile(rows[0], cols[0], rows[1], cols[1]));
            }
        }
        return tiles;
    }

    /** (start, length) of the tiles along one side: starts every tile − overlap pixels, the last ends at size. */
    private static List<int[]> spans(int size, int tile, int overlap) {
        List<int[]> spans = new ArrayList<>();
        int step = tile - overlap;
        for (int start = 0; ; start += step) {
            if (start + tile >= size) {
                spans.add(new int[] {start, size - start});
                return spans;
            }
            spans.add(new int[] {start, tile});
        }
    }
}
