package org.hazefuse.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.hazefuse.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Presets ordered by a measured severity, and random draws inside the spec's ranges. */
class DegradationPresetsTest {

    /**
     * A measured severity, larger is worse: for blur and low resolution the factor by which the high-frequency
     * energy drops (their RMSE saturates once the finest detail is gone); for over-exposure the fraction of
     * samples clipped to white (what is lost for good; its RMSE saturates near the image's distance to white);
     * for the rest the root-mean-square difference from the clean image.
     */
    private static double severity(Task task, FloatImage clean, FloatImage degraded) {
        return switch (task) {
            case BLUR, LOW_RESOLUTION -> TestImages.highFrequency(clean) / TestImages.highFrequency(degraded);
            case OVER_EXPOSURE -> fractionWhite(degraded);
            default -> TestImages.rmse(clean, degraded);
        };
    }

    @ParameterizedTest
    @EnumSource(value = Task.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void presetsAreOrderedLightMediumHeavyByAMeasuredSeverity(Task task) {
        int channels = task.modality().orElseThrow().channels();
        FloatImage clean = TestImages.textured(64, 48, channels);
        long seed = DegradationSeeds.realization(5, task);
        double[] measured = new double[3];
        for (Severity s : Severity.values()) {
            measured[s.ordinal()] = severity(task, clean, DegradationPresets.preset(task, s).apply(clean, seed));
        }
        assertThat(TestImages.rmse(clean, DegradationPresets.preset(task, Severity.LIGHT).apply(clean, seed)))
                .as("light changes the image").isGreaterThan(0.005);
        assertThat(measured[1]).as("medium against light %s", measured[0]).isGreaterThan(measured[0] * 1.05);
        assertThat(measured[2]).as("heavy against medium %s", measured[1]).isGreaterThan(measured[1] * 1.05);
    }

    private static double fractionWhite(FloatImage image) {
        long n = 0;
        for (float v : image.data()) {
            if (v >= 1f) {
                n++;
            }
        }
        return (double) n / image.data().length;
    }

    @Test
    void noneIsIdentityAtEverySeverity() {
        for (Severity s : Severity.values()) {
            assertThat(DegradationPresets.preset(Task.NONE, s)).isInstanceOf(Identity.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void presetsAreInsideTheSamplingRanges(Task task) {
        for (Severity s : Severity.values()) {
            assertInRanges(DegradationPresets.preset(task, s));
        }
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void randomDrawsAreDeterministicAndInsideTheSpecRanges(Task task) {
        SplittableRandom seeds = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            long seed = seeds.nextLong();
            Degradation d = DegradationSampler.sample(task, seed);
            assertThat(d.task()).isEqualTo(task);
            assertThat(DegradationSampler.sample(task, seed)).isEqualTo(d);
            assertInRanges(d);
        }
    }

    @Test
    void blurDrawsBothKindsAndLowResolutionEveryFactor() {
        Set<Class<?>> kinds = new java.util.HashSet<>();
        Set<Integer> factors = new java.util.HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            kinds.add(DegradationSampler.sample(Task.BLUR, seed).getClass());
            factors.add(((LowResolution) DegradationSampler.sample(Task.LOW_RESOLUTION, seed)).factor());
        }
        assertThat(kinds).containsExactlyInAnyOrder(GaussianBlur.class, MotionBlur.class);
        assertThat(factors).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void everyTaskHasAPresetAndADraw() {
        for (Task task : EnumSet.allOf(Task.class)) {
            assertThat(DegradationPresets.preset(task, Severity.MEDIUM).task()).isEqualTo(task);
            assertThat(DegradationSampler.sample(task, 0).task()).isEqualTo(task);
        }
    }

    /** The spec's ranges (docs/design/lure.md, "Degradations"), restated here rather than read from the classes. */
    private static void assertInRanges(Degradation d) {
        if (d instanceof LowLight l) {
            assertThat(l.gamma()).isBetween(1.5, 3.5);
            assertThat(l.gain()).isBetween(0.1, 0.5);
        } else if (d instanceof OverExposure o) {
            assertThat(o.gain()).isBetween(1.5, 3.0);
        } else if (d instanceof SensorNoise n) {
            assertThat(n.sigma() * 255).isBetween(5.0, 50.0);
        } else if (d instanceof GaussianBlur g) {
            assertThat(g.sigma()).isBetween(1.0, 3.0);
        } else if (d instanceof MotionBlur m) {
            assertThat(m.length()).isBetween(5, 21);
            assertThat(m.length() % 2).isEqualTo(1);
        } else if (d instanceof LowResolution r) {
            assertThat(r.factor()).isBetween(2, 4);
        } else if (d instanceof IrNoise n) {
            assertThat(n.sigma() * 255).isBetween(5.0, 30.0);
        } else if (d instanceof IrStripes s) {
            assertThat(s.sigma() * 255).isBetween(5.0, 25.0);
        } else if (d instanceof IrLowContrast c) {
            assertThat(c.factor()).isBetween(0.2, 0.6);
        } else if (d instanceof Rain r) {
            assertThat(r.density()).isBetween(0.001, 0.01);
            assertThat(r.length()).isBetween(10.0, 40.0);
        } else if (d instanceof Haze h) {
            assertThat(h.settings().minTransmission()).isBetween(0.05, 0.7 + 1e-9);
        } else {
            assertThat(d).isInstanceOf(Identity.class);
        }
    }
}
