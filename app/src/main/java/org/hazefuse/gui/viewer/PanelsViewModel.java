package org.hazefuse.gui.viewer;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.image.Image;
import org.hazefuse.gui.display.DisplayRenderer;
import org.hazefuse.gui.display.DisplaySettings;
import org.hazefuse.gui.image.FxImages;
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
    /** The images as handed in, for each panel's default display; what is shown may be re-rendered from values. */
    private final Map<Panel, Image> base = new EnumMap<>(Panel.class);
    private final DisplayViewModel display;
    private final Map<Panel, ReadOnlyStringWrapper> values = new EnumMap<>(Panel.class);
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper("");
    private final StringProperty outputNotice = new SimpleStringProperty("");
    private static final char NBSP = '\u00a0';

    public PanelsViewModel(Session session, ViewerViewModel viewer) {
        this.session = session;
        this.viewer = viewer;
        this.display = new DisplayViewModel(this::values);
        for (Panel p : Panel.values()) {
            images.put(p, new SimpleObjectProperty<>());
            values.put(p, new ReadOnlyStringWrapper(""));
        }
        session.inputProperty().addListener((obs, old, in) -> {
            if (in != null) {
                viewer.setImageSize(in.width(), in.height());
            }
            updateReadout();
            refreshAll();
        });
        session.resultProperty().addListener(obs -> {
            updateReadout();
            refreshAll();
        });
        for (Panel p : Panel.values()) {
            display.settingsProperty(p).addListener(obs -> refresh(p));
        }
        viewer.cursorXProperty().addListener(obs -> updateReadout());
        viewer.cursorYProperty().addListener(obs -> updateReadout());
    }

    /**
     * A notice across the output panels (dehazed, density, fused and the before/after view), e.g. that the model
     * is untrained or that the panels show a reduced preview; empty for none. Bound by {@code ViewModels} to the
     * model chooser's and the run's ({@link #notices}).
     */
    public StringProperty outputNoticeProperty() {
        return outputNotice;
    }

    /** The non-empty ones of several notices, one banner: a space between two sentences. */
    public static StringBinding notices(ObservableStringValue... parts) {
        return Bindings.createStringBinding(() -> Stream.of(parts).map(ObservableStringValue::get)
                .filter(t -> t != null && !t.isEmpty()).collect(Collectors.joining(" ")), parts);
    }

    /** Whether {@code p} shows what the model computed (and so carries the {@link #outputNoticeProperty notice}). */
    public static boolean isOutput(Panel p) {
        return p == Panel.DEHAZED || p == Panel.DENSITY || p == Panel.FUSED;
    }

    /** The input's two panels. */
    public void showInput(Image visible, Image infrared) {
        show(Panel.VISIBLE, visible);
        show(Panel.INFRARED, infrared);
    }

    /** The result's three panels; nulls empty them. */
    public void showResult(Image dehazed, Image density, Image fused) {
        show(Panel.DEHAZED, dehazed);
        show(Panel.DENSITY, density);
        show(Panel.FUSED, fused);
    }

    private void show(Panel p, Image image) {
        base.put(p, image);
        refresh(p);
    }

    private void refreshAll() {
        for (Panel p : Panel.values()) {
            refresh(p);
        }
        display.imagesChanged();
    }

    /**
     * The image a panel shows: the one handed in while its display is the default (built off the UI thread), else
     * re-rendered from its values under its display settings (one pass over the pixels).
     */
    private void refresh(Panel p) {
        Image given = base.get(p);
        FloatImage values = values(p);
        DisplaySettings s = display.settings(p);
        if (given == null || values == null || s.equals(DisplayViewModel.defaults(p))) {
            images.get(p).set(given);
        } else {
            images.get(p).set(FxImages.wrap(values.width(), values.height(), DisplayRenderer.argb(values, s)));
        }
    }

    /** The values a panel shows, or null when it shows nothing. */
    public FloatImage values(Panel p) {
        ImagePair in = session.inputProperty().get();
        FusionResult r = session.resultProperty().get();
        return switch (p) {
            case VISIBLE -> in == null ? null : in.visible();
            case INFRARED -> in == null ? null : in.infrared();
            case DEHAZED -> r == null ? null : r.dehazed();
            case DENSITY -> r == null ? null : r.density();
            case FUSED -> r == null ? null : r.fused();
        };
    }

    /** The panel as displayed, as ARGB pixels from its values (for the figure export); null when empty. */
    public int[] displayedArgb(Panel p) {
        FloatImage values = values(p);
        return values == null ? null : DisplayRenderer.argb(values, display.settings(p));
    }

    public DisplayViewModel display() {
        return display;
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
