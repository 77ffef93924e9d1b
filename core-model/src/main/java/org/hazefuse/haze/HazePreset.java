package org.hazefuse.haze;

/**
 * Fixed hazes for evaluation tables, so that "heavy" means the same thing in every report. All use a VERTICAL
 * depth proxy (farther toward the top) with {@code near = 0.3}, gray airlight and no relief; the transmission
 * therefore spans {@code [exp(−β), exp(−0.3·β)]}.
 */
public enum HazePreset {
    /** β = 0.4, A = 0.8: t from 0.67 (top) to 0.89 (bottom). */
    LIGHT(0.4, 0.8),
    /** β = 1.2, A = 0.85: t from 0.30 to 0.70. */
    MEDIUM(1.2, 0.85),
    /** β = 2.6, A = 0.9: t from 0.074 to 0.46. */
    HEAVY(2.6, 0.9);

    private static final double NEAR = 0.3;

    private final double beta;
    private final double airlight;

    HazePreset(double beta, double airlight) {
        this.beta = beta;
        this.airlight = airlight;
    }

    public HazeSettings settings() {
        return new HazeSettings(beta, HazeSettings.Airlight.gray(airlight), DepthMode.VERTICAL, NEAR, 0.5, 0.5, 0, 0);
    }
}
