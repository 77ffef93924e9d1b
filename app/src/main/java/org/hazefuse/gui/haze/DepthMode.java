package org.hazefuse.gui.haze;

/** How the depth proxy of synthesized haze varies over the image (IASSF.md, "Haze synthesis"). */
public enum DepthMode {
    /** The same depth everywhere: uniform haze. */
    UNIFORM("Uniform"),
    /** Farther toward the top (the horizon of a road scene). */
    VERTICAL("Toward horizon"),
    /** Farther toward the image centre. */
    RADIAL("Toward centre");

    private final String label;

    DepthMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
