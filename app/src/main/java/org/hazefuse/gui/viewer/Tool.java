package org.hazefuse.gui.viewer;

/** What a drag in an image panel does. */
public enum Tool {
    /** Drag pans (the default), Shift+drag in the compare view moves the split. */
    PAN("Pan"),
    /** Drag draws the line whose profile the chart below the panels shows, in every panel. */
    LINE("Line profile"),
    /** Drag draws the region the metrics are computed for. */
    RECTANGLE("Region");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
