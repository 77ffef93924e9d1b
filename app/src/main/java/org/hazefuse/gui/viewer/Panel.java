package org.hazefuse.gui.viewer;

/** The five panels, in display order. */
public enum Panel {
    VISIBLE("Visible", "visible"), INFRARED("Infrared", "infrared"), DEHAZED("Dehazed", "dehazed"),
    DENSITY("Haze density", "density"), FUSED("Fused", "fused");

    private final String title;
    private final String shortName;

    Panel(String title, String shortName) {
        this.title = title;
        this.shortName = shortName;
    }

    /** The name in the read-out line. */
    public String shortName() {
        return shortName;
    }

    public String title() {
        return title;
    }
}
