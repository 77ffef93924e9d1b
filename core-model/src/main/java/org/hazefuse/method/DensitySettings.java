package org.hazefuse.method;

/**
 * User-adjustable settings of the dark-channel haze density estimate (docs/design/iassf.md, "Forward pass", step 4),
 * and the strength of the infrared assistance that uses it.
 *
 * @param omega haze retention factor ω in (0, 1]; transmission t = 1 − ω·dark(I/A)
 * @param darkWindow side of the square minimum window of the dark channel, odd, ≥ 1
 * @param guidedRadius radius r of the guided filter's box window (side 2r+1)
 * @param guidedEps guided filter regularisation ε &gt; 0
 * @param infraredAssist scales the density used to mix in infrared features, in [0, 2]; 1 is the trained behaviour
 */
public record DensitySettings(double omega, int darkWindow, int guidedRadius, double guidedEps, double infraredAssist) {
    /** The spec's values: ω 0.95, 15×15 window, guided filter box 60 (radius 30), ε 1e-4, assistance 1. */
    public static final DensitySettings DEFAULT = new DensitySettings(0.95, 15, 30, 1e-4, 1.0);

    public DensitySettings {
        if (!(omega > 0 && omega <= 1)) {
            throw new IllegalArgumentException("omega must be in (0, 1], got " + omega);
        }
        if (darkWindow < 1 || darkWindow % 2 == 0) {
            throw new IllegalArgumentException("dark-channel window must be odd and at least 1, got " + darkWindow);
        }
        if (guidedRadius < 1) {
            throw new IllegalArgumentException("guided filter radius must be at least 1, got " + guidedRadius);
        }
        if (!(guidedEps > 0)) {
            throw new IllegalArgumentException("guided filter epsilon must be positive, got " + guidedEps);
        }
        if (!(infraredAssist >= 0 && infraredAssist <= 2)) {
            throw new IllegalArgumentException("infrared assistance must be in [0, 2], got " + infraredAssist);
        }
    }

    public DensitySettings withOmega(double v) {
        return new DensitySettings(v, darkWindow, guidedRadius, guidedEps, infraredAssist);
    }

    public DensitySettings withDarkWindow(int v) {
        return new DensitySettings(omega, v, guidedRadius, guidedEps, infraredAssist);
    }

    public DensitySettings withGuidedRadius(int v) {
        return new DensitySettings(omega, darkWindow, v, guidedEps, infraredAssist);
    }

    public DensitySettings withGuidedEps(double v) {
        return new DensitySettings(omega, darkWindow, guidedRadius, v, infraredAssist);
    }

    public DensitySettings withInfraredAssist(double v) {
        return new DensitySettings(omega, darkWindow, guidedRadius, guidedEps, v);
    }
}
