package org.hazefuse.gui.viewer;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hazefuse.gui.display.ColorMap;
import org.hazefuse.gui.display.DisplaySettings;
import org.hazefuse.gui.display.Histogram;
import org.hazefuse.image.FloatImage;

/**
 * Per-panel display controls, as Fiji's Brightness/Contrast and napari's layer controls: each panel has its own
 * min/max and, for one-channel panels (infrared, density), its lookup table. The Display section edits one panel at
 * a time ({@link #selectedProperty()}) through {@link #minProperty()}, {@link #maxProperty()} and
 * {@link #colorMapProperty()}, and shows that panel's {@link #histogramProperty() histogram}.
 */
public final class DisplayViewModel {
    /** The smallest min-to-max span: a narrower one would divide by almost nothing. */
    static final double MIN_SPAN = 0.01;

    private final Map<Panel, ObjectProperty<DisplaySettings>> settings = new EnumMap<>(Panel.class);
    private final ObjectProperty<Panel> selected = new SimpleObjectProperty<>(Panel.VISIBLE);
    private final DoubleProperty min = new SimpleDoubleProperty(0);
    private final DoubleProperty max = new SimpleDoubleProperty(1);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(ColorMap.GRAY);
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper colorMapApplies = new ReadOnlyBooleanWrapper(false);
    private final Function<Panel, FloatImage> images;
    private boolean loading;

    /** @param images the values a panel shows (null while it shows nothing) */
    DisplayViewModel(Function<Panel, FloatImage> images) {
        this.images = images;
        for (Panel p : Panel.values()) {
            settings.put(p, new SimpleObjectProperty<>(defaults(p)));
        }
        selected.addListener((obs, old, now) -> load());
        min.addListener((obs, old, now) -> store(true));
        max.addListener((obs, old, now) -> store(false));
        colorMap.addListener((obs, old, now) -> store(false));
        load();
    }

    /** Gray 0–1 for the images, inferno 0–1 for the density map: what the panels showed before any change. */
    public static DisplaySettings defaults(Panel p) {
        return p == Panel.DENSITY ? DisplaySettings.INFERNO : DisplaySettings.GRAY;
    }

    public ObjectProperty<DisplaySettings> settingsProperty(Panel p) {
        return settings.get(p);
    }

    public DisplaySettings settings(Panel p) {
        return settings.get(p).get();
    }

    /** Min and max from the histogram: 0.5 % of the pixels below black, 0.5 % above white (Fiji's "Auto"). */
    public void auto() {
        Histogram h = histogram.get();
        if (h == null) {
            return;
        }
        double lo = Math.max(0, h.percentile(0.005) - 1.0 / Histogram.BINS);
        double hi = Math.max(lo + MIN_SPAN, h.percentile(0.995));
        settings.get(selected.get()).set(settings(selected.get()).withRange(lo, Math.min(1, hi)));
        load();
    }

    /** The selected panel back to its defaults. */
    public void reset() {
        settings.get(selected.get()).set(defaults(selected.get()));
        load();
    }

    /** The images changed (a new pair or result): the histogram follows. */
    void imagesChanged() {
        refreshHistogram();
    }

    private void load() {
        loading = true;
        DisplaySettings s = settings(selected.get());
        min.set(s.min());
        max.set(s.max());
        colorMap.set(s.colorMap());
        loading = false;
        refreshHistogram();
    }

    /** Writes the editor into the selected panel's settings, keeping max above min (the moved one gives way). */
    private void store(boolean minMoved) {
        if (loading) {
            return;
        }
        double lo = min.get();
        double hi = max.get();
        if (hi - lo < MIN_SPAN) {
            if (minMoved) {
                lo = hi - MIN_SPAN;
            } else {
                hi = lo + MIN_SPAN;
            }
        }
        ColorMap map = colorMap.get() == null ? ColorMap.GRAY : colorMap.get();
        settings.get(selected.get()).set(new DisplaySettings(lo, hi, map));
    }

    private void refreshHistogram() {
        FloatImage img = images.apply(selected.get());
        histogram.set(img == null ? null : Histogram.of(img));
        colorMapApplies.set(img == null ? selected.get() == Panel.INFRARED || selected.get() == Panel.DENSITY
                : img.channels() == 1);
    }

    public ObjectProperty<Panel> selectedProperty() {
        return selected;
    }

    public DoubleProperty minProperty() {
        return min;
    }

    public DoubleProperty maxProperty() {
        return max;
    }

    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    /** The selected panel's histogram; null while it shows nothing. */
    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    /** Whether the selected panel is one-channel, so a lookup table applies (colour images keep their colours). */
    public ReadOnlyBooleanProperty colorMapAppliesProperty() {
        return colorMapApplies.getReadOnlyProperty();
    }
}
