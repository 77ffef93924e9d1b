package org.hazefuse.degradation;

/**
 * The fixed degradation of every task at every {@link Severity} (docs/design/lure.md, "Degradations"), for
 * evaluation tables: all inside the spec's ranges, light the mildest. The values are in each task's
 * {@code preset} method and tabulated in docs/degradations.md.
 */
public final class DegradationPresets {
    private DegradationPresets() {
    }

    public static Degradation preset(Task task, Severity severity) {
        return switch (task) {
            case HAZE -> Haze.preset(severity);
            case LOW_LIGHT -> LowLight.preset(severity);
            case OVER_EXPOSURE -> OverExposure.preset(severity);
            case NOISE -> SensorNoise.preset(severity);
            case BLUR -> GaussianBlur.preset(severity);
            case RAIN -> Rain.preset(severity);
            case LOW_RESOLUTION -> LowResolution.preset(severity);
            case IR_NOISE -> IrNoise.preset(severity);
            case IR_STRIPES -> IrStripes.preset(severity);
            case IR_LOW_CONTRAST -> IrLowContrast.preset(severity);
            case NONE -> new Identity();
        };
    }
}
