package org.hazefuse.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilePlanTest {

    @ParameterizedTest
    @CsvSource({"301, 517, 10000", "1024, 1280, 163840", "2160, 3840, 163840", "40, 5000, 20000", "5000, 50, 20000",
        "480, 640, 400000"})
    void tilesCoverEveryPixelWithinTheBudgetAndStartOnTheGrid(int h, int w, long budget) {
        int overlap = 32;
        int alignment = 16;
        List<TilePlan.Tile> tiles = TilePlan.plan(h, w, budget, overlap, alignment);
        int[] covered = new int[h * w];
        for (TilePlan.Tile t : tiles) {
            assertThat(t.pixels()).isLessThanOrEqualTo(Math.max(budget, tiles.size() == 1 ? (long) h * w : 0));
            assertThat(t.top() % alignment).isZero();
            assertThat(t.left() % alignment).isZero();
            assertThat(t.top() + t.height()).isLessThanOrEqualTo(h);
            assertThat(t.left() + t.width()).isLessThanOrEqualTo(w);
            if (tiles.size() > 1) {
                assertThat(Math.min(t.height(), t.width())).isGreaterThan(Math.min(overlap, Math.min(h, w) - 1));
            }
            for (int y = t.top(); y < t.top() + t.height(); y++) {
                for (int x = t.left(); x < t.left() + t.width(); x++) {
                    covered[y * w + x]++;
                }
            }
        }
        assertThat(covered).doesNotContain(0);
    }

    @Test
    void aFrameWithinTheBudgetIsOneTile() {
        assertThat(TilePlan.plan(480, 640, 640 * 480, 64, 16)).containsExactly(new TilePlan.Tile(0, 0, 480, 640));
    }

    @Test
    void aBudgetNoWiderThanTwoOverlapsIsRefused() {
        assertThatThrownBy(() -> TilePlan.plan(1000, 1000, 128 * 128, 64, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }
}
