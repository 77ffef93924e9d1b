package org.hazefuse.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hazefuse.haze.HazePreset;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each task's synthesis measured against its formula (docs/design/lure.md, "Degradations"). */
class DegradationStatisticsTest {
    private static final long SEED = 11;

    @ParameterizedTest
    @EnumSource(Severity.class)
    void lowLightScalesAWhiteImageByTheGainAndAGrayOneByGainTimesGamma(Severity severity) {
        LowLight d = LowLight.preset(severity);
        double white = TestImages.mean(d.apply(TestImages.flat(64, 64, 3, 1f), SEED));
        assertThat(white).isCloseTo(d.gain(), within(0.02 * d.gain()));
        // Without noise (whose clipping at 0 lifts the mean of very dark images) gray goes to gain·0.5^γ.
        LowLight quiet = new LowLight(d.gamma(), d.gain(), 1e12, 0);
        double gray = TestImages.mean(quiet.apply(TestImages.flat(64, 64, 3, 0.5f), SEED));
        assertThat(gray).isCloseTo(d.gain() * Math.pow(0.5, d.gamma()), within(1e-5));
    }

    @Test
    void lowLightNoiseIsPoissonGaussianOnTheDarkenedLevel() {
        LowLight d = new LowLight(2, 0.4, 200, 3 / 255.0);
        FloatImage out = d.apply(TestImages.flat(128, 128, 3, 1f), SEED);
        double level = 0.4;
        double expected = Math.sqrt(level / 200 + Math.pow(3 / 255.0, 2));
        assertThat(TestImages.std(out)).isCloseTo(expected, within(0.05 * expected));
    }

    @Test
    void noiseAddsTheStatedSigmaOnAFlatImage() {
        double sigma = 25 / 255.0;
        FloatImage flat = TestImages.flat(128, 128, 3, 0.5f);
        FloatImage gaussian = new SensorNoise(sigma, Double.POSITIVE_INFINITY).apply(flat, SEED);
        assertThat(TestImages.mean(gaussian)).isCloseTo(0.5, within(0.002));
        assertThat(TestImages.std(gaussian)).isCloseTo(sigma, within(0.03 * sigma));
        // With the Poisson part the variance is x/peak + σ².
        SensorNoise medium = SensorNoise.preset(Severity.MEDIUM);
        double expected = Math.sqrt(0.5 / medium.peak() + medium.sigma() * medium.sigma());
        assertThat(TestImages.std(medium.apply(flat, SEED))).isCloseTo(expected, within(0.03 * expected));
    }

