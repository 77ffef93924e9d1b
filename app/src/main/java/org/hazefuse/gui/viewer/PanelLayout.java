package org.hazefuse.gui.viewer;

/** How the image panels are arranged. */
public enum PanelLayout {
    /** All five panels in one row. */
    ROW("Row"),
    /** Three over three: the five panels and the compare view. */
    GRID("Grid"),
    /** One large before/after view: visible left of the split, fused right of it. */
    COMPARE("Compare");

    private final String label;

    PanelLayout(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
