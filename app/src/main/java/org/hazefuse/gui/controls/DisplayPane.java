package org.hazefuse.gui.controls;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.hazefuse.gui.display.ColorMap;
import org.hazefuse.gui.display.Histogram;
import org.hazefuse.gui.viewer.DisplayViewModel;
import org.hazefuse.gui.viewer.Panel;

/**
 * The Display section: pick a panel, see its histogram with the min/max markers, set min and max (contrast and
 * brightness) and, for one-channel panels, the lookup table. Binds to {@link DisplayViewModel} only.
 */
public final class DisplayPane extends VBox {
    private static final double HIST_WIDTH = 250;
    private static final double HIST_HEIGHT = 64;
    private final DisplayViewModel display;
    private final Canvas histogram = new Canvas(HIST_WIDTH, HIST_HEIGHT);

    public DisplayPane(DisplayViewModel display) {
        this.display = display;
        setSpacing(4);
        ComboBox<Panel> panel = new ComboBox<>();
        panel.setId("display-panel");
        panel.getItems().setAll(Panel.values());
        panel.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Panel p) {
                return p == null ? "" : p.title();
            }

            @Override
            public Panel fromString(String s) {
                return null;
            }
        });
        panel.valueProperty().bindBidirectional(display.selectedProperty());
        panel.setMaxWidth(Double.MAX_VALUE);
        Label panelLabel = new Label("Panel");
        panelLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox panelRow = row(panelLabel, panel);

        histogram.setId("display-histogram");
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(2);
        var c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        sliders.getColumnConstraints().addAll(c0, new javafx.scene.layout.ColumnConstraints());
        SliderRow.add(sliders, 0, "display-min", "Min (black)", "Values up to this are drawn black (or the table's first colour)",
                0, 1, display.minProperty(), v -> String.format(Locale.ROOT, "%.2f", v));
        SliderRow.add(sliders, 2, "display-max", "Max (white)", "Values from this up are drawn white (or the table's last colour)",
                0, 1, display.maxProperty(), v -> String.format(Locale.ROOT, "%.2f", v));

        ComboBox<ColorMap> lut = new ComboBox<>();
        lut.setId("display-lut");
        lut.getItems().setAll(ColorMap.values());
        lut.valueProperty().bindBidirectional(display.colorMapProperty());
        lut.disableProperty().bind(display.colorMapAppliesProperty().not());
        lut.setMaxWidth(Double.MAX_VALUE);
        Label lutLabel = new Label("Lookup table");
        lutLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox lutRow = row(lutLabel, lut);

        Button auto = new Button("Auto");
        auto.setId("display-auto");
        auto.setOnAction(e -> display.auto());
        auto.setTooltip(new javafx.scene.control.Tooltip("Min and max from the histogram: 0.5 % of the pixels clip at each end"));
        Button reset = new Button("Reset");
        reset.setOnAction(e -> display.reset());
        HBox buttons = new HBox(6, auto, reset);

        getChildren().addAll(panelRow, histogram, sliders, lutRow, buttons);
        setPadding(new Insets(0));
        display.histogramProperty().addListener(obs -> drawHistogram());
        display.minProperty().addListener(obs -> drawHistogram());
        display.maxProperty().addListener(obs -> drawHistogram());
        drawHistogram();
    }

    private static HBox row(Label label, javafx.scene.Node control) {
        HBox row = new HBox(8, label, control);
        HBox.setHgrow(control, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Bars on a square-root scale (a dark sky's peak would flatten everything else), min and max as lines. */
    private void drawHistogram() {
        GraphicsContext g = histogram.getGraphicsContext2D();
        g.setFill(Color.web("#2b2d31"));
        g.fillRect(0, 0, HIST_WIDTH, HIST_HEIGHT);
        Histogram h = display.histogramProperty().get();
        if (h != null && h.max() > 0) {
            g.setFill(Color.web("#b9bcc2"));
            double top = Math.sqrt(h.max());
            double bin = HIST_WIDTH / Histogram.BINS;
            for (int b = 0; b < Histogram.BINS; b++) {
                double bar = Math.sqrt(h.counts()[b]) / top * (HIST_HEIGHT - 4);
                g.fillRect(b * bin, HIST_HEIGHT - bar, Math.max(1, bin), bar);
            }
        }
        g.setLineWidth(1.5);
        g.setStroke(Color.web("#ffd166"));
        double lo = display.minProperty().get() * HIST_WIDTH;
        double hi = display.maxProperty().get() * HIST_WIDTH;
        g.strokeLine(lo, 0, lo, HIST_HEIGHT);
        g.strokeLine(hi, 0, hi, HIST_HEIGHT);
    }
}
