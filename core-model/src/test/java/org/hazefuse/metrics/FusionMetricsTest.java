package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FusionMetricsTest {
    private static final double EPS = 1e-9;
    private final EightBitPlane a = Planes.texture(64, 48, 1);
    private final EightBitPlane b = Planes.texture(64, 48, 2);

    @Test
    void mutualInformationOfIdenticalImagesIsTheirEntropyTwice() {
        EightBitPlane halves = Planes.of(8, 4, (x, y) -> x < 4 ? 0 : 200);
        assertThat(MutualInformation.between(halves, halves)).isCloseTo(1, within(EPS));
        assertThat(MutualInformation.fusion(halves, halves, halves)).isCloseTo(2, within(EPS));
        assertThat(MutualInformation.fusion(a, a, a)).isCloseTo(2 * Entropy.of(a), within(EPS));
    }

    @Test
    void mutualInformationIsZeroForAConstantFusedImageAndForIndependentHalves() {
        assertThat(MutualInformation.fusion(Planes.constant(64, 48, 9), a, b)).isCloseTo(0, within(EPS));
        // x-halves against y-halves: every combination equally often, so independent
        EightBitPlane left = Planes.of(8, 8, (x, y) -> x < 4 ? 0 : 1);
        EightBitPlane top = Planes.of(8, 8, (x, y) -> y < 4 ? 0 : 1);
        assertThat(MutualInformation.between(left, top)).isCloseTo(0, within(EPS));
    }

    @Test
    void mutualInformationOfAShiftedCopyIsBelowThatOfTheImage() {
        EightBitPlane shifted = Planes.shifted(a, 3);
        assertThat(MutualInformation.between(shifted, a)).isLessThan(MutualInformation.between(a, a) - 0.5);
    }

    @Test
    void qabfOfIdenticalImagesIsTheProductOfTheSigmoidCeilings() {
        double ceiling = 0.9994 / (1 + Math.exp(-7.5)) * 0.9879 / (1 + Math.exp(-4.4));
        assertThat(Qabf.of(a, a, a)).isCloseTo(ceiling, within(EPS));
        assertThat(ceiling).isCloseTo(0.97480, within(1e-5));
    }

    @Test
    void qabfOfAnEdgelessFusedImageIsTheSigmoidFloor() {
        EightBitPlane edge = Planes.of(10, 10, (x, y) -> x < 5 ? 0 : 100); // vertical edge: orientation 0
        EightBitPlane flat = Planes.constant(10, 10, 0); // no response anywhere: strength 0, orientation pi/2
        double floor = Qabf.preservation(400, 0, 0, Math.PI / 2);
        assertThat(floor).isCloseTo(0.9994 / (1 + Math.exp(7.5)) * 0.9879 / (1 + Math.exp(17.6)), within(1e-15));
        // strength preservation G = 0 everywhere the sources have an edge; orientations differ by up to pi/2
        assertThat(Qabf.of(flat, edge, edge)).isLessThan(1e-3);
    }

    @Test
    void qabfDropsForAShiftedCopy() {
        assertThat(Qabf.of(Planes.shifted(a, 2), a, a)).isLessThan(Qabf.of(a, a, a) - 0.2);
    }

    @Test
    void qcvIsZeroWhenTheFusedImageEqualsBothSourcesAndIgnoresGlobalOffsets() {
        assertThat(Qcv.of(a, a, a)).isCloseTo(0, within(1e-9));
        // each image is stretched to 0-255 first, so a global offset changes nothing
        EightBitPlane brighter = Planes.of(64, 48, (x, y) -> (int) a.get(x, y) / 2 + 40);
        EightBitPlane darker = Planes.of(64, 48, (x, y) -> (int) a.get(x, y) / 2);
        assertThat(Qcv.of(brighter, darker, darker)).isCloseTo(0, within(1e-9));
        // a one-pixel misregistration costs more than an imperfect copy of one source
        assertThat(Qcv.of(Planes.shifted(a, 2), a, a)).isGreaterThan(Qcv.of(a, a, b) + 1);
        assertThat(Qcv.of(a, a, b)).isGreaterThan(0);
    }

    @Test
    void qcvIsUndefinedWithoutEdgesInTheSources() {
        // constant sources have no Sobel response inside, but zero padding makes border responses: use 0 level
        EightBitPlane zero = Planes.constant(32, 32, 0);
        assertThat(Qcv.of(Planes.texture(32, 32, 5), zero, zero)).isNaN();
    }

    @Test
    void scdIsTwoWhenTheFusedImageIsTheSumOfTheSources() {
        EightBitPlane sum = Planes.of(64, 48, (x, y) -> (int) (a.get(x, y) + b.get(x, y)));
        assertThat(Scd.of(sum, a, b)).isCloseTo(2, within(EPS));
        assertThat(Scd.of(a, a, a)).isNaN(); // F - A is constant
    }

    @Test
    void vifIsOnePerSourceForAPerfectCopyAndZeroForAFlatFusedImage() {
        assertThat(Vif.pixelDomain(a, a)).isCloseTo(1, within(EPS));
        assertThat(Vif.fusion(a, a, a)).isCloseTo(2, within(EPS));
        assertThat(Vif.fusion(Planes.constant(64, 48, 80), a, b)).isCloseTo(0, within(EPS));
        assertThat(Vif.pixelDomain(a, Planes.shifted(a, 2))).isBetween(0.05, 0.9);
    }

    @Test
    void sizesMustMatch() {
        EightBitPlane small = Planes.constant(10, 10, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Qabf.of(small, a, b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10x10");
    }
}
