package org.hazefuse.metrics;

/**
 * The metrics of the evaluation suite, in report order, with what a report needs to show them: label, unit,
 * direction and which images they compare. Definitions and conventions are in each metric's class and in
 * {@code docs/metrics.md}.
 */
public enum Metric {
    MI("MI", "bits", true, Kind.FUSION, "mutual information MI(F,IR)+MI(F,VIS), 256 bins, log2"),
    QABF("Qabf", "", true, Kind.FUSION, "Xydeas-Petrovic edge preservation, Sobel"),
    QCV("Qcv", "", false, Kind.FUSION, "Chen-Varshney perceptual difference"),
    SCD("SCD", "", true, Kind.FUSION, "sum of the correlations of differences"),
    VIF("VIF", "", true, Kind.FUSION, "pixel-domain VIF(IR,F)+VIF(VIS,F)"),
    SF("SF", "", true, Kind.NO_REFERENCE, "spatial frequency of F"),
    EN("EN", "bits", true, Kind.NO_REFERENCE, "entropy of F, log2"),
    SD("SD", "", true, Kind.NO_REFERENCE, "standard deviation of F"),
    AG("AG", "", true, Kind.NO_REFERENCE, "average gradient of F"),
    PSNR("PSNR", "dB", true, Kind.RESTORATION, "dehazed vs clear visible, RGB, peak 255"),
    SSIM("SSIM", "", true, Kind.RESTORATION, "dehazed vs clear visible, Gaussian 11, sigma 1.5, RGB mean"),
    NIQE("NIQE", "", false, Kind.NO_REFERENCE, "naturalness of F (in place of the Perceptual Index)");

    /** What a metric compares. */
    public enum Kind {
        /** The fused image against the two sources (infrared, and the clear visible when known). */
        FUSION,
        /** The fused image alone. */
        NO_REFERENCE,
        /** The dehazed image against the clear visible; needs a known clear visible. */
        RESTORATION
    }

    private final String label;
    private final String unit;
    private final boolean higherIsBetter;
    private final Kind kind;
    private final String description;

    Metric(String label, String unit, boolean higherIsBetter, Kind kind, String description) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.kind = kind;
        this.description = description;
    }

    /** The name used in tables, CSV headers and the JSON summary, e.g. {@code Qabf}. */
    public String label() {
        return label;
    }

    /** Unit for display, empty when dimensionless. */
    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** ↑ or ↓, for table headers. */
    public String arrow() {
        return higherIsBetter ? "↑" : "↓";
    }

    /** True when {@code a} is strictly better than {@code b} for this metric; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** The metric with this label (case-insensitive). */
    public static Metric byLabel(String label) {
        for (Metric m : values()) {
            if (m.label.equalsIgnoreCase(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric " + label);
    }
}
