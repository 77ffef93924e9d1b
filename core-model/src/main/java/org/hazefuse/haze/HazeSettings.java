package org.hazefuse.haze;

import java.util.Objects;

/**
 * One haze, fully determined: the same settings on the same image give the same result, bit for bit.
 *
 * <p>Depth: {@code d = clamp(near + (1 − near)·s + relief·(n − ½), 0, 1)}, where s is the {@link DepthMode}
 * shape and n a smooth random field in [0, 1] drawn from {@code seed} (a coarse grid of uniform values,
 * enlarged bilinearly). Transmission {@code t = exp(−β·d)} therefore lies in {@code [exp(−β), 1]}; with
 * {@code relief = 0} and {@link DepthMode#UNIFORM} it is exactly {@code exp(−β)}.
 *
 * @param beta scattering coefficient β ≥ 0 (β = 3 gives t ≈ 0.05 at the farthest point)
 * @param airlight A, gray or per channel, in [0, 1]
 * @param mode depth proxy shape
 * @param near relative depth of the nearest point, in [0, 1]
 * @param centerX RADIAL only: farthest point, as a fraction of the width (0 left, 1 right)
 * @param centerY RADIAL only: farthest point, as a fraction of the height (0 top, 1 bottom)
 * @param relief amplitude of the smooth random depth variation, in [0, 1]; 0 for none
 * @param seed seed of the relief field
 */
public record HazeSettings(double beta, Airlight airlight, DepthMode mode, double near,
                           double centerX, double centerY, double relief, long seed) {
    public HazeSettings {
        Objects.requireNonNull(airlight, "airlight");
        Objects.requireNonNull(mode, "mode");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        requireUnit("near", near);
        requireUnit("centerX", centerX);
        requireUnit("centerY", centerY);
        requireUnit("relief", relief);
    }

    /**
     * The haze of the GUI's synthesis controls: gray airlight, no random relief, depth from 0 at the nearest point
     * (so β alone sets how thick the far haze is; uniform haze sits at depth 1), radial haze farthest at the centre.
     */
    public static HazeSettings viewer(double beta, double airlight, DepthMode mode) {
        return new HazeSettings(beta, Airlight.gray(airlight), mode, mode == DepthMode.UNIFORM ? 1 : 0, 0.5, 0.5, 0,
                0);
    }

    /** Uniform depth, no relief: transmission exactly {@code exp(−β)} everywhere. */
    public static HazeSettings uniform(double beta, Airlight airlight) {
        return new HazeSettings(beta, airlight, DepthMode.UNIFORM, 1, 0.5, 0.5, 0, 0);
    }

    /** Transmission at the farthest point without relief, {@code exp(−β)}. */
    public double minTransmission() {
        return Math.exp(-beta);
    }

    /** Transmission at the nearest point without relief, {@code exp(−β·near)}. */
    public double maxTransmission() {
        return Math.exp(-beta * near);
    }

    private static void requireUnit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }

    /**
     * Atmospheric light A per channel (R, G, B), in [0, 1]. Haze is synthesized on the visible image only; the
     * infrared image is left as is (thermal infrared passes through haze: the premise of IASSF).
     */
    public record Airlight(double r, double g, double b) {
        public Airlight {
            requireUnit("airlight r", r);
            requireUnit("airlight g", g);
            requireUnit("airlight b", b);
        }

        public static Airlight gray(double a) {
            return new Airlight(a, a, a);
        }

        float[] toArray() {
            return new float[] {(float) r, (float) g, (float) b};
        }
    }
}
