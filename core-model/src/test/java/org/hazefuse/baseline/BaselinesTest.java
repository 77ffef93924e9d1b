package org.hazefuse.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import java.util.stream.Stream;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.image.Colour;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;
import org.hazefuse.metrics.Psnr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BaselinesTest {
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = Engines.cpuManager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    static Stream<FusionRule> rules() {
        return Stream.of(new AverageRule(0.5f), new MaxAbsoluteRule(), new LaplacianPyramidRule(),
                new GuidedFilteringRule());
    }

    static Stream<FusionRule> detailRules() {
        return Stream.of(new MaxAbsoluteRule(), new LaplacianPyramidRule(), new GuidedFilteringRule());
    }

    private static NDArray map(int w, int h, java.util.function.BiFunction<Integer, Integer, Double> f) {
        float[] d = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = f.apply(x, y).floatValue();
            }
        }
        return manager.create(d, new Shape(1, 1, h, w));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fusingAnImageWithItselfGivesTheImage(FusionRule rule) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray img = map(53, 37, (x, y) -> 0.5 + 0.3 * Math.sin(0.3 * x) * Math.cos(0.2 * y)).toType(
                    ai.djl.ndarray.types.DataType.FLOAT32, false);
            img.attach(scope);
            NDArray fused = rule.fuse(img, img);
            assertThat(fused.getShape()).isEqualTo(new Shape(1, 1, 37, 53));
            assertThat(fused.sub(img).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @Test
    void averageIsTheMeanOfTheInputs() {
        NDArray a = map(9, 7, (x, y) -> 0.2);
        NDArray b = map(9, 7, (x, y) -> 0.6);
        assertThat(new AverageRule(0.5f).fuse(a, b).sub(0.4f).abs().max().getFloat()).isLessThan(1e-6f);
        assertThat(new AverageRule(0.25f).fuse(a, b).sub(0.5f).abs().max().getFloat()).isLessThan(1e-6f);
    }

    /**
     * Visible has a fine ±0.1 checkerboard on its left half, infrared a ±0.3 one on its right half, both 0.5
     * elsewhere: a detail-preserving rule keeps the larger-magnitude detail of each half, away from the seam.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("detailRules")
    void keepsTheLargerMagnitudeDetailOfEachSource(FusionRule rule) {
        int w = 96;
        int h = 64;
        NDArray vis = map(w, h, (x, y) -> x < w / 2 ? 0.5 + ((x + y) % 2 == 0 ? 0.1 : -0.1) : 0.5);
        NDArray ir = map(w, h, (x, y) -> x >= w / 2 ? 0.5 + ((x + y) % 2 == 0 ? 0.3 : -0.3) : 0.5);
        NDArray expected = map(w, h, (x, y) -> 0.5 + ((x + y) % 2 == 0 ? 1 : -1) * (x < w / 2 ? 0.1 : 0.3));
        float[] diff = rule.fuse(vis, ir).sub(expected).abs().toFloatArray();
        float worst = 0;
        for (int y = 4; y < h - 4; y++) {
            for (int x = 4; x < w - 4; x++) {
                if (Math.abs(x - w / 2) > 16) {
                    worst = Math.max(worst, diff[y * w + x]);
                }
            }
        }
        assertThat(worst).as(rule.name()).isLessThan(0.03f);
    }

    @Test
    void maxAbsolutePicksTheLargerDetailEvenWhenItIsNegative() {
        NDArray vis = map(41, 41, (x, y) -> x == 20 && y == 20 ? 0.6 : 0.5);
        NDArray ir = map(41, 41, (x, y) -> x == 20 && y == 20 ? 0.1 : 0.5);
        NDArray fused = new MaxAbsoluteRule().fuse(vis, ir);
        // base ~0.5 for both; the infrared's dip (−0.4) beats the visible's peak (+0.1)
        assertThat(fused.getFloat(0, 0, 20, 20)).isCloseTo(0.1f, org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void laplacianPyramidCollapsesBackExactlyForOddSizes() {
        NDArray img = map(53, 37, (x, y) -> ((x * 7 + y * 13) % 17) / 17.0);
        int levels = LaplacianPyramidRule.levels(37, 53);
        assertThat(levels).isEqualTo(3);
        List<NDArray> pyramid = LaplacianPyramidRule.pyramid(img, levels);
        assertThat(pyramid.get(1).getShape()).isEqualTo(new Shape(1, 1, 19, 27));
        NDArray back = LaplacianPyramidRule.collapse(pyramid);
        assertThat(back.sub(img).abs().max().getFloat()).isLessThan(1e-5f);
    }

    /** A synthetic hazy image of known transmission, with a haze-opaque "sky" band, is dehazed close to the clear one. */
    @Test
    void darkChannelDehazingRecoversAKnownTransmission() {
        int w = 96;
        int h = 72;
        int sky = 8;
        float[] airlight = {0.85f, 0.88f, 0.9f};
        float[] clear = new float[3 * w * h];
        float[] hazy = new float[3 * w * h];
        float[] trans = new float[w * h];
        int n = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] c = {0.5 + 0.4 * Math.sin(0.21 * x + 0.1 * y), 0.5 + 0.4 * Math.sin(0.17 * y + 2),
                    0.5 + 0.4 * Math.cos(0.13 * x + 0.19 * y)};
                double min = Math.min(c[0], Math.min(c[1], c[2]));
                double t = y < sky ? 0.02 : 0.35 + 0.3 * (y - sky) / (h - sky); // nearer toward the bottom
                trans[y * w + x] = (float) t;
                for (int k = 0; k < 3; k++) {
                    double j = c[k] - min; // the dark channel of the clear image is 0 everywhere
                    clear[k * n + y * w + x] = (float) j;
                    hazy[k * n + y * w + x] = (float) (j * t + airlight[k] * (1 - t));
                }
            }
        }
        FloatImage clearImage = new FloatImage(w, h, 3, clear);
        FloatImage hazyImage = new FloatImage(w, h, 3, hazy);
        ImagePair pair = new ImagePair("synthetic", hazyImage, FloatImage.zeros(w, h, 1), Optional.of(clearImage));
        DensitySettings settings = DensitySettings.DEFAULT.withOmega(1.0).withGuidedRadius(8);
        try (TwoStageMethod dcp = Baselines.create("dcp+avg")) {
            FusionResult r = dcp.run(pair, settings, org.hazefuse.method.CancelSignal.NEVER);
            double err = 0;
            int count = 0;
            for (int y = sky + 8; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    err += Math.abs(1 - r.density().get(0, y, x) - trans[y * w + x]);
                    count++;
                }
            }
            assertThat(err / count).as("mean transmission error").isLessThan(0.03);
            // below the sky, where t > t0 (in the sky t = 0.02 < t0 = 0.1 keeps some haze by design)
            double before = Psnr.of(rowsFrom(hazyImage, sky + 8), rowsFrom(clearImage, sky + 8));
            double after = Psnr.of(rowsFrom(r.dehazed(), sky + 8), rowsFrom(clearImage, sky + 8));
            assertThat(after).as("PSNR after dehazing, before %.1f dB", before).isGreaterThan(before + 10);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyBaselineKeepsOddSizesAndRange(String name) {
        int w = 53;
        int h = 37;
        FloatImage vis = image(w, h, 3, (x, y) -> (x * 3 + y * 5) % 255);
        FloatImage ir = image(w, h, 1, (x, y) -> (x * y) % 255);
        try (TwoStageMethod m = Baselines.create(name)) {
            assertThat(m.name()).isEqualTo(name);
            FusionResult r = m.run(new ImagePair("odd", vis, ir));
            for (FloatImage out : List.of(r.dehazed(), r.density(), r.fused())) {
                assertThat(out.width()).isEqualTo(w);
                assertThat(out.height()).isEqualTo(h);
                for (float v : out.data()) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
            assertThat(r.fused().channels()).isEqualTo(3);
            if (name.startsWith("none+")) {
                assertThat(r.dehazed()).isSameAs(vis);
            } else {
                assertThat(r.dehazed().data()).isNotEqualTo(vis.data());
            }
            assertThat(r.timings()).containsKeys("dehaze", "fusion", "total");
        }
    }

    static Stream<String> names() {
        return Baselines.names().stream();
    }

    @Test
    void namesAndCatalogRegistration() {
        assertThat(Baselines.names()).containsExactly("dcp+avg", "dcp+max", "dcp+lap", "dcp+gff", "none+avg",
                "none+max", "none+lap", "none+gff");
        assertThat(MethodCatalog.list()).extracting(MethodCatalog.Entry::name).containsAll(Baselines.names());
        assertThatThrownBy(() -> Baselines.create("dcp+median")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dcp+gff");
    }

    @Test
    void fusedColourKeepsTheVisibleChroma() {
        NDArray rgb = manager.create(new float[] {0.6f, 0.3f, 0.2f}, new Shape(1, 3, 1, 1));
        NDArray y = Colour.luma(rgb);
        NDArray out = Colour.withLuma(rgb, y.add(0.1f));
        float[] o = out.toFloatArray();
        assertThat(o[0] - o[1]).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(Colour.luma(out).getFloat()).isCloseTo(y.getFloat() + 0.1f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    private static FloatImage rowsFrom(FloatImage img, int top) {
        int w = img.width();
        int h = img.height() - top;
        float[] d = new float[img.channels() * w * h];
        for (int c = 0; c < img.channels(); c++) {
            System.arraycopy(img.data(), (c * img.height() + top) * w, d, c * h * w, h * w);
        }
        return new FloatImage(w, h, img.channels(), d);
    }

    private static FloatImage image(int w, int h, int channels, IntBinaryOperator level) {
        float[] d = new float[channels * w * h];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = ((level.applyAsInt(x, y) + 40 * c) % 256) / 255f;
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }
}
