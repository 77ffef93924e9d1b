package org.hazefuse.gui.viewer;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import org.hazefuse.gui.inference.PixelReadout;
import org.hazefuse.gui.session.Session;
import org.hazefuse.image.FloatImage;
import org.hazefuse.method.FusionResult;
import org.hazefuse.method.ImagePair;

/**
 * What the five panels show: their images (built off the UI thread by whoever read or ran, and handed in here)
 * and the pixel read-out under the cursor, which follows the session's input and result by itself.
 */
public final class PanelsViewModel {
    private final Session session;
    private final ViewerViewModel viewer;
    private final Map<Panel, ObjectProperty<Image>> images = new EnumMap<>(Panel.class);
    private final Map<Panel, ReadOnlyStringWrapper> values = new EnumMap<>(Panel.class);
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper("");
    private static final char NBSP = '\u00a0';

    public PanelsViewModel(Session session, ViewerViewModel viewer) {
        this.session = session;
        this.viewer = viewer;
        for (Panel p : Panel.values()) {
            images.put(p, new SimpleObjectProperty<>());
            values.put(p, new ReadOnlyStringWrapper(""));
        }
        session.inputProperty().addListener((obs, old, in) -> {
            if (in != null) {
                viewer.setImageSize(in.width(), in.height());
            }
            updateReadout();
        });
        session.resultProperty().addListener(obs -> updateReadout());
        viewer.cursorXProperty().addListener(obs -> updateReadout());
        viewer.cursorYProperty().addListener(obs -> updateReadout());
    }

    /** The input's two panels. */
    public void showInput(Image visible, Image infrared) {
        images.get(Panel.VISIBLE).set(visible);
        images.get(Panel.INFRARED).set(infrared);
    }

    /** The result's three panels; nulls empty them. */
    public void showResult(Image dehazed, Image density, Image fused) {
        images.get(Panel.DEHAZED).set(dehazed);
        images.get(Panel.DENSITY).set(density);
        images.get(Panel.FUSED).set(fused);
    }

    public void clear() {
        showInput(null, null);
        showResult(null, null, null);
    }

    private void updateReadout() {
        int x = viewer.cursorXProperty().get();
        int y = viewer.cursorYProperty().get();
        ImagePair in = session.inputProperty().get();
        FusionResult r = session.resultProperty().get();
        if (x < 0 || in == null) {
            cursorText.set("");
            values.values().forEach(v -> v.set(""));
            return;
        }
        FloatImage[] shown = {in.visible(), in.infrared(), r == null ? null : r.dehazed(),
                r == null ? null : r.density(), r == null ? null : r.fused()};
        // Within an entry the spaces are no-break spaces: a wrapped line breaks only between panels.
        StringBuilder line = new StringBuilder("x " + x + "," + NBSP + "y" + NBSP + y);
        for (Panel p : Panel.values()) {
            FloatImage img = shown[p.ordinal()];
            values.get(p).set(PixelReadout.value(img, x, y, 2));
            if (img != null) {
                line.append("   ").append(p.shortName()).append(NBSP)
                        .append(PixelReadout.value(img, x, y).replace(' ', NBSP));
            }
        }
        cursorText.set(line.toString());
    }

    public ObjectProperty<Image> imageProperty(Panel panel) {
        return images.get(panel);
    }

    /** The value under the cursor in one panel, with two decimals. */
    public ReadOnlyStringProperty panelValueProperty(Panel panel) {
        return values.get(panel).getReadOnlyProperty();
    }

    /** The whole read-out line: position and every panel's value. */
    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }
}
