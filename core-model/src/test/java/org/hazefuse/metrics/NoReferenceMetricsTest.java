package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoReferenceMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void constantImageHasNoInformationContrastOrDetail() {
        EightBitPlane c = Planes.constant(20, 15, 77);
        assertThat(Entropy.of(c)).isZero();
        assertThat(StandardDeviation.of(c)).isZero();
        assertThat(SpatialFrequency.of(c)).isZero();
        assertThat(AverageGradient.of(c)).isZero();
    }

    @Test
    void checkerboardHasMaximalSpatialFrequencyAndGradient() {
        EightBitPlane cb = Planes.checkerboard(16, 12);
        assertThat(SpatialFrequency.of(cb)).isCloseTo(255 * Math.sqrt(2), within(EPS));
        assertThat(AverageGradient.of(cb)).isCloseTo(255, within(EPS));
        assertThat(Entropy.of(cb)).isCloseTo(1, within(EPS));
        assertThat(StandardDeviation.of(cb)).isCloseTo(127.5, within(EPS));
    }

    @Test
    void verticalStripesHaveOnlyRowFrequency() {
        EightBitPlane stripes = Planes.of(10, 7, (x, y) -> x % 2 == 0 ? 10 : 30);
        // RF = 20 over every horizontal pair, CF = 0
        assertThat(SpatialFrequency.of(stripes)).isCloseTo(20, within(EPS));
        // sqrt((20² + 0²) / 2)
        assertThat(AverageGradient.of(stripes)).isCloseTo(20 / Math.sqrt(2), within(EPS));
    }

    @Test
    void rampHasUnitGradientsAndKnownDenominators() {
        // levels x + 2y on a 5x4 plane: every horizontal difference 1 (RF² = 1), vertical 2 (CF² = 4)
        EightBitPlane ramp = Planes.of(5, 4, (x, y) -> x + 2 * y);
        assertThat(SpatialFrequency.of(ramp)).isCloseTo(Math.sqrt(5), within(EPS));
        assertThat(AverageGradient.of(ramp)).isCloseTo(Math.sqrt(2.5), within(EPS));
    }

    @Test
    void entropyOfUniformLevelsIsEightBits() {
        EightBitPlane all = Planes.of(256, 2, (x, y) -> x);
        assertThat(Entropy.of(all)).isCloseTo(8, within(EPS));
    }

    @Test
    void standardDeviationIsThePopulationForm() {
        EightBitPlane p = EightBitPlane.of(4, 1, 0, 0, 4, 4);
        assertThat(StandardDeviation.of(p)).isCloseTo(2, within(EPS)); // sample form would give 2.309
    }

    @Test
    void niqeIsUndefinedBelowOneBlockAndForFlatImages() {
        assertThat(Niqe.of(Planes.texture(95, 200, 1))).isNaN();
        assertThat(Niqe.of(Planes.constant(200, 200, 100))).isNaN();
    }

    @Test
    void niqeWorksOnASingleBlock() {
        assertThat(Niqe.of(Planes.texture(96, 100, 2))).isFinite().isPositive();
    }

    @Test
    void niqeIgnoresPixelsOutsideWholeBlocks() {
        EightBitPlane p = Planes.texture(200, 197, 3);
        EightBitPlane cropped = Planes.of(192, 192, (x, y) -> (int) p.get(x, y));
        assertThat(Niqe.of(p)).isEqualTo(Niqe.of(cropped));
    }

    @Test
    void niqeRisesWhenARealImageIsBlurred() {
        EightBitPlane f = EightBitPlane.luma(PngResources.read("/metrics/roadscene_FLIR_00122/fused.png"));
        EightBitPlane blurred = Planes.of(f.width(), f.height(), (x, y) -> {
            double s = 0;
            int n = 0;
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    int xx = Math.min(f.width() - 1, Math.max(0, x + dx));
                    int yy = Math.min(f.height() - 1, Math.max(0, y + dy));
                    s += f.get(xx, yy);
                    n++;
                }
            }
            return (int) Math.round(s / n);
        });
        assertThat(Niqe.of(blurred)).isGreaterThan(Niqe.of(f) + 1);
    }

    @Test
    void niqeWindowIsTheSeparableGaussianOfTheRelease() {
        double[][] window = NiqeModel.pristine().window();
        double[] g = Filters.gaussian(7, 7.0 / 6.0);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(window[i][j]).isCloseTo(g[i] * g[j], within(1e-6));
            }
        }
    }
}
