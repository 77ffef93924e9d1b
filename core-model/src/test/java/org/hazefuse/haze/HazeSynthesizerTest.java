package org.hazefuse.haze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.hazefuse.haze.HazeSettings.Airlight;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;

class HazeSynthesizerTest {

    private static FloatImage pattern(int w, int h) {
        float[] d = new float[3 * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i * 0.37f) % 1f;
        }
        return new FloatImage(w, h, 3, d);
    }

    @Test
    void uniformDepthMatchesTheFormulaByHand() {
        // 2x1 image, J = (0.2, 0.5, 0.9) and (1, 0, 0.4); β = 1.5; A = (0.8, 0.9, 1.0).
        FloatImage clear = new FloatImage(2, 1, 3, new float[] {0.2f, 1f, 0.5f, 0f, 0.9f, 0.4f});
        double beta = 1.5;
        Airlight a = new Airlight(0.8, 0.9, 1.0);
        HazeResult result = HazeSynthesizer.apply(clear, HazeSettings.uniform(beta, a));
        double t = Math.exp(-beta); // d = 1 everywhere
        assertThat(result.transmission().data()).containsOnly((float) t);
        double[] airlight = {0.8, 0.9, 1.0};
        float[] expected = new float[6];
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 2; x++) {
                expected[c * 2 + x] = (float) (clear.get(c, 0, x) * t + airlight[c] * (1 - t));
            }
        }
        float[] hazy = result.hazy().data();
        for (int i = 0; i < 6; i++) {
            assertThat(hazy[i]).isCloseTo(expected[i], within(1e-6f));
        }
    }

    @Test
    void sameSettingsGiveIdenticalResultsAndSeedsChangeTheRelief() {
        FloatImage clear = pattern(37, 23);
        HazeSettings s = new HazeSettings(2.0, Airlight.gray(0.9), DepthMode.RADIAL, 0.3, 0.4, 0.6, 0.3, 42);
        float[] first = HazeSynthesizer.apply(clear, s).hazy().data();
        float[] second = HazeSynthesizer.apply(clear, s).hazy().data();
        assertThat(second).containsExactly(first);
        HazeSettings other = new HazeSettings(2.0, Airlight.gray(0.9), DepthMode.RADIAL, 0.3, 0.4, 0.6, 0.3, 43);
        assertThat(HazeSynthesizer.apply(clear, other).hazy().data()).isNotEqualTo(first);
    }

    @Test
    void verticalIsFarthestAtTheTop() {
        double beta = 2;
        HazeSettings s = new HazeSettings(beta, Airlight.gray(1), DepthMode.VERTICAL, 0.25, 0.5, 0.5, 0, 0);
        FloatImage t = HazeSynthesizer.apply(pattern(5, 9), s).transmission();
        for (int x = 0; x < 5; x++) {
            assertThat(t.get(0, 0, x)).isCloseTo((float) Math.exp(-beta), within(1e-6f));
            assertThat(t.get(0, 8, x)).isCloseTo((float) Math.exp(-beta * 0.25), within(1e-6f));
            assertThat(t.get(0, 4, x)).isCloseTo((float) Math.exp(-beta * (0.25 + 0.75 * 0.5)), within(1e-6f));
        }
        for (int y = 1; y < 9; y++) {
            assertThat(t.get(0, y, 2)).isGreaterThan(t.get(0, y - 1, 2));
        }
    }

    @Test
    void radialIsFarthestAtItsPoint() {
        HazeSettings s = new HazeSettings(1.7, Airlight.gray(1), DepthMode.RADIAL, 0, 0.25, 0.75, 0, 0);
        FloatImage t = HazeSynthesizer.apply(pattern(9, 5), s).transmission();
        // point (0.25·8, 0.75·4) = (2, 3); farthest corner (8, 0) at distance sqrt(36 + 9)
        assertThat(t.get(0, 3, 2)).isCloseTo((float) Math.exp(-1.7), within(1e-6f));
        assertThat(t.get(0, 0, 8)).isCloseTo(1f, within(1e-6f));
        double s33 = 1 - 1 / Math.sqrt(45); // pixel (3, 3), distance 1
        assertThat(t.get(0, 3, 3)).isCloseTo((float) Math.exp(-1.7 * s33), within(1e-6f));
    }

    @Test
    void depthImageIsUsedAndResized() {
        FloatImage depth = new FloatImage(2, 2, 1, new float[] {0.5f, 0.5f, 0.5f, 0.5f});
        HazeSettings s = new HazeSettings(1.2, Airlight.gray(0.7), DepthMode.DEPTH_IMAGE, 0, 0.5, 0.5, 0, 0);
        FloatImage t = HazeSynthesizer.apply(pattern(6, 4), s, depth).transmission();
        assertThat(t.width()).isEqualTo(6);
        for (float v : t.data()) {
            assertThat(v).isCloseTo((float) Math.exp(-0.6), within(1e-6f));
        }
        assertThatThrownBy(() -> HazeSynthesizer.apply(pattern(6, 4), s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reliefKeepsTransmissionInRangeAndVaries() {
        HazeSettings s = new HazeSettings(3, Airlight.gray(1), DepthMode.UNIFORM, 0.5, 0.5, 0.5, 0.4, 7);
        float[] t = HazeSynthesizer.apply(pattern(40, 30), s).transmission().data();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : t) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo((float) Math.exp(-3) - 1e-6f);
        assertThat(max).isLessThanOrEqualTo(1f);
        assertThat(max - min).isGreaterThan(0.01f);
    }

    @Test
    void presetsSpanLightToHeavy() {
        FloatImage clear = pattern(16, 12);
        assertThat(minOf(HazeSynthesizer.apply(clear, HazePreset.HEAVY.settings()).transmission())).isLessThanOrEqualTo(0.1f);
        assertThat(minOf(HazeSynthesizer.apply(clear, HazePreset.LIGHT.settings()).transmission())).isGreaterThan(0.6f);
        assertThat(HazePreset.MEDIUM.settings().minTransmission())
                .isBetween(HazePreset.HEAVY.settings().minTransmission(), HazePreset.LIGHT.settings().minTransmission());
    }

    @Test
    void samplerIsDeterministicAndCoversHeavyToLightHaze() {
        HazeSampler sampler = new HazeSampler();
        assertThat(sampler.sample(123)).isEqualTo(sampler.sample(123));
        assertThat(sampler.sample(123)).isNotEqualTo(sampler.sample(124));
        double lowest = 1;
        double highest = 0;
        Set<DepthMode> modes = EnumSet.noneOf(DepthMode.class);
        for (long seed = 0; seed < 2000; seed++) {
            HazeSettings s = sampler.sample(seed);
            lowest = Math.min(lowest, s.minTransmission());
            highest = Math.max(highest, s.minTransmission());
            modes.add(s.mode());
            for (double a : new double[] {s.airlight().r(), s.airlight().g(), s.airlight().b()}) {
                assertThat(a).isBetween(0.55, 1.0);
            }
        }
        assertThat(lowest).isBetween(0.05, 0.06);
        assertThat(highest).isBetween(0.68, 0.7);
        assertThat(modes).containsExactlyInAnyOrder(DepthMode.UNIFORM, DepthMode.RADIAL, DepthMode.VERTICAL);
    }

    @Test
    void hazyImageStaysInUnitRange() {
        HazeSampler sampler = new HazeSampler();
        for (long seed = 0; seed < 5; seed++) {
            for (float v : HazeSynthesizer.apply(pattern(33, 17), sampler.sample(seed)).hazy().data()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    private static float minOf(FloatImage image) {
        float min = Float.MAX_VALUE;
        for (float v : image.data()) {
            min = Math.min(min, v);
        }
        return min;
    }
}