    @Test
    void poissonDrawsHaveTheirMeanAsVarianceOnBothSidesOfTheSwitch() {
        for (double lambda : new double[] {0.5, 4, 12, 29.9, 30, 60, 800}) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(3);
            double sum = 0;
            double sq = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                double k = PoissonGaussian.poisson(lambda, random);
                sum += k;
                sq += k * k;
            }
            double mean = sum / n;
            assertThat(mean).as("mean at %s", lambda).isCloseTo(lambda, within(0.02 * lambda));
            assertThat(sq / n - mean * mean).as("variance at %s", lambda).isCloseTo(lambda, within(0.04 * lambda));
        }
    }

    @Test
    void exactPoissonDrawsFollowTheProbabilities() {
        double lambda = 14;
        int n = 400_000;
        int[] counts = new int[80];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            counts[(int) PoissonGaussian.poisson(lambda, random)]++;
        }
        double logFactorial = 0;
        for (int k = 0; k <= 25; k++) {
            logFactorial += k > 0 ? Math.log(k) : 0;
            double p = Math.exp(-lambda + k * Math.log(lambda) - logFactorial);
            assertThat((double) counts[k] / n).as("P(%s)", k).isCloseTo(p, within(4 * Math.sqrt(p / n) + 1e-4));
        }
    }

    @Test
    void theEightBitTablesDrawExactlyWhatTheSequentialSearchDraws() {
        // An image of 8-bit values (as read from files) plus a few others, through a dark tone and a bright one.
        float[] src = new float[40_000];
        for (int i = 0; i < src.length; i++) {
            src[i] = i % 11 == 0 ? (i % 1000) / 1000f : (i % 256) / 255f;
        }
        for (double peak : new double[] {80, 300, 5000, Double.POSITIVE_INFINITY}) {
            java.util.function.DoubleUnaryOperator dark = x -> 0.3 * Math.pow(Math.max(0, x), 2.5);
            float[] tables = PoissonGaussian.apply(src, dark, peak, 4 / 255.0, new java.util.SplittableRandom(9), true);
            float[] search = PoissonGaussian.apply(src, dark, peak, 4 / 255.0, new java.util.SplittableRandom(9), false);
            assertThat(tables).as("peak %s", peak).containsExactly(search);
        }
    }

    @Test
    void irNoiseAddsTheStatedSigma() {
        IrNoise d = IrNoise.preset(Severity.MEDIUM);
        FloatImage out = d.apply(TestImages.flat(128, 128, 1, 0.5f), SEED);
        assertThat(TestImages.mean(out)).isCloseTo(0.5, within(0.002));
        assertThat(TestImages.std(out)).isCloseTo(d.sigma(), within(0.03 * d.sigma()));
    }

    @Test
    void stripesAreConstantPerColumnWithTheStatedSigmaAcrossColumns() {
        IrStripes d = IrStripes.preset(Severity.MEDIUM);
        int w = 1000;
        int h = 8;
        FloatImage out = d.apply(TestImages.flat(w, h, 1, 0.5f), SEED);
        double[] offsets = new double[w];
        for (int x = 0; x < w; x++) {
            for (int y = 1; y < h; y++) {
                assertThat(out.get(0, y, x)).isEqualTo(out.get(0, 0, x));
            }
            offsets[x] = out.get(0, 0, x) - 0.5;
        }
        double mean = java.util.Arrays.stream(offsets).average().orElseThrow();
        double std = Math.sqrt(java.util.Arrays.stream(offsets).map(o -> (o - mean) * (o - mean)).average().orElseThrow());
        assertThat(std).isCloseTo(d.sigma(), within(0.08 * d.sigma()));
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void lowContrastScalesTheStdByTheFactorAndKeepsTheMean(Severity severity) {
        IrLowContrast d = IrLowContrast.preset(severity);
        FloatImage in = TestImages.textured(40, 30, 1);
        FloatImage out = d.apply(in, SEED);
        assertThat(TestImages.mean(out)).isCloseTo(TestImages.mean(in), within(1e-5));
        assertThat(TestImages.std(out)).isCloseTo(d.factor() * TestImages.std(in), within(1e-5));
    }

    @Test
    void overExposureFollowsTheFormulaAndClipsMoreThanItStarted() {
        OverExposure d = new OverExposure(2, 2);
        FloatImage in = new FloatImage(3, 1, 1, new float[] {0.04f, 0.16f, 0.49f});
        assertThat(d.apply(in.toRgb(), SEED).data()).containsExactly(0.4f, 0.8f, 1f, 0.4f, 0.8f, 1f, 0.4f, 0.8f, 1f);
        // 8-bit values take the table, others the formula: the same numbers.
        float[] levels = new float[512];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = i < 256 ? i / 255f : (i - 256) / 256f;
        }
        float[] mapped = d.apply(new FloatImage(512, 1, 1, levels).toRgb(), SEED).data();
        for (int i = 0; i < levels.length; i++) {
            assertThat(mapped[i]).isEqualTo(Pixels.clamp(2 * Math.pow(levels[i], 0.5)));
        }
        FloatImage textured = TestImages.textured(40, 30, 3);
        FloatImage out = OverExposure.preset(Severity.MEDIUM).apply(textured, SEED);
        assertThat(TestImages.mean(out)).isGreaterThan(TestImages.mean(textured) + 0.2);
        assertThat(fractionAt(out, 1f)).isGreaterThan(0.5);
    }

    @Test
    void gaussianBlurSpreadsAnImpulseBySigmaAndLowersHighFrequencies() {
        double sigma = 2;
        FloatImage impulse = impulse(31, 31);
        FloatImage out = new GaussianBlur(sigma).apply(impulse, SEED);
        assertThat(sum(out)).isCloseTo(1, within(1e-5));
        double var = 0;
        for (int y = 0; y < 31; y++) {
            for (int x = 0; x < 31; x++) {
                var += out.get(0, y, x) * (x - 15) * (x - 15);
            }
        }
        assertThat(Math.sqrt(var)).isCloseTo(sigma, within(0.05 * sigma)); // truncation at 3σ trims a little
        FloatImage textured = TestImages.textured(40, 30, 3);
        assertThat(TestImages.highFrequency(new GaussianBlur(1).apply(textured, SEED)))
                .isLessThan(0.3 * TestImages.highFrequency(textured));
    }

    @Test
    void motionBlurSpreadsAnImpulseAlongItsLineOnly() {
        FloatImage horizontal = new MotionBlur(11, 0).apply(impulse(31, 31), SEED);
        assertThat(sum(horizontal)).isCloseTo(1, within(1e-5));
        assertThat(extent(horizontal, true)).isBetween(10, 11); // 11 pixels: 10 between the outer ones
        assertThat(extent(horizontal, false)).isLessThanOrEqualTo(1);
        FloatImage vertical = new MotionBlur(11, 90).apply(impulse(31, 31), SEED);
        assertThat(extent(vertical, false)).isBetween(10, 11);
        assertThat(extent(vertical, true)).isLessThanOrEqualTo(1);
        FloatImage textured = TestImages.textured(40, 30, 3);
        assertThat(TestImages.highFrequency(new MotionBlur(9, 30).apply(textured, SEED)))
                .isLessThan(0.5 * TestImages.highFrequency(textured));
    }

    @Test
    void rainAddsBrightThinAchromaticStreaks() {
        Rain rain = new Rain(0.002, 20, 0, 0.7); // vertical streaks, few enough not to touch
        FloatImage in = TestImages.flat(200, 100, 3, 0.3f);
        FloatImage out = rain.apply(in, SEED);
        int n = in.pixels();
        int brightened = 0;
        for (int i = 0; i < n; i++) {
            float d = out.data()[i] - 0.3f;
            assertThat(d).isGreaterThanOrEqualTo(0f);
            assertThat(out.data()[n + i]).isEqualTo(out.data()[i]);
            assertThat(out.data()[2 * n + i]).isEqualTo(out.data()[i]);
            if (d > 0.05f) {
                brightened++;
            }
        }
        // About density·W·H streaks of ~20 px, one or two pixels wide.
        assertThat(brightened).isBetween(n / 100, n / 8);
        int[] runs = runs(out, 0.3f + 0.05f);
        long thin = java.util.Arrays.stream(runs).filter(r -> r <= 2).count();
        assertThat((double) thin / runs.length).as("bright runs in a row at most 2 px wide").isGreaterThan(0.9);
        assertThat(TestImages.max(out)).as("brightest streak").isGreaterThan(0.3 + 0.4);
    }

    @Test
    void lowResolutionKeepsTheSizeAndFlatImagesAndLosesDetailWithTheFactor() {
        FloatImage flat = TestImages.flat(37, 29, 3, 0.6f);
        FloatImage flatOut = new LowResolution(3).apply(flat, SEED);
        assertThat(flatOut.width()).isEqualTo(37);
        assertThat(flatOut.height()).isEqualTo(29);
        for (float v : flatOut.data()) {
            assertThat(v).isCloseTo(0.6f, within(1e-5f));
        }
        FloatImage textured = TestImages.textured(64, 48, 3);
        double x2 = TestImages.highFrequency(new LowResolution(2).apply(textured, SEED));
        double x4 = TestImages.highFrequency(new LowResolution(4).apply(textured, SEED));
        assertThat(x2).isLessThan(0.5 * TestImages.highFrequency(textured));
        assertThat(x4).isLessThan(x2);
    }

    @Test
    void lowResolutionBarelyChangesASmoothImage() {
        float[] d = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                d[y * 64 + x] = (float) (0.5 + 0.3 * Math.sin(2 * Math.PI * x / 64.0) * Math.cos(2 * Math.PI * y / 64.0));
            }
        }
        FloatImage smooth = new FloatImage(64, 64, 1, d).toRgb();
        assertThat(TestImages.rmse(smooth, new LowResolution(2).apply(smooth, SEED))).isLessThan(0.01);
    }

    @Test
    void hazeIsTheHazeSynthesizersPreset() {
        FloatImage in = TestImages.textured(20, 16, 3);
        assertThat(Haze.preset(Severity.HEAVY).apply(in, SEED).data())
                .containsExactly(HazeSynthesizer.apply(in, HazePreset.HEAVY.settings()).hazy().data());
    }

    @Test
    void noneIsTheIdentityOnBothModalities() {
        FloatImage rgb = TestImages.textured(8, 8, 3);
        FloatImage gray = TestImages.textured(8, 8, 1);
        assertThat(new Identity().apply(rgb, SEED)).isSameAs(rgb);
        assertThat(new Identity().apply(gray, SEED)).isSameAs(gray);
    }

    private static FloatImage impulse(int w, int h) {
        float[] d = new float[w * h];
        d[(h / 2) * w + w / 2] = 1;
        return new FloatImage(w, h, 1, d).toRgb();
    }

    private static double sum(FloatImage image) {
        double s = 0;
        for (int i = 0; i < image.pixels(); i++) {
            s += image.data()[i];
        }
        return s;
    }

    /** Columns (or rows) holding any sample above 1e-4 in the first channel, minus one: the spread of an impulse. */
    private static int extent(FloatImage image, boolean alongX) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.get(0, y, x) > 1e-4) {
                    int p = alongX ? x : y;
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        return hi - lo;
    }

    private static double fractionAt(FloatImage image, float v) {
        long n = 0;
        for (float s : image.data()) {
            if (s == v) {
                n++;
            }
        }
        return (double) n / image.data().length;
    }

    /** The lengths of the runs of samples above {@code threshold} along each row of the first channel. */
    private static int[] runs(FloatImage image, float threshold) {
        java.util.List<Integer> runs = new java.util.ArrayList<>();
        for (int y = 0; y < image.height(); y++) {
            int run = 0;
            for (int x = 0; x <= image.width(); x++) {
                if (x < image.width() && image.get(0, y, x) > threshold) {
                    run++;
                } else if (run > 0) {
                    runs.add(run);
                    run = 0;
                }
            }
        }
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }
}
