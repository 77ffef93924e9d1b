package org.hazefuse.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.hazefuse.runtime.Engines;
import org.junit.jupiter.api.Test;

class FrameStatisticsTest {

    @Test
    void tilesReplayTheFramesValuesInOrderAndOutsideAScopeSitesCompute() {
        try (NDManager m = Engines.cpuManager(); FrameStatistics stats = new FrameStatistics(m)) {
            NDArray frame = m.create(new float[] {1, 2, 3, 4});
            NDArray tile = m.create(new float[] {10, 20});
            try (FrameStatistics.Scope s = stats.recording()) {
                assertThat(FrameStatistics.shared(frame, frame::mean).getFloat()).isEqualTo(2.5f);
                assertThat(FrameStatistics.shared(frame, frame::max).getFloat()).isEqualTo(4f);
            }
            var region = new FrameStatistics.Region(0, 2, 1, 2, 1, 4, 0);
            try (FrameStatistics.Scope s = stats.replaying(region)) {
                assertThat(FrameStatistics.shared(tile, tile::mean).getFloat()).isEqualTo(2.5f);
                assertThat(FrameStatistics.shared(tile, tile::max).getFloat()).isEqualTo(4f);
                assertThat(FrameStatistics.region()).contains(region);
            }
            assertThat(FrameStatistics.shared(tile, tile::mean).getFloat()).isEqualTo(15f);
            assertThat(FrameStatistics.region()).isEmpty();
        }
    }

    @Test
    void aTileThatAsksForMoreOrFewerStatisticsThanTheFrameHadIsAnError() {
        try (NDManager m = Engines.cpuManager(); FrameStatistics stats = new FrameStatistics(m)) {
            NDArray x = m.create(new float[] {1, 2});
            try (FrameStatistics.Scope s = stats.recording()) {
                FrameStatistics.shared(x, x::mean);
            }
            var region = new FrameStatistics.Region(0, 0, 1, 2, 1, 2, 0);
            assertThatThrownBy(() -> {
                try (FrameStatistics.Scope s = stats.replaying(region)) {
                    FrameStatistics.shared(x, x::mean);
                    FrameStatistics.shared(x, x::mean);
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("different network");
            assertThatThrownBy(() -> {
                try (FrameStatistics.Scope s = stats.replaying(region)) {
                    // uses none
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of the frame's 1");
            assertThat(FrameStatistics.region()).isEmpty();
        }
    }

    @Test
    void aRegionScalesToALowerLevelOfTheNetwork() {
        var full = new FrameStatistics.Region(64, 128, 256, 192, 1024, 1280, 32);
        assertThat(full.window(64, 48)).isEqualTo(new FrameStatistics.Region(16, 32, 64, 48, 256, 320, 8));
    }
}
