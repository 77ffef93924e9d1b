package org.hazefuse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;

class RestorationMetricsTest {

    static FloatImage rgb(EightBitPlane r, EightBitPlane g, EightBitPlane b) {
        int n = r.size();
        float[] d = new float[3 * n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) (r.values()[i] / 255);
            d[n + i] = (float) (g.values()[i] / 255);
            d[2 * n + i] = (float) (b.values()[i] / 255);
        }
        return new FloatImage(r.width(), r.height(), 3, d);
    }

    static FloatImage gray3(EightBitPlane p) {
        return rgb(p, p, p);
    }

    @Test
    void psnrOfIdenticalImagesIsInfinite() {
        FloatImage img = gray3(Planes.texture(20, 20, 1));
        assertThat(Psnr.of(img, img)).isInfinite().isPositive();
    }

    @Test
    void psnrUsesPeak255AndAllThreeChannels() {
        EightBitPlane base = Planes.constant(8, 8, 100);
        EightBitPlane plusOne = Planes.constant(8, 8, 101);
        // every sample off by one level: MSE 1
        assertThat(Psnr.of(gray3(plusOne), gray3(base))).isCloseTo(20 * Math.log10(255), within(1e-9));
        // one channel off by one: MSE 1/3
        assertThat(Psnr.of(rgb(plusOne, base, base), gray3(base)))
                .isCloseTo(10 * Math.log10(255.0 * 255 * 3), within(1e-9));
        // independent of the images' own maximum
        assertThat(Psnr.of(gray3(Planes.constant(8, 8, 11)), gray3(Planes.constant(8, 8, 10))))
                .isCloseTo(20 * Math.log10(255), within(1e-9));
    }

    @Test
    void psnrOfACheckerboardAgainstItsOneShiftIsZeroDecibels() {
        EightBitPlane cb = Planes.checkerboard(12, 12);
        EightBitPlane shifted = Planes.of(12, 12, (x, y) -> (x + y) % 2 == 0 ? 255 : 0);
        assertThat(Psnr.of(gray3(shifted), gray3(cb))).isCloseTo(0, within(1e-12));
        // equal means and variances, perfectly anti-correlated: SSIM = (C2 - 2 s²)/(2 s² + C2) per window
        assertThat(Ssim.of(gray3(shifted), gray3(cb))).isLessThan(-0.99);
    }

    @Test
    void ssimIsOneForIdenticalImagesAndFollowsTheLuminanceTermForFlatOnes() {
        FloatImage img = rgb(Planes.texture(30, 25, 1), Planes.texture(30, 25, 2), Planes.texture(30, 25, 3));
        assertThat(Ssim.of(img, img)).isCloseTo(1, within(1e-12));
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * 100.0 * 120 + c1) / (100.0 * 100 + 120.0 * 120 + c1);
        assertThat(Ssim.of(gray3(Planes.constant(20, 20, 100)), gray3(Planes.constant(20, 20, 120))))
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void ssimAveragesChannelsAndNeverExceedsOne() {
        EightBitPlane t = Planes.texture(30, 30, 4);
        EightBitPlane other = Planes.texture(30, 30, 9);
        double oneBad = Ssim.of(rgb(other, t, t), gray3(t));
        assertThat(oneBad).isCloseTo((Ssim.plane(other, t) + 2) / 3, within(1e-12));
        assertThat(oneBad).isLessThan(1);
    }

    @Test
    void ssimOfAShiftedCopyIsBelowOne() {
        EightBitPlane t = Planes.texture(40, 40, 4);
        assertThat(Ssim.plane(Planes.shifted(t, 1), t)).isBetween(0.0, 0.95);
    }

    @Test
    void ssimNeedsAtLeastOneWholeWindow() {
        EightBitPlane t = Planes.texture(10, 40, 4);
        assertThat(Ssim.plane(t, t)).isNaN();
    }
}
