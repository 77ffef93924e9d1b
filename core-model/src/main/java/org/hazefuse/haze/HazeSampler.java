package org.hazefuse.haze;

import java.util.SplittableRandom;

/**
 * Draws random {@link HazeSettings}, one per training sample or validation image, deterministically from a seed.
 *
 * <p>Per draw: the farthest transmission {@code t_far} uniform in [{@code minTransmission},
 * {@code maxTransmission}] (so β = −ln t_far; the defaults 0.05–0.7 reach the heavy hazes of the test sets,
 * docs/design/iassf.md "Haze synthesis"); gray airlight uniform in [{@code airlightMin}, {@code airlightMax}] plus a
 * per-channel tint uniform in ±{@code tintMax} (clamped to [0, 1]); depth mode UNIFORM (20 %), RADIAL (40 %,
 * centre x in [0.25, 0.75], y in [0.2, 0.6]) or VERTICAL (40 %); {@code near} uniform in
 * [{@code nearMin}, {@code nearMax}]; relief uniform in [0, {@code reliefMax}].
 */
public final class HazeSampler {

    /** The sampling ranges. */
    public record Ranges(double minTransmission, double maxTransmission, double airlightMin, double airlightMax,
                         double tintMax, double nearMin, double nearMax, double reliefMax) {
        public Ranges {
            if (!(0 < minTransmission && minTransmission <= maxTransmission && maxTransmission <= 1)) {
                throw new IllegalArgumentException("need 0 < minTransmission <= maxTransmission <= 1");
            }
            if (!(0 <= airlightMin && airlightMin <= airlightMax && airlightMax <= 1)) {
                throw new IllegalArgumentException("need 0 <= airlightMin <= airlightMax <= 1");
            }
            if (!(0 <= nearMin && nearMin <= nearMax && nearMax <= 1)) {
                throw new IllegalArgumentException("need 0 <= nearMin <= nearMax <= 1");
            }
            if (!(tintMax >= 0 && tintMax <= 1 && reliefMax >= 0 && reliefMax <= 1)) {
                throw new IllegalArgumentException("tintMax and reliefMax must be in [0, 1]");
            }
        }

        /** Transmission 0.05–0.7 at the farthest point, airlight 0.6–1.0, tint ±0.05, near 0.2–0.7, relief ≤ 0.3. */
        public static Ranges defaults() {
            return new Ranges(0.05, 0.7, 0.6, 1.0, 0.05, 0.2, 0.7, 0.3);
        }

        /** These ranges with another farthest-transmission range. */
        public Ranges withTransmission(double min, double max) {
            return new Ranges(min, max, airlightMin, airlightMax, tintMax, nearMin, nearMax, reliefMax);
        }
    }

    private final Ranges ranges;

    public HazeSampler(Ranges ranges) {
        this.ranges = ranges;
    }

    /** With {@link Ranges#defaults()}. */
    public HazeSampler() {
        this(Ranges.defaults());
    }

    public Ranges ranges() {
        return ranges;
    }

    /** The settings for {@code seed}; the same seed always gives the same settings. */
    public HazeSettings sample(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double tFar = uniform(random, ranges.minTransmission(), ranges.maxTransmission());
        double beta = -Math.log(tFar);
        double gray = uniform(random, ranges.airlightMin(), ranges.airlightMax());
        HazeSettings.Airlight airlight = new HazeSettings.Airlight(
                tinted(random, gray), tinted(random, gray), tinted(random, gray));
        double pick = random.nextDouble();
        DepthMode mode = pick < 0.2 ? DepthMode.UNIFORM : pick < 0.6 ? DepthMode.RADIAL : DepthMode.VERTICAL;
        double near = uniform(random, ranges.nearMin(), ranges.nearMax());
        double cx = uniform(random, 0.25, 0.75);
        double cy = uniform(random, 0.2, 0.6);
        double relief = uniform(random, 0, ranges.reliefMax());
        return new HazeSettings(beta, airlight, mode, near, cx, cy, relief, random.nextLong());
    }

    private double tinted(SplittableRandom random, double gray) {
        return Math.min(1, Math.max(0, gray + uniform(random, -ranges.tintMax(), ranges.tintMax())));
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return hi > lo ? lo + (hi - lo) * random.nextDouble() : lo;
    }
}
