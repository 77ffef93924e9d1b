package org.hazefuse.gui.viewer;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hazefuse.image.FloatImage;

/**
 * The line profile: the values of all five panels along the line drawn in any of them, in one chart, which is how
 * dehazing and fusion are compared at an edge. Follows the line, the input and the result by itself.
 */
public final class ProfileViewModel {
    /** One panel's curve: the value at each pixel step along the line (luma for colour panels). */
    public record Series(Panel panel, double[] values) {
    }

    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final ViewerViewModel viewer;
    private final PanelsViewModel panels;

    public ProfileViewModel(ViewerViewModel viewer, PanelsViewModel panels, org.hazefuse.gui.session.Session session) {
        this.viewer = viewer;
        this.panels = panels;
        viewer.lineProperty().addListener(obs -> update());
        session.inputProperty().addListener(obs -> update());
        session.resultProperty().addListener(obs -> update());
    }

    private void update() {
        ImageLine line = viewer.lineProperty().get();
        List<Series> out = new ArrayList<>();
        if (line != null && line.length() >= 1) {
            for (Panel p : Panel.values()) {
                FloatImage values = panels.values(p);
                if (values != null) {
                    out.add(new Series(p, line.sample(values)));
                }
            }
        }
        series.setAll(out);
    }

    /** The curves, in panel order; empty without a line. */
    public ObservableList<Series> series() {
        return series;
    }
}
