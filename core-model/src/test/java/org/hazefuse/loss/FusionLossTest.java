package org.hazefuse.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import org.hazefuse.runtime.Engines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FusionLossTest {
    private static final Shape SHAPE = new Shape(1, 3, 16, 16);

    @Test
    void outputsThatMatchTheirTargetsCostNothing() {
        try (NDManager m = Engines.cpuManager()) {
            NDArray clear = m.randomUniform(0, 1, SHAPE);
            // A mid-gray infrared image below every clear value: the fused target is the clear image, intensities
            // and gradients alike (0, not −1, so the Sobel filter's zero padding adds no border edges).
            NDArray infrared = m.zeros(SHAPE);

            FusionLoss.Parts parts = FusionLoss.compute(clear, clear, clear, infrared, FusionLoss.Weights.SPEC);

            assertThat(parts.total().getFloat()).isZero();
        }
    }

    @Test
    void theTotalWeighsEachUnweightedPart() {
        try (NDManager m = Engines.cpuManager()) {
            m.getEngine().setRandomSeed(3);
            NDArray dehazed = m.randomUniform(-1, 1, SHAPE);
            NDArray fused = m.randomUniform(-1, 1, SHAPE);
            NDArray clear = m.randomUniform(-1, 1, SHAPE);
            NDArray infrared = m.randomUniform(-1, 1, new Shape(1, 1, 16, 16)).repeat(1, 3);

            FusionLoss.Parts spec =
                    FusionLoss.compute(dehazed, fused, clear, infrared, FusionLoss.Weights.SPEC);
            FusionLoss.Parts sharp = FusionLoss.compute(dehazed, fused, clear, infrared,
                    new FusionLoss.Weights(2f, 1f, 10f));

            float d = spec.dehaze().getFloat();
            float i = spec.intensity().getFloat();
            float g = spec.gradient().getFloat();
            assertThat(d).isPositive();
            assertThat(i).isPositive();
            assertThat(g).isPositive();
            assertThat(spec.total().getFloat()).isCloseTo(2 * d + i + g, within(1e-5f));
            assertThat(sharp.gradient().getFloat()).isEqualTo(g);
            assertThat(sharp.total().getFloat()).isCloseTo(2 * d + i + 10 * g, within(1e-4f));
        }
    }

    @Test
    void weightsMustBeNonNegativeAndNotAllZero() {
        assertThatThrownBy(() -> new FusionLoss.Weights(2f, 1f, -1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionLoss.Weights(0f, 0f, 0f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionLoss.Weights(Float.NaN, 1f, 1f))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
